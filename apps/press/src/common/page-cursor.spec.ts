import { ErrorCodes } from '@phoi-hop/contracts';
import { decodeCursor, encodeCursor } from './page-cursor';

describe('page cursors', () => {
  it('round-trips a position and refuses anything else with BAD_USER_INPUT on `after`', () => {
    const at = new Date('2026-12-01T03:04:05.678Z');
    const id = '6f1c2b1e-3a4d-4e5f-8a9b-0c1d2e3f4a5b';
    expect(decodeCursor(encodeCursor(at, id))).toEqual({ at: at.toISOString(), id });
    for (const bad of ['', 'x', Buffer.from(`${at.toISOString()}|not-an-id`).toString('base64url'), Buffer.from(`yesterday|${id}`).toString('base64url')])
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ code: ErrorCodes.BAD_USER_INPUT, field: 'after' }));
  });
});
