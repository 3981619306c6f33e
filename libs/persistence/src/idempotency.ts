import { createHash } from 'node:crypto';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { ErrorCodes } from '@phoi-hop/contracts';
import { queryRows } from './transaction.util';

/** How long a key is remembered: a retry later than this is a new request (IETF Idempotency-Key draft: the server chooses). */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;
const TABLE = 'idempotency_key';
/** Expired keys are deleted at most this often per process (a retry never sees them: every read filters by age). */
const PURGE_INTERVAL_MS = 60_000;

/**
 * The table of a service's remembered creations, created by that service's own migration (each
 * service owns its schema): who asked, with which key, a hash of what was asked, and the first
 * answer, written in the transaction that created the thing so a lost answer is replayed exactly.
 */
export async function createIdempotencyKeyTable(runner: QueryRunner): Promise<void> {
  await runner.query(`
    CREATE TABLE ${TABLE} (
      caller text NOT NULL,
      key text NOT NULL,
      operation text NOT NULL,
      fingerprint text NOT NULL,
      response jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (caller, key)
    )`);
  await runner.query(`CREATE INDEX ${TABLE}_created_idx ON ${TABLE} (created_at)`);
}

export async function dropIdempotencyKeyTable(runner: QueryRunner): Promise<void> {
  await runner.query(`DROP TABLE ${TABLE}`);
}

/** One request that carries a key: the caller's identity, the key, and the hash of its canonical input. */
export interface IdempotentRequest {
  caller: string;
  key: string;
  operation: string;
  fingerprint: string;
}

/** The same key from the same caller with another input: the client reused a key by mistake. */
export class IdempotencyConflictError extends Error {
  readonly code = ErrorCodes.CONFLICT;
  readonly field = 'clientRequestId';

  constructor(operation: string) {
    super(`This idempotency key was already used for a different ${operation} request in the last ${IDEMPOTENCY_KEY_TTL_HOURS} hours; use a new key for a new request`);
    this.name = 'IdempotencyConflictError';
  }
}

/** JSON with object keys sorted, so that two equal inputs hash alike whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** SHA-256 of the operation and its canonical input, the key itself left out. */
export function requestFingerprint(operation: string, input: object): string {
  const { clientRequestId: _key, ...rest } = input as Record<string, unknown>;
  return createHash('sha256').update(operation).update('\n').update(canonicalJson(rest)).digest('hex');
}

/**
 * The idempotent request of `input`, or null when it carries no `clientRequestId` (the gateway puts
 * an `Idempotency-Key` header there). `caller` is the directory user (an API client is its own user).
 */
export function idempotentRequestOf<T extends { clientRequestId?: string | undefined }>(caller: string, operation: string, input: T): IdempotentRequest | null {
  if (!input.clientRequestId) return null;
  return { caller, key: input.clientRequestId, operation, fingerprint: requestFingerprint(operation, input) };
}

interface StoredAnswer {
  caller: string;
  key: string;
  operation: string;
  fingerprint: string;
  response: unknown;
}

const slot = (caller: string, key: string) => `${caller}\u0000${key}`;

/**
 * What is remembered of these requests' keys from the last 24 h: the first answer, or an
 * IdempotencyConflictError when the key was used for another input. Requests not found are absent.
 */
export async function findIdempotentAnswers<R>(manager: EntityManager, requests: IdempotentRequest[]): Promise<Map<IdempotentRequest, R | IdempotencyConflictError>> {
  const found = new Map<IdempotentRequest, R | IdempotencyConflictError>();
  if (requests.length === 0) return found;
  const rows = await queryRows<StoredAnswer>(
    manager,
    `SELECT k.caller, k.key, k.operation, k.fingerprint, k.response
       FROM ${TABLE} k JOIN unnest($1::text[], $2::text[]) AS r(caller, key) ON k.caller = r.caller AND k.key = r.key
      WHERE k.created_at > now() - make_interval(hours => $3)`,
    [requests.map((r) => r.caller), requests.map((r) => r.key), IDEMPOTENCY_KEY_TTL_HOURS],
  );
  const stored = new Map(rows.map((row) => [slot(row.caller, row.key), row]));
  for (const request of requests) {
    const row = stored.get(slot(request.caller, request.key));
    if (row) found.set(request, row.fingerprint === request.fingerprint ? (row.response as R) : new IdempotencyConflictError(request.operation));
  }
  return found;
}

/** The first answer to `request` when its key was used in the last 24 h (undefined otherwise); CONFLICT for another input. */
export async function findIdempotentAnswer<R>(manager: EntityManager, request: IdempotentRequest | null): Promise<R | undefined> {
  if (!request) return undefined;
  const found = (await findIdempotentAnswers<R>(manager, [request])).get(request);
  if (found instanceof IdempotencyConflictError) throw found;
  return found;
}

/** The key of a request within a batch: two requests with the same slot are one request. */
export function idempotencySlot(request: IdempotentRequest): string {
  return slot(request.caller, request.key);
}

/**
 * Remembers the answers of requests in the transaction that created what they answer. An expired
 * row of the same caller and key is replaced; a live one makes the statement fail with a unique
 * violation (another replica answered the same key first), which rolls the creation back.
 */
export async function recordIdempotentAnswers(manager: EntityManager, answers: Array<{ request: IdempotentRequest; response: unknown }>): Promise<void> {
  if (answers.length === 0) return;
  const written = await queryRows<{ key: string }>(
    manager,
    `INSERT INTO ${TABLE} (caller, key, operation, fingerprint, response, created_at)
     SELECT r.caller, r.key, r.operation, r.fingerprint, r.response, now()
       FROM jsonb_to_recordset($1::jsonb) AS r(caller text, key text, operation text, fingerprint text, response jsonb)
     ON CONFLICT (caller, key) DO UPDATE SET operation = EXCLUDED.operation, fingerprint = EXCLUDED.fingerprint, response = EXCLUDED.response, created_at = EXCLUDED.created_at
      WHERE ${TABLE}.created_at <= now() - make_interval(hours => $2)
     RETURNING key`,
    [JSON.stringify(answers.map(({ request, response }) => ({ ...request, response }))), IDEMPOTENCY_KEY_TTL_HOURS],
  );
  // ON CONFLICT … WHERE skips a live row: a row not written means the key is taken.
  if (written.length < answers.length) throw new IdempotencyKeyTaken();
}

/** Another transaction committed the same caller and key first: read its answer and replay it. */
export class IdempotencyKeyTaken extends Error {
  constructor() {
    super('The idempotency key was recorded by a concurrent request');
    this.name = 'IdempotencyKeyTaken';
  }
}

/** Whether `error` says another request recorded the same key first (a unique violation on the key table, or the check above). */
export function isIdempotencyKeyTaken(error: unknown): boolean {
  if (error instanceof IdempotencyKeyTaken) return true;
  const pg = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } } | null;
  const code = pg?.driverError?.code ?? pg?.code;
  const constraint = pg?.driverError?.constraint ?? pg?.constraint;
  return code === '23505' && constraint === `${TABLE}_pkey`;
}

const lastPurge = new WeakMap<DataSource, number>();

/** Deletes keys older than 24 h, at most once a minute per process and data source. */
export async function purgeExpiredIdempotencyKeys(dataSource: DataSource, force = false): Promise<number> {
  const now = Date.now();
  if (!force && now - (lastPurge.get(dataSource) ?? 0) < PURGE_INTERVAL_MS) return 0;
  lastPurge.set(dataSource, now);
  const result: unknown = await dataSource.query(`DELETE FROM ${TABLE} WHERE created_at <= now() - make_interval(hours => $1)`, [IDEMPOTENCY_KEY_TTL_HOURS]);
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}

/**
 * How an answer is remembered when it must not be stored as it is (a secret shown once): what is
 * stored, and how a replay answers from it.
 */
export interface StoredAnswerForm<R, S> {
  toStored: (response: R) => S;
  replay: (stored: S) => Promise<R>;
}

/**
 * A creation that a client may retry: the first answer to the same caller and key is replayed
 * without running `create` again; otherwise `create` runs in a transaction that also records its
 * answer. When a concurrent request (another replica) records the same key first, this one rolls
 * back and replays that answer. Without a key it is a plain transaction.
 */
export async function runIdempotent<R, S = R>(
  dataSource: DataSource,
  request: IdempotentRequest | null,
  create: (manager: EntityManager) => Promise<R>,
  form?: StoredAnswerForm<R, S>,
): Promise<R> {
  if (!request) return dataSource.transaction(create);
  const replay = (stored: unknown): Promise<R> => (form ? form.replay(stored as S) : Promise.resolve(stored as R));
  void purgeExpiredIdempotencyKeys(dataSource).catch(() => undefined);
  const prior = await findIdempotentAnswer<unknown>(dataSource.manager, request);
  if (prior !== undefined) return replay(prior);
  try {
    return await dataSource.transaction(async (manager) => {
      const response = await create(manager);
      await recordIdempotentAnswers(manager, [{ request, response: form ? form.toStored(response) : response }]);
      return response;
    });
  } catch (error) {
    if (!isIdempotencyKeyTaken(error)) throw error;
    const winner = await findIdempotentAnswer<unknown>(dataSource.manager, request);
    if (winner === undefined) throw error;
    return replay(winner);
  }
}
