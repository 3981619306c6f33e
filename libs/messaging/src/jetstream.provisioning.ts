import { nanos } from '@nats-io/nats-core';
import { RetentionPolicy, StorageType, type JetStreamManager } from '@nats-io/jetstream';
import { EVENT_SUBJECT_ROOT } from '@phoi-hop/contracts';

export interface EventsStreamOptions {
  streamName: string;
  subjectPrefix: string;
  /** Window in which JetStream drops a re-published event with the same Nats-Msg-Id. */
  duplicateWindowMs?: number;
  /** Days an event is kept (EVENTS_MAX_AGE_DAYS); applied to an existing stream too. */
  maxAgeDays?: number;
  replicas?: number;
}

/** Two years: the statistics are rebuilt from the stream, and an annual report compares with the year before. */
export const DEFAULT_EVENTS_MAX_AGE_DAYS = 730;

const DAY_MS = 24 * 3600_000;

/** Subjects captured by the events stream: `<prefix>evt.>`, disjoint from every RPC subject. */
export function eventsStreamSubject(subjectPrefix: string): string {
  return `${subjectPrefix}${EVENT_SUBJECT_ROOT}.>`;
}

/** Creates the events stream if missing (idempotent; every service calls it at boot). */
export async function ensureEventsStream(jsm: JetStreamManager, options: EventsStreamOptions): Promise<void> {
  const subjects = [eventsStreamSubject(options.subjectPrefix)];
  const config = {
    name: options.streamName,
    subjects,
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    duplicate_window: nanos(options.duplicateWindowMs ?? 10 * 60_000),
    max_age: nanos((options.maxAgeDays ?? DEFAULT_EVENTS_MAX_AGE_DAYS) * DAY_MS),
    num_replicas: options.replicas ?? 1,
  };
  try {
    const info = await jsm.streams.info(options.streamName);
    const missing = subjects.filter((s) => !info.config.subjects?.includes(s));
    // A stream created on one node keeps one copy until asked for more: raising the setting on a
    // JetStream cluster replicates the existing stream in place (JetStream moves the data itself).
    const replicas = options.replicas ?? 1;
    const moreReplicas = replicas > (info.config.num_replicas ?? 1);
    // The retention is the setting's, whichever it was before: longer keeps more, shorter drops the oldest events.
    const otherAge = info.config.max_age !== config.max_age;
    if (missing.length > 0 || moreReplicas || otherAge) {
      await jsm.streams.update(options.streamName, {
        ...info.config,
        subjects: [...(info.config.subjects ?? []), ...missing],
        num_replicas: Math.max(replicas, info.config.num_replicas ?? 1),
        max_age: config.max_age,
      });
    }
  } catch (error) {
    if (!String((error as Error)?.message).includes('stream not found')) throw error;
    try {
      await jsm.streams.add(config);
    } catch (addError) {
      // Another replica (or service) created it between our info and add: the server answers
      // "already in use" or, when the two adds cross, "subjects overlap". Either is fine once the
      // stream is there with our subjects; anything else (a stream of another name on them) is not.
      const created = await jsm.streams.info(options.streamName).catch(() => null);
      if (!created || !subjects.every((s) => created.config.subjects?.includes(s))) throw addError;
    }
  }
}
