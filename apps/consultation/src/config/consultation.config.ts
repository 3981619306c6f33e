import { bool, cleanEnv } from 'envalid';
import { authEnv } from '@phoi-hop/auth';
import { baseServiceConfigFromEnv, httpEnv, messagingEnv, type BaseServiceConfig } from '@phoi-hop/messaging';
import { deadlineEnv, deadlineSettingsFromEnv, persistenceEnv, type DeadlineSettings } from '@phoi-hop/persistence';

export type { DeadlineSettings } from '@phoi-hop/persistence';

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
    ...deadlineEnv(),
    OUTBOX_RELAY_ENABLED: bool({ default: true, desc: 'Publish outbox events from this process' }),
  });
  return { ...baseServiceConfigFromEnv('consultation', env), outboxRelayEnabled: env.OUTBOX_RELAY_ENABLED, ...deadlineSettingsFromEnv(env) };
}
