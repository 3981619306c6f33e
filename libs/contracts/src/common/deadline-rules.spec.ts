import { escalationTargets, reminderAt } from './deadline-rules';

const HOUR = 3_600_000;
const NOW = new Date('2026-11-20T02:00:00Z');
const later = (hours: number) => new Date(NOW.getTime() + hours * HOUR);

describe('reminderAt', () => {
  it('reminds the lead time before a deadline far enough away', () => {
    expect(reminderAt(NOW, later(72), 24 * HOUR)).toEqual(later(48));
    expect(reminderAt(NOW, later(30), 24 * HOUR)).toEqual(later(6));
  });

  it('reminds halfway when the deadline is nearer than the lead time, and at once when it has passed', () => {
    expect(reminderAt(NOW, later(4), 24 * HOUR)).toEqual(later(2));
    expect(reminderAt(NOW, later(-1), 24 * HOUR)).toEqual(NOW);
  });
});

describe('escalationTargets', () => {
  it('tells the lead agency, and the provincial office too when the case is critical', () => {
    expect(escalationTargets('STTTT', 'HIGH', 'VP_UBND')).toEqual(['STTTT']);
    expect(escalationTargets('STTTT', 'CRITICAL', 'VP_UBND')).toEqual(['STTTT', 'VP_UBND']);
    expect(escalationTargets('VP_UBND', 'CRITICAL', 'VP_UBND')).toEqual(['VP_UBND']);
  });
});
