import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { DataSource } from 'typeorm';
import { AckPolicy, DeliverPolicy } from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import type { EventEnvelope } from '@phoi-hop/contracts';
import { DURABLE_CONSUMER_DEFAULTS, subjectMatchesAny } from '@phoi-hop/messaging';
import { READ_MODEL_CONSUMER, READ_MODEL_SUBJECTS } from './read-model.consumer';
import { ReadModelRepository } from './read-model.repository';
import { RollupSums } from './read-model.rollup-sums';
import { caseContributions, caseScopes, factOfEvent, pressContributions, projectCase, type CaseFact, type Fact } from './read-model.rules';

export interface RebuildOptions {
  dataSource: DataSource;
  js: JetStreamClient;
  jsm: JetStreamManager;
  streamName: string;
  subjectPrefix: string;
  /** Rebuild even though a reporting replica seems to be consuming (its pull requests are waiting). */
  force?: boolean;
  /** Longest wait for the reading of the stream. */
  timeoutMs?: number;
  /** Called after each batch of events stored, with the number of events still to read. */
  onProgress?: (pending: number) => void;
}

export interface RebuildResult {
  events: number;
  cases: number;
  ms: number;
  /** Milliseconds spent reading the stream into facts, folding the cases, and writing the rollups. */
  stages: { readMs: number; foldMs: number; rollupsMs: number };
}

export class RebuildRefused extends Error {}

/** Events stored per statement, and cases recomputed per batch, during a rebuild. */
const FACT_BATCH = 5_000;
const CASE_BATCH = 2_000;
/** Rollup rows per statement when they are written. */
const ROLLUP_CHUNK = 5_000;

/**
 * Empties the read models and rebuilds them from the events stream in bulk, to the numbers the
 * service's consumer gives (the same pure rules): the stream is read from its first event with an
 * ordered consumer in large batches and every event stored as a fact (a second copy of an event is
 * skipped by its id); then each case is folded once from all its facts, and the rollups are summed
 * in memory and written in large statements. Last, the durable consumer is created at the stream
 * position reached, for the service to go on from (an event that was read again is skipped by its id).
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
  const manager = options.dataSource.manager;
  await options.dataSource.transaction((tx) => readModels.truncate(tx, READ_MODEL_CONSUMER));
  const deadline = Date.now() + (options.timeoutMs ?? 3_600_000);
  const filter = eventsSubject(options.subjectPrefix);

  // 1. Every event of the stream, stored as a fact; the cases met and the newest time kept in memory
  // (a million case ids are some 100 MB; finding them again in the facts cost a quarter of the fold).
  const ids = new Set<string>();
  const caseIds = new Set<string>();
  let newest: string | null = null;
  let lastSequence = 0;
  const reader = await options.js.consumers.get(options.streamName, { filter_subjects: filter, deliver_policy: DeliverPolicy.All });
  let pending = (await reader.info()).num_pending;
  if (pending > 0) {
    let batch: CaseFact[] = [];
    // One statement in flight while the next batch is read from the stream.
    let storing: Promise<unknown> = Promise.resolve();
    const flush = async () => {
      const facts = batch;
      batch = [];
      await storing;
      storing = readModels.insertFacts(manager, facts);
      storing.catch(() => undefined);
      options.onProgress?.(pending);
    };
    const messages = await reader.consume({ max_messages: 4_096 });
    for await (const message of messages) {
      lastSequence = message.seq;
      pending = message.info.pending;
      const envelope = message.json<EventEnvelope>();
      if (subjectMatchesAny(READ_MODEL_SUBJECTS, envelope.type)) {
        ids.add(envelope.id.toLowerCase());
        const fact = factOfEvent(envelope);
        if (fact) {
          batch.push(fact);
          if (fact.caseId !== null) caseIds.add(fact.caseId);
          if (newest === null || fact.occurredAt > newest) newest = fact.occurredAt;
        }
      }
      if (batch.length >= FACT_BATCH) await flush();
      if (pending === 0) break;
      if (Date.now() > deadline) throw new Error(`The replay did not catch up in time (${pending} events still pending)`);
    }
    await messages.close();
    await flush();
    await storing;
  }

  const read = Date.now();
  // 2. Each case folded once; its rollup contributions summed in memory (about a row per scope, day
  // and metric in use: some 1.4 M rows for a million cases) and written once, into the empty table,
  // so no row is updated (adding to rows already written costs ten times as much). The facts of the
  // next cases are read while the current ones are folded and written.
  const rollups = new RollupSums();
  const ordered = [...caseIds].sort();
  const factsOf = (from: number) => {
    const facts = readModels.factsOf(manager, ordered.slice(from, from + CASE_BATCH));
    facts.catch(() => undefined);
    return facts;
  };
  let cases = 0;
  let next = ordered.length > 0 ? factsOf(0) : null;
  for (let from = 0; from < ordered.length; from += CASE_BATCH) {
    const facts = await next!;
    next = from + CASE_BATCH < ordered.length ? factsOf(from + CASE_BATCH) : null;
    const byCase = new Map<string, Fact[]>(ordered.slice(from, from + CASE_BATCH).map((id) => [id, []]));
    for (const fact of facts) byCase.get(fact.caseId!)!.push(fact);
    const folded = [...byCase].map(([caseId, caseFacts]) => {
      const state = projectCase(caseId, caseFacts);
      const contributions = { scopes: caseScopes(state), items: caseContributions(state) };
      rollups.add(contributions);
      return { state, contributions };
    });
    await readModels.insertCases(manager, folded);
    cases += folded.length;
  }
  for (const fact of await readModels.factsOf(manager, null)) {
    rollups.add({ scopes: ['*'], items: pressContributions(fact.subject, fact.occurredAt, fact.data) });
  }
  const foldedAt = Date.now();
  const rows = rollups.rows();
  for (let i = 0; i < rows.length; i += ROLLUP_CHUNK) await readModels.insertRollups(manager, rows.slice(i, i + ROLLUP_CHUNK));
  if (newest) await readModels.advanceAsOf(manager, newest);

  // 3. The service's durable consumer, from the first event not read.
  await options.jsm.consumers.add(options.streamName, {
    durable_name: READ_MODEL_CONSUMER,
    ack_policy: AckPolicy.Explicit,
    ...(lastSequence > 0 ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: lastSequence + 1 } : { deliver_policy: DeliverPolicy.All }),
    filter_subject: filter,
    max_deliver: DURABLE_CONSUMER_DEFAULTS.maxDeliver,
    ack_wait: nanos(DURABLE_CONSUMER_DEFAULTS.ackWaitMs),
  });
  return {
    events: ids.size,
    cases,
    ms: Date.now() - started,
    stages: { readMs: read - started, foldMs: foldedAt - read, rollupsMs: Date.now() - foldedAt },
  };
}

/** The stream subject the read models consume (one pattern, filtered on the server). */
function eventsSubject(prefix: string): string {
  return `${prefix}${READ_MODEL_SUBJECTS[0]}`;
}
