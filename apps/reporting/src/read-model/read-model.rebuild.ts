import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { DataSource } from 'typeorm';
import { DurableConsumer } from '@phoi-hop/messaging';
import { READ_MODEL_CONSUMER, READ_MODEL_SUBJECTS } from './read-model.consumer';
import { ReadModelProjector } from './read-model.projector';
import { ReadModelRepository } from './read-model.repository';

export interface RebuildOptions {
  dataSource: DataSource;
  js: JetStreamClient;
  jsm: JetStreamManager;
  streamName: string;
  subjectPrefix: string;
  /** Rebuild even though a reporting replica seems to be consuming (its pull requests are waiting). */
  force?: boolean;
  /** Longest wait for the replay to catch up with the stream. */
  timeoutMs?: number;
  onProgress?: (pending: number) => void;
}

export interface RebuildResult {
  events: number;
  cases: number;
  ms: number;
}

export class RebuildRefused extends Error {}

/**
 * Empties the read models and replays the events stream from its first event through the durable
 * consumer and projector the service runs, so the numbers are those the service would have; the
 * consumer is left at the stream's end for the service to go on from.
 */
export async function rebuildReadModels(options: RebuildOptions): Promise<RebuildResult> {
  const started = Date.now();
  const existing = await options.jsm.consumers.info(options.streamName, READ_MODEL_CONSUMER).catch(() => null);
  if (existing && existing.num_waiting > 0 && !options.force) {
    throw new RebuildRefused(
      `A reporting replica is consuming ${options.streamName} (${existing.num_waiting} pull requests waiting): stop the reporting service first, or pass --force`,
    );
  }
  if (existing) await options.jsm.consumers.delete(options.streamName, READ_MODEL_CONSUMER);
  const readModels = new ReadModelRepository();
  await options.dataSource.transaction((manager) => readModels.truncate(manager, READ_MODEL_CONSUMER));
  const projector = new ReadModelProjector(readModels);
  const consumer = new DurableConsumer(
    options.js,
    options.jsm,
    options.dataSource,
    {
      durable: READ_MODEL_CONSUMER,
      streamName: options.streamName,
      subjectPrefix: options.subjectPrefix,
      subjects: [...READ_MODEL_SUBJECTS],
      serviceName: 'reporting-rebuild',
      lagRefreshMs: 60_000,
    },
    (envelope, manager) => projector.handle(envelope, manager),
  );
  await consumer.start();
  try {
    const deadline = Date.now() + (options.timeoutMs ?? 3_600_000);
    for (;;) {
      const pending = await consumer.refreshLag();
      if (pending === 0) break;
      if (pending !== undefined) options.onProgress?.(pending);
      if (Date.now() > deadline) throw new Error(`The replay did not catch up in time (${pending ?? '?'} events still pending)`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await consumer.stop();
  }
  const counts = await readModels.rebuiltCounts(options.dataSource.manager, READ_MODEL_CONSUMER);
  return { ...counts, ms: Date.now() - started };
}
