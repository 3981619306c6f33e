import type { Provider } from '@nestjs/common';
import { eventConsumerProviders } from '@phoi-hop/messaging';
import { ReadModelProjector } from './read-model.projector';

/** The durable consumer feeding the statistics read models: every event of every service, from the start of the stream. */
export const READ_MODEL_CONSUMER = 'reporting-read-models';
export const READ_MODEL_SUBJECTS = ['evt.>'] as const;

/** Events applied per transaction unless `READ_MODEL_BATCH_SIZE` says otherwise. */
export const DEFAULT_READ_MODEL_BATCH = 1000;

/** The consumer, applying up to `maxBatch` fetched events per transaction (1: one event per transaction). */
export function readModelConsumerProviders(maxBatch: number = DEFAULT_READ_MODEL_BATCH): Provider[] {
  return eventConsumerProviders(READ_MODEL_CONSUMER, [...READ_MODEL_SUBJECTS], ReadModelProjector, { maxBatch });
}
