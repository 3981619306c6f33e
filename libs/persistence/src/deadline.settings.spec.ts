import { deadlineSettingsFromEnv, escalationTargets, reminderAt } from './deadline.settings';

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

describe('deadlineSettingsFromEnv', () => {
  const env = { DEADLINE_SCHEDULER_ENABLED: true, REMINDER_LEAD_HOURS: 12, DEADLINE_POLL_MS: 1000, CRITICAL_ESCALATION_AGENCY: 'VP_UBND' };

  it('turns hours into milliseconds', () => {
    expect(deadlineSettingsFromEnv(env)).toEqual({ schedulerEnabled: true, deadlines: { reminderLeadMs: 12 * HOUR, criticalEscalationAgencyCode: 'VP_UBND', pollIntervalMs: 1000 } });
  });

  it('names the bad setting', () => {
    expect(() => deadlineSettingsFromEnv({ ...env, CRITICAL_ESCALATION_AGENCY: 'vp ubnd' })).toThrow(/CRITICAL_ESCALATION_AGENCY/);
    expect(() => deadlineSettingsFromEnv({ ...env, REMINDER_LEAD_HOURS: 0 })).toThrow(/REMINDER_LEAD_HOURS/);
    expect(() => deadlineSettingsFromEnv({ ...env, DEADLINE_POLL_MS: 10 })).toThrow(/DEADLINE_POLL_MS/);
  });
});
