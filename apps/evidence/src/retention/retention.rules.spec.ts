import { CaseStatuses } from '@phoi-hop/contracts';
import { retentionEndsAt, startsRetention } from './retention.rules';

describe('retention rules', () => {
  it.each(CaseStatuses.map((s) => [s, s === 'CLOSED' || s === 'DISMISSED']))('%s starts the retention period: %s', (status, starts) => {
    expect(startsRetention(status)).toBe(starts);
  });

  it('ends the period whole days after the closure', () => {
    expect(retentionEndsAt(new Date('2026-01-31T10:00:00Z'), 30).toISOString()).toBe('2026-03-02T10:00:00.000Z');
  });
});
