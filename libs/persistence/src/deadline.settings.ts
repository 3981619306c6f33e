import { bool, num, str } from 'envalid';
import { REFERENCE_CODE_PATTERN } from '@phoi-hop/contracts';

/** How a service reminds before its deadlines and escalates after them. */
export interface DeadlineSettings {
  /** How long before a deadline those who still owe something are reminded. */
  reminderLeadMs: number;
  /** Who is told when a CRITICAL case misses a deadline, besides the lead agency (Văn phòng UBND tỉnh). */
  criticalEscalationAgencyCode: string;
  /** How often due reminders and escalations are looked for. */
  pollIntervalMs: number;
}

/** The environment variables of a service's deadline scheduler. */
export function deadlineEnv() {
  return {
    DEADLINE_SCHEDULER_ENABLED: bool({ default: true, desc: 'Fire reminders and escalations from this process (safe on every replica: each fires once)' }),
    REMINDER_LEAD_HOURS: num({ default: 24, desc: 'Hours before a deadline to remind' }),
    DEADLINE_POLL_MS: num({ default: 5_000, desc: 'How often due deadlines are looked for (ms)' }),
    CRITICAL_ESCALATION_AGENCY: str({ default: 'VP_UBND', desc: 'Agency told when a CRITICAL case misses a deadline' }),
  };
}

export function deadlineSettingsFromEnv(env: {
  DEADLINE_SCHEDULER_ENABLED: boolean;
  REMINDER_LEAD_HOURS: number;
  DEADLINE_POLL_MS: number;
  CRITICAL_ESCALATION_AGENCY: string;
}): {
  schedulerEnabled: boolean;
  deadlines: DeadlineSettings;
} {
  if (!REFERENCE_CODE_PATTERN.test(env.CRITICAL_ESCALATION_AGENCY)) throw new Error('CRITICAL_ESCALATION_AGENCY must be an agency code');
  if (!(env.REMINDER_LEAD_HOURS > 0)) throw new Error('REMINDER_LEAD_HOURS must be positive');
  if (!(env.DEADLINE_POLL_MS >= 50)) throw new Error('DEADLINE_POLL_MS must be at least 50');
  return {
    schedulerEnabled: env.DEADLINE_SCHEDULER_ENABLED,
    deadlines: {
      reminderLeadMs: env.REMINDER_LEAD_HOURS * 3_600_000,
      criticalEscalationAgencyCode: env.CRITICAL_ESCALATION_AGENCY,
      pollIntervalMs: env.DEADLINE_POLL_MS,
    },
  };
}
