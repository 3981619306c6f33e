import { CursorFields, decodeCursor, encodeCursor } from './cursor';
import { DomainError } from './domain-error';

const CASE_PAGE = { openedAt: CursorFields.instant, id: CursorFields.uuid };
const RANKED_PAGE = { rank: CursorFields.finite, openedAt: CursorFields.instant, id: CursorFields.uuid };
const TRAIL = { intake: CursorFields.optional(CursorFields.seq), directory: CursorFields.optional(CursorFields.seq) };
const ID = '6f1c1f0e-7a7b-4c55-9d0e-0c2b8f3f6a11';
const AT = '2026-11-30T08:15:00.123Z';

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('cursor codec', () => {
  it('round-trips the fields of a page end', () => {
    const cursor = encodeCursor({ openedAt: AT, id: ID });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, CASE_PAGE)).toEqual({ openedAt: AT, id: ID });
    expect(decodeCursor(encodeCursor({ rank: 0.4375, openedAt: AT, id: ID }), RANKED_PAGE)).toEqual({ rank: 0.4375, openedAt: AT, id: ID });
  });

  it('keeps optional fields optional', () => {
    expect(decodeCursor(encodeCursor({ intake: 12 }), TRAIL)).toEqual({ intake: 12 });
    expect(decodeCursor(encodeCursor({}), TRAIL)).toEqual({});
  });

  it.each([
    ['not base64url', '%%%'],
    ['empty', ''],
    ['not JSON', Buffer.from('2026-11-30|abc').toString('base64url')],
    ['a JSON array', Buffer.from('[1,2]').toString('base64url')],
    ['a missing field', encodeCursor({ openedAt: AT })],
    ['an unknown field', encodeCursor({ openedAt: AT, id: ID, extra: 1 })],
    ['another list’s cursor (ranked for a plain list)', encodeCursor({ rank: 1, openedAt: AT, id: ID })],
    ['a bad id', encodeCursor({ openedAt: AT, id: 'x; DROP TABLE' })],
    ['a bad instant', encodeCursor({ openedAt: '2026-13-45T99:00:00Z', id: ID })],
    ['a date without time', encodeCursor({ openedAt: '2026-11-30', id: ID })],
    ['too long', 'A'.repeat(1_001)],
  ])('refuses %s with BAD_USER_INPUT on after', (_label, cursor) => {
    const error = refusal(() => decodeCursor(cursor, CASE_PAGE));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.field).toBe('after');
    expect(error.message).toBe('after is not a cursor of this list');
  });

  it('refuses a plain cursor where a ranked one is expected', () => {
    expect(refusal(() => decodeCursor(encodeCursor({ openedAt: AT, id: ID }), RANKED_PAGE)).field).toBe('after');
  });

  it('refuses negative or fractional positions and names another argument when told', () => {
    expect(refusal(() => decodeCursor(encodeCursor({ intake: -1 }), TRAIL)).code).toBe('BAD_USER_INPUT');
    expect(refusal(() => decodeCursor(encodeCursor({ intake: 1.5 }), TRAIL)).code).toBe('BAD_USER_INPUT');
    expect(refusal(() => decodeCursor('%', TRAIL, 'before')).field).toBe('before');
  });

  it('checks text fields against their pattern', () => {
    const USERS = { username: CursorFields.text(/^[a-z0-9][a-z0-9._-]{0,63}$/) };
    expect(decodeCursor(encodeCursor({ username: 'dieuphoi.stttt' }), USERS)).toEqual({ username: 'dieuphoi.stttt' });
    expect(refusal(() => decodeCursor(encodeCursor({ username: 'Robert"); --' }), USERS)).code).toBe('BAD_USER_INPUT');
  });
});
