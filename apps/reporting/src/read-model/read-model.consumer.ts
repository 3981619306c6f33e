import type { Provider } from '@nestjs/common';
import { eventConsumerProviders } from '@phoi-hop/messaging';
import { ReadModelProjector } from './read-model.projector';

/** The durable consumer feeding the statistics read models: every event of every service, from the start of the stream. */
export const READ_MODEL_CONSUMER = 'reporting-read-models';
export const READ_MODEL_SUBJECTS = ['evt.>'] as const;

export function readModelConsumerProviders(): Provider[] {
  return eventConsumerProviders(READ_MODEL_CONSUMER, [...READ_MODEL_SUBJECTS], ReadModelProjector);
}
