import { bool, cleanEnv, num, str } from 'envalid';
import { authEnv } from '@phoi-hop/auth';
import { REFERENCE_CODE_PATTERN } from '@phoi-hop/contracts';
import { baseServiceConfigFromEnv, httpEnv, messagingEnv, type BaseServiceConfig } from '@phoi-hop/messaging';
import { persistenceEnv } from '@phoi-hop/persistence';

export interface DeadlineSettings {
  /** How long before a written consultation's deadline the agencies that have not answered are reminded. */
  reminderLeadMs: number;
  /** Who is told when an agency misses the deadline of a CRITICAL case, besides the lead agency. */
  criticalEscalationAgencyCode: string;
  /** How often due reminders and escalations are looked for. */
  pollIntervalMs: number;
}

export interface ConsultationConfig extends BaseServiceConfig {
  outboxRelayEnabled: boolean;
  /** Run the deadline scheduler in this process (safe on every replica: each deadline fires once). */
  schedulerEnabled: boolean;
  deadlines: DeadlineSettings;
}

/** Reads and validates the consultation service's environment; a bad setting fails at boot naming it. */
export function consultationConfigFromEnv(environment: NodeJS.ProcessEnv = process.env): ConsultationConfig {
  const env = cleanEnv(environment, {
    ...persistenceEnv('consultation'),
    ...messagingEnv(),
    ...authEnv(),
    ...httpEnv(3103),
    OUTBOX_RELAY_ENABLED: bool({ default: true, desc: 'Publish outbox events from this process' }),
    DEADLINE_SCHEDULER_ENABLED: bool({ default: true, desc: 'Fire reminders and escalations from this process' }),
    REMINDER_LEAD_HOURS: num({ default: 24, desc: 'Hours before a written consultation deadline to remind agencies' }),
    DEADLINE_POLL_MS: num({ default: 5_000, desc: 'How often due deadlines are looked for (ms)' }),
    CRITICAL_ESCALATION_AGENCY: str({ default: 'VP_UBND', desc: 'Agency told when a CRITICAL case misses a deadline (Văn phòng UBND tỉnh)' }),
  });
  if (!REFERENCE_CODE_PATTERN.test(env.CRITICAL_ESCALATION_AGENCY)) throw new Error('CRITICAL_ESCALATION_AGENCY must be an agency code');
  if (env.REMINDER_LEAD_HOURS <= 0) throw new Error('REMINDER_LEAD_HOURS must be positive');
  if (env.DEADLINE_POLL_MS < 50) throw new Error('DEADLINE_POLL_MS must be at least 50');
  return {
    ...baseServiceConfigFromEnv('consultation', env),
    outboxRelayEnabled: env.OUTBOX_RELAY_ENABLED,
    schedulerEnabled: env.DEADLINE_SCHEDULER_ENABLED,
    deadlines: {
      reminderLeadMs: env.REMINDER_LEAD_HOURS * 3_600_000,
      criticalEscalationAgencyCode: env.CRITICAL_ESCALATION_AGENCY,
      pollIntervalMs: env.DEADLINE_POLL_MS,
    },
  };
}
