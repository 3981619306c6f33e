import { createHash } from 'node:crypto';
import { nanos } from '@nats-io/nats-core';
import { RetentionPolicy, StorageType, type JetStreamManager } from '@nats-io/jetstream';
import { AGENCY_FEED_SUBJECT_ROOT, REFERENCE_CODE_PATTERN } from '@phoi-hop/contracts';

/** `agency.<AGENCY_CODE>.<event subject>`, e.g. `agency.CA.evt.intake.case.opened` (before the subject prefix). */
export function agencyFeedSubject(agencyCode: string, eventType: string): string {
  if (!REFERENCE_CODE_PATTERN.test(agencyCode)) throw new Error(`Not an agency code: ${agencyCode}`);
  return `${AGENCY_FEED_SUBJECT_ROOT}.${agencyCode}.${eventType}`;
}

/** Subjects captured by the agency feed stream: `<prefix>agency.>`, disjoint from the events stream's `<prefix>evt.>`. */
export function agencyFeedStreamSubject(subjectPrefix: string): string {
  return `${subjectPrefix}${AGENCY_FEED_SUBJECT_ROOT}.>`;
}

export interface AgencyFeedStreamOptions {
  streamName: string;
  subjectPrefix: string;
  maxAgeDays?: number;
  replicas?: number;
}

/** Creates the agency feed stream if missing (idempotent; every replica calls it at boot). */
export async function ensureAgencyFeedStream(jsm: JetStreamManager, options: AgencyFeedStreamOptions): Promise<void> {
  const subjects = [agencyFeedStreamSubject(options.subjectPrefix)];
  try {
    await jsm.streams.info(options.streamName);
    return;
  } catch (error) {
    if (!String((error as Error)?.message).includes('stream not found')) throw error;
  }
  try {
    await jsm.streams.add({
      name: options.streamName,
      subjects,
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      duplicate_window: nanos(10 * 60_000),
      max_age: nanos((options.maxAgeDays ?? 30) * 24 * 3600_000),
      num_replicas: options.replicas ?? 1,
    });
  } catch (error) {
    // Another replica created it between our info and add.
    if (!String((error as Error)?.message).includes('already in use')) throw error;
  }
}

/** The same id for the same event and agency, so a copy queued twice is published once. */
export function feedCopyId(eventId: string, agencyCode: string): string {
  const hex = createHash('sha256').update(`agency-feed:${eventId}:${agencyCode}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
