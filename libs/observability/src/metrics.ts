import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

// One registry and one instance of each metric per process: several services may share a process
// (tests, the dev launcher), so they are told apart by the `service` label, never by re-registering.
let registry: Registry | null = null;
const metrics = new Map<string, unknown>();

/** The process's Prometheus registry, with Node's default metrics (prefix `phoihop_`). */
export function metricsRegistry(): Registry {
  if (!registry) {
    registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: 'phoihop_' });
  }
  return registry;
}

function once<T>(name: string, create: () => T): T {
  if (!metrics.has(name)) metrics.set(name, create());
  return metrics.get(name) as T;
}

/** Duration of NATS requests, seen by callers and by handlers. */
export function rpcDuration(): Histogram<'service' | 'subject' | 'outcome'> {
  return once(
    'rpc',
    () =>
      new Histogram({
        name: 'phoihop_rpc_duration_seconds',
        help: 'NATS request/reply duration',
        labelNames: ['service', 'subject', 'outcome'],
        buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
        registers: [metricsRegistry()],
      }),
  );
}

/** Jobs written together in one transaction by a group-commit queue (e.g. report submissions). */
export function batchSize(): Histogram<'service' | 'queue' | 'outcome'> {
  return once(
    'batch',
    () =>
      new Histogram({
        name: 'phoihop_batch_size',
        help: 'Jobs per group-committed transaction; outcome "retried" when a batch failed and its jobs were written one by one, "stale" when it read data changed before it held its lock and started again',
        labelNames: ['service', 'queue', 'outcome'],
        buckets: [1, 2, 4, 8, 16, 32, 64, 128],
        registers: [metricsRegistry()],
      }),
  );
}

/** Events relayed from the outbox to JetStream. */
export function eventsPublished(): Counter<'service' | 'subject'> {
  return once(
    'published',
    () =>
      new Counter({
        name: 'phoihop_events_published_total',
        help: 'Domain events relayed from the outbox to JetStream',
        labelNames: ['service', 'subject'],
        registers: [metricsRegistry()],
      }),
  );
}

/** Events applied by durable consumers. */
export function eventsConsumed(): Counter<'service' | 'subject'> {
  return once(
    'consumed',
    () =>
      new Counter({
        name: 'phoihop_events_consumed_total',
        help: 'Domain events applied by durable consumers',
        labelNames: ['service', 'subject'],
        registers: [metricsRegistry()],
      }),
  );
}

/** Committed outbox rows not yet published. */
export function outboxLag(): Gauge<'service'> {
  return once(
    'lag',
    () => new Gauge({ name: 'phoihop_outbox_pending', help: 'Committed events not yet published', labelNames: ['service'], registers: [metricsRegistry()] }),
  );
}

/**
 * Messages of the events stream a durable consumer has not acknowledged yet (JetStream's
 * `num_pending` + `num_ack_pending`): its lag behind the stream.
 */
export function consumerPending(): Gauge<'service' | 'consumer'> {
  return once(
    'consumerPending',
    () =>
      new Gauge({
        name: 'phoihop_consumer_pending',
        help: 'Events a durable consumer has not acknowledged yet (pending + awaiting ack)',
        labelNames: ['service', 'consumer'],
        registers: [metricsRegistry()],
      }),
  );
}

/**
 * Stored due work (deadlines) by state: `due` (its time has come, not fired yet: the backlog),
 * `stuck` (failed every attempt: it will not fire without an operator), `scheduled` (in the future).
 */
export function dueWorkPending(): Gauge<'queue' | 'state'> {
  return once(
    'dueWorkPending',
    () =>
      new Gauge({
        name: 'phoihop_due_work_pending',
        help: 'Stored deadlines by state: due (backlog), stuck (failed every attempt), scheduled',
        labelNames: ['queue', 'state'],
        registers: [metricsRegistry()],
      }),
  );
}

/** How long the oldest due item has waited past its time (0 when none is due). */
export function dueWorkOldestSeconds(): Gauge<'queue'> {
  return once(
    'dueWorkOldest',
    () =>
      new Gauge({
        name: 'phoihop_due_work_oldest_due_seconds',
        help: 'Seconds the oldest due deadline has waited past its time',
        labelNames: ['queue'],
        registers: [metricsRegistry()],
      }),
  );
}

/**
 * Refused credentials (expired, forged, unknown key) by reason, `source="credential"`; failed reads
 * of the identity provider, `source="provider"`. The credential itself is never recorded.
 */
export function authFailures(): Counter<'service' | 'reason' | 'source'> {
  return once(
    'authFailures',
    () =>
      new Counter({
        name: 'phoihop_auth_failures_total',
        help: 'Refused tokens and keys, and identity provider failures',
        labelNames: ['service', 'reason', 'source'],
        registers: [metricsRegistry()],
      }),
  );
}

/** 1 for each service running in this process, so a scrape says whose metrics these are. */
export function serviceInfo(): Gauge<'service'> {
  return once(
    'serviceInfo',
    () => new Gauge({ name: 'phoihop_service_info', help: 'Services running in this process', labelNames: ['service'], registers: [metricsRegistry()] }),
  );
}
