import { ErrorCodes, type StatementStatus } from '@phoi-hop/contracts';
import { checkClaimReview, correctedText, nextStatementStatus, type StatementCommand } from './statement.rules';

const REVIEW = {
  claim: 'Đập thủy điện Rào Quán đã vỡ',
  appearanceUrl: 'https://facebook.com/trang-tin-gia/posts/1',
  firstAppearedOn: '2026-11-30',
  rating: 'FALSE',
} as const;

describe('statement rules', () => {
  it.each<[StatementStatus, StatementCommand, StatementStatus | null]>([
    ['DRAFT', 'EDIT', 'DRAFT'],
    ['PUBLISHED', 'EDIT', null],
    ['CORRECTED', 'EDIT', null],
    ['WITHDRAWN', 'EDIT', null],
    ['DRAFT', 'PUBLISH', 'PUBLISHED'],
    ['DRAFT', 'CORRECT', null],
    ['DRAFT', 'WITHDRAW', null],
    ['PUBLISHED', 'PUBLISH', null],
    ['PUBLISHED', 'CORRECT', 'CORRECTED'],
    ['PUBLISHED', 'WITHDRAW', 'WITHDRAWN'],
    ['CORRECTED', 'PUBLISH', null],
    ['CORRECTED', 'CORRECT', 'CORRECTED'],
    ['CORRECTED', 'WITHDRAW', 'WITHDRAWN'],
    ['WITHDRAWN', 'PUBLISH', null],
    ['WITHDRAWN', 'CORRECT', null],
    ['WITHDRAWN', 'WITHDRAW', null],
  ])('%s + %s → %s', (status, command, expected) => {
    if (expected) expect(nextStatementStatus(status, command)).toBe(expected);
    else expect(() => nextStatementStatus(status, command)).toThrow(expect.objectContaining({ code: ErrorCodes.INVALID_STATE }));
  });

  it('refuses a claim that first appeared after today in the province (UTC+7)', () => {
    // 2026-11-30T18:00Z is already 1 December in Quảng Bình.
    const now = new Date('2026-11-30T18:00:00Z');
    expect(checkClaimReview({ ...REVIEW, firstAppearedOn: '2026-12-01' }, now)).toEqual({ ...REVIEW, firstAppearedOn: '2026-12-01' });
    expect(() => checkClaimReview({ ...REVIEW, firstAppearedOn: '2026-12-02' }, now)).toThrow(
      expect.objectContaining({ code: ErrorCodes.BAD_USER_INPUT, field: 'claimReview.firstAppearedOn' }),
    );
    expect(checkClaimReview(undefined, now)).toBeNull();
  });

  it('replaces what a correction gives, keeps the rest, and refuses a correction that changes nothing', () => {
    const current = { title: 'Thông cáo', body: 'Nội dung thông cáo ban đầu', claimReview: REVIEW };
    expect(correctedText(current, { body: 'Nội dung đã đính chính' })).toEqual({ ...current, body: 'Nội dung đã đính chính' });
    expect(correctedText(current, { claimReview: { ...REVIEW, rating: 'MISLEADING' } }).claimReview?.rating).toBe('MISLEADING');
    expect(() => correctedText(current, { title: 'Thông cáo', body: current.body })).toThrow(expect.objectContaining({ code: ErrorCodes.BAD_USER_INPUT }));
    expect(() => correctedText(current, {})).toThrow(expect.objectContaining({ code: ErrorCodes.BAD_USER_INPUT }));
  });
});
