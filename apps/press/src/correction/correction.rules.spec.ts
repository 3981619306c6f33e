import { ErrorCodes, type CorrectionStatus } from '@phoi-hop/contracts';
import { checkCorrectionRequest, checkPublication, isLate, nextCorrectionStatus, type CorrectionCommand } from './correction.rules';

const NOW = new Date('2026-12-01T03:00:00Z');
const HOUR = 3_600_000;

describe('correction rules', () => {
  it.each<[CorrectionStatus, CorrectionCommand, CorrectionStatus | null]>([
    ['REQUESTED', 'PUBLISH', 'PUBLISHED'],
    ['REQUESTED', 'REFUSE', 'REFUSED'],
    ['REQUESTED', 'MARK_OVERDUE', 'OVERDUE'],
    ['OVERDUE', 'PUBLISH', 'PUBLISHED'],
    ['OVERDUE', 'REFUSE', 'REFUSED'],
    ['OVERDUE', 'MARK_OVERDUE', null],
    ['PUBLISHED', 'PUBLISH', null],
    ['PUBLISHED', 'REFUSE', null],
    ['PUBLISHED', 'MARK_OVERDUE', null],
    ['REFUSED', 'PUBLISH', null],
    ['REFUSED', 'REFUSE', null],
    ['REFUSED', 'MARK_OVERDUE', null],
  ])('%s + %s → %s', (status, command, expected) => {
    if (expected) expect(nextCorrectionStatus(status, command)).toBe(expected);
    else expect(() => nextCorrectionStatus(status, command)).toThrow(expect.objectContaining({ code: ErrorCodes.INVALID_STATE }));
  });

  it('gives the outlet between an hour and a year', () => {
    const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
    expect(checkCorrectionRequest({ workPublishedOn: '2026-11-30', deadline: at(2 * HOUR) }, NOW).toISOString()).toBe(at(2 * HOUR));
    expect(() => checkCorrectionRequest({ workPublishedOn: '2026-11-30', deadline: at(HOUR - 1) }, NOW)).toThrow(
      expect.objectContaining({ code: ErrorCodes.BAD_USER_INPUT, field: 'deadline' }),
    );
    expect(() => checkCorrectionRequest({ workPublishedOn: '2026-11-30', deadline: at(367 * 24 * HOUR) }, NOW)).toThrow(
      expect.objectContaining({ field: 'deadline' }),
    );
  });

  it('refuses a work published after today in the province (UTC+7)', () => {
    // 03:00 UTC is 10:00 in Quảng Bình: 2026-12-01 is today, 2026-12-02 is not yet.
    expect(() => checkCorrectionRequest({ workPublishedOn: '2026-12-01', deadline: '2026-12-05T00:00:00Z' }, NOW)).not.toThrow();
    expect(() => checkCorrectionRequest({ workPublishedOn: '2026-12-02', deadline: '2026-12-05T00:00:00Z' }, NOW)).toThrow(
      expect.objectContaining({ field: 'workPublishedOn' }),
    );
  });

  it('takes a publication time from the work’s day to a few minutes ahead of the clock', () => {
    expect(checkPublication('2026-12-01T02:00:00Z', '2026-11-30', NOW).toISOString()).toBe('2026-12-01T02:00:00.000Z');
    expect(() => checkPublication('2026-12-01T03:04:00Z', '2026-11-30', NOW)).not.toThrow();
    expect(() => checkPublication('2026-12-01T03:06:00Z', '2026-11-30', NOW)).toThrow(expect.objectContaining({ field: 'publishedAt' }));
    // 2026-11-29T18:00Z is 2026-11-30 01:00 in the province: the work's own day.
    expect(() => checkPublication('2026-11-29T18:00:00Z', '2026-11-30', NOW)).not.toThrow();
    expect(() => checkPublication('2026-11-29T16:00:00Z', '2026-11-30', NOW)).toThrow(expect.objectContaining({ field: 'publishedAt' }));
  });

  it('marks an answer after the deadline late', () => {
    const deadline = new Date('2026-12-03T00:00:00Z');
    expect(isLate(new Date('2026-12-02T23:59:59Z'), deadline)).toBe(false);
    expect(isLate(deadline, deadline)).toBe(false);
    expect(isLate(new Date('2026-12-03T00:00:01Z'), deadline)).toBe(true);
  });
});
