import { bool, cleanEnv, num, str } from 'envalid';
import { authEnv } from '@phoi-hop/auth';
import { baseServiceConfigFromEnv, httpEnv, messagingEnv, type BaseServiceConfig } from '@phoi-hop/messaging';
import { deadlineEnv, deadlineSettingsFromEnv, persistenceEnv, type DeadlineSettings } from '@phoi-hop/persistence';

export interface IntakeConfig extends BaseServiceConfig {
  caseNumberPrefix: string;
  /** Run the outbox relay in this process (on by default). */
  outboxRelayEnabled: boolean;
  /** Run the case deadline scheduler in this process (safe on every replica: each deadline fires once). */
  schedulerEnabled: boolean;
  deadlines: DeadlineSettings;
  /** Most submissions written in one transaction when they arrive together (group commit); default SUBMIT_BATCH_MAX_DEFAULT. */
  submitBatchMax?: number;
}

/** Group commit's batch limit when the configuration does not set one. */
export const SUBMIT_BATCH_MAX_DEFAULT = 64;

/** The settings intake's repositories and report writer take, defaults applied here and nowhere else. */
export function intakeSettingsOf(config: Pick<IntakeConfig, 'caseNumberPrefix' | 'submitBatchMax'>): { caseNumberPrefix: string; submitBatchMax: number } {
  return { caseNumberPrefix: config.caseNumberPrefix, submitBatchMax: config.submitBatchMax ?? SUBMIT_BATCH_MAX_DEFAULT };
}

/** Reads and validates the intake service's environment; a bad setting fails at boot naming it. */
export function intakeConfigFromEnv(environment: NodeJS.ProcessEnv = process.env): IntakeConfig {
  const env = cleanEnv(environment, {
    ...persistenceEnv('intake'),
    ...messagingEnv(),
    ...authEnv(),
    ...httpEnv(3101),
    ...deadlineEnv(),
    CASE_NUMBER_PREFIX: str({ default: 'QB', desc: 'Prefix of case numbers (the province code)' }),
    OUTBOX_RELAY_ENABLED: bool({ default: true, desc: 'Publish outbox events from this process' }),
    SUBMIT_BATCH_MAX: num({ default: SUBMIT_BATCH_MAX_DEFAULT, desc: 'Most report submissions written in one transaction when they arrive together (1 = one transaction each)' }),
  });
  if (!Number.isInteger(env.SUBMIT_BATCH_MAX) || env.SUBMIT_BATCH_MAX < 1 || env.SUBMIT_BATCH_MAX > 1000) throw new Error('SUBMIT_BATCH_MAX must be an integer from 1 to 1000');
  if (!/^[A-Z]{1,8}$/.test(env.CASE_NUMBER_PREFIX)) throw new Error('CASE_NUMBER_PREFIX must be 1-8 upper-case letters');
  return { ...baseServiceConfigFromEnv('intake', env), caseNumberPrefix: env.CASE_NUMBER_PREFIX, outboxRelayEnabled: env.OUTBOX_RELAY_ENABLED, submitBatchMax: env.SUBMIT_BATCH_MAX, ...deadlineSettingsFromEnv(env) };
}
