import { DomainError } from './domain-error';
import { ErrorCodes } from './error-codes';

/**
 * The one cursor codec of every paged list: a cursor is opaque to clients, base64url of a JSON
 * object whose fields the list names and checks. A cursor that is not one of the list's own
 * (bad encoding, another list's fields, a value of the wrong kind) is BAD_USER_INPUT on the
 * argument it came in (`after`), never an SQL error or an empty page.
 */

/** One field of a cursor: how to check its value once decoded. */
export interface CursorField<T> {
  readonly check: (value: unknown) => value is T;
  readonly optional?: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

function field<T>(check: (value: unknown) => value is T): CursorField<T> {
  return { check };
}

/** The kinds of field the lists' cursors hold. */
export const CursorFields = {
  uuid: field<string>((v): v is string => typeof v === 'string' && UUID.test(v)),
  /** An ISO 8601 instant that is a real time. */
  instant: field<string>((v): v is string => typeof v === 'string' && ISO_INSTANT.test(v) && !Number.isNaN(Date.parse(v))),
  finite: field<number>((v): v is number => typeof v === 'number' && Number.isFinite(v)),
  /** A position in a chain: an integer ≥ 0. */
  seq: field<number>((v): v is number => Number.isSafeInteger(v) && (v as number) >= 0),
  /** Text matching `pattern` (anchor it). */
  text: (pattern: RegExp): CursorField<string> => field<string>((v): v is string => typeof v === 'string' && pattern.test(v)),
  /** The same field, which a cursor may leave out. */
  optional: <T>(inner: CursorField<T>): CursorField<T> => ({ check: inner.check, optional: true }),
} as const;

export type CursorShape = Readonly<Record<string, CursorField<unknown>>>;

type RequiredKeys<S extends CursorShape> = { [K in keyof S]: S[K]['optional'] extends true ? never : K }[keyof S];
type OptionalKeys<S extends CursorShape> = Exclude<keyof S, RequiredKeys<S>>;
type ValueOf<F> = F extends CursorField<infer T> ? T : never;

/** What a cursor of `shape` decodes to. */
export type CursorOf<S extends CursorShape> = { [K in RequiredKeys<S>]: ValueOf<S[K]> } & { [K in OptionalKeys<S>]?: ValueOf<S[K]> };

/** A cursor longer than this is no cursor of ours (the lists' own are a few dozen characters). */
export const CURSOR_MAX_LENGTH = 1_000;

/** The opaque text of a page end. */
export function encodeCursor(value: Readonly<Record<string, string | number>>): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/**
 * The page end a client sent back, checked against the list's `shape`: every required field
 * present and of its kind, no other field. Otherwise BAD_USER_INPUT naming `argument`.
 */
export function decodeCursor<S extends CursorShape>(cursor: string, shape: S, argument = 'after'): CursorOf<S> {
  const refuse = () => new DomainError(ErrorCodes.BAD_USER_INPUT, `${argument} is not a cursor of this list`, argument);
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > CURSOR_MAX_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw refuse();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw refuse();
  const fields = parsed as Record<string, unknown>;
  for (const key of Object.keys(fields)) if (!Object.hasOwn(shape, key)) throw refuse();
  for (const [key, spec] of Object.entries(shape)) {
    if (!Object.hasOwn(fields, key)) {
      if (spec.optional) continue;
      throw refuse();
    }
    if (!spec.check(fields[key])) throw refuse();
  }
  return fields as CursorOf<S>;
}
