/** Where and how a service talks to NATS. Tests give every run its own prefix and stream. */
export interface MessagingOptions {
  natsUrl: string;
  /** NATS user and password of this service (per-service permissions in production); unset: none. */
  natsUser?: string;
  natsPassword?: string;
  /** The service name: NATS queue group, connection name, metric label. */
  serviceName: string;
  /** Prepended to every RPC and event subject (e.g. "t1a2b." in tests); "" in production. */
  subjectPrefix: string;
  /** JetStream stream for domain events; "EVENTS" in production. */
  streamName: string;
  /** Default timeout of every RPC call. */
  rpcTimeoutMs: number;
  /** Replicas of the streams this service creates (events, agency feed); 1 unless on a JetStream cluster. */
  streamReplicas?: number;
  /** Days the events stream keeps an event (default two years: a rebuild of the statistics needs them). */
  eventsMaxAgeDays?: number;
}

/** Longest retention the events stream may be given: a hundred years. */
export const MAX_EVENTS_MAX_AGE_DAYS = 36_500;

/** JetStream keeps at most 5 copies of a stream. */
export const MAX_STREAM_REPLICAS = 5;

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const NATS_CONNECTION = Symbol('NATS_CONNECTION');

export const SUBJECT_PREFIX_PATTERN = /^([a-z][a-z0-9_-]{0,30}\.)?$/;

/** The user and password of the NATS connection options (none when the service has no NATS user). */
export function natsCredentials(options: MessagingOptions): { user?: string; pass?: string } {
  return options.natsUser ? { user: options.natsUser, pass: options.natsPassword } : {};
}

export function assertMessagingOptions(options: MessagingOptions): void {
  if (!SUBJECT_PREFIX_PATTERN.test(options.subjectPrefix)) {
    throw new Error(`Invalid NATS subject prefix "${options.subjectPrefix}": use e.g. "test1." or ""`);
  }
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(options.streamName)) {
    throw new Error(`Invalid JetStream stream name "${options.streamName}"`);
  }
  if (!(options.rpcTimeoutMs > 0)) throw new Error('rpcTimeoutMs must be positive');
  if (Boolean(options.natsUser) !== Boolean(options.natsPassword)) throw new Error('NATS_USER and NATS_PASSWORD must be set together');
  const replicas = options.streamReplicas ?? 1;
  if (!Number.isInteger(replicas) || replicas < 1 || replicas > MAX_STREAM_REPLICAS) {
    throw new Error(`EVENTS_STREAM_REPLICAS must be an integer from 1 to ${MAX_STREAM_REPLICAS} (got ${String(options.streamReplicas)})`);
  }
  const maxAge = options.eventsMaxAgeDays;
  if (maxAge !== undefined && (!Number.isInteger(maxAge) || maxAge < 1 || maxAge > MAX_EVENTS_MAX_AGE_DAYS)) {
    throw new Error(`EVENTS_MAX_AGE_DAYS must be a whole number of days from 1 to ${MAX_EVENTS_MAX_AGE_DAYS} (got ${String(maxAge)})`);
  }
}
