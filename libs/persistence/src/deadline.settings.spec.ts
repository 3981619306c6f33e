import { deadlineSettingsFromEnv } from './deadline.settings';

const HOUR = 3_600_000;

describe('deadlineSettingsFromEnv', () => {
  const env = { DEADLINE_SCHEDULER_ENABLED: true, REMINDER_LEAD_HOURS: 12, DEADLINE_POLL_MS: 1000, CRITICAL_ESCALATION_AGENCY: 'VP_UBND' };

  it('turns hours into milliseconds', () => {
    expect(deadlineSettingsFromEnv(env)).toEqual({
      schedulerEnabled: true,
      deadlines: { reminderLeadMs: 12 * HOUR, criticalEscalationAgencyCode: 'VP_UBND', pollIntervalMs: 1000 },
    });
  });

  it('names the bad setting', () => {
    expect(() => deadlineSettingsFromEnv({ ...env, CRITICAL_ESCALATION_AGENCY: 'vp ubnd' })).toThrow(/CRITICAL_ESCALATION_AGENCY/);
    expect(() => deadlineSettingsFromEnv({ ...env, REMINDER_LEAD_HOURS: 0 })).toThrow(/REMINDER_LEAD_HOURS/);
    expect(() => deadlineSettingsFromEnv({ ...env, DEADLINE_POLL_MS: 10 })).toThrow(/DEADLINE_POLL_MS/);
  });
});
