import { DomainError, ErrorCodes } from '@phoi-hop/contracts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An opaque cursor of a list ordered by (time, id), newest first. */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`, 'utf8').toString('base64url');
}

/** The position a cursor names; BAD_USER_INPUT (field `after`) for anything this service did not hand out. */
export function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (rest.length || !at || !id || !UUID.test(id) || Number.isNaN(Date.parse(at)) || new Date(at).toISOString() !== at)
    throw new DomainError(ErrorCodes.BAD_USER_INPUT, 'after must be a cursor of this list', 'after');
  return { at, id };
}
