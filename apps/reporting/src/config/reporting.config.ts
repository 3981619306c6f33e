import { bool, cleanEnv, str } from 'envalid';
import { REFERENCE_CODE_PATTERN } from '@phoi-hop/contracts';
import { authEnv } from '@phoi-hop/auth';
import { baseServiceConfigFromEnv, httpEnv, messagingEnv, type BaseServiceConfig } from '@phoi-hop/messaging';
import { deadlineEnv, deadlineSettingsFromEnv, persistenceEnv, type DeadlineSettings } from '@phoi-hop/persistence';

export interface ReportingConfig extends BaseServiceConfig {
  outboxRelayEnabled: boolean;
  /** Apply the event stream to the read models in this process (replicas share the durable consumer). */
  readModelConsumerEnabled: boolean;
  /** Run the report periods' deadline scheduler in this process (safe on every replica: each deadline fires once). */
  schedulerEnabled: boolean;
  deadlines: DeadlineSettings;
  /** The agency that opens report periods and consolidates them (Sở TT&TT, Đ7.4). */
  reportLeadAgencyCode: string;
}

/** Reads and validates the reporting service's environment; a bad setting fails at boot naming it. */
export function reportingConfigFromEnv(environment: NodeJS.ProcessEnv = process.env): ReportingConfig {
  const env = cleanEnv(environment, {
    ...persistenceEnv('reporting'),
    ...messagingEnv(),
    ...authEnv(),
    ...httpEnv(3107),
    OUTBOX_RELAY_ENABLED: bool({ default: true, desc: 'Publish outbox events from this process' }),
    READ_MODEL_CONSUMER_ENABLED: bool({ default: true, desc: 'Apply the EVENTS stream to the statistics read models in this process' }),
    ...deadlineEnv(),
    REPORT_LEAD_AGENCY: str({ default: 'STTTT', desc: 'Agency code of the lead agency that opens and consolidates periodic reports' }),
  });
  if (!REFERENCE_CODE_PATTERN.test(env.REPORT_LEAD_AGENCY)) throw new Error('REPORT_LEAD_AGENCY must be an agency code');
  return {
    ...baseServiceConfigFromEnv('reporting', env),
    outboxRelayEnabled: env.OUTBOX_RELAY_ENABLED,
    readModelConsumerEnabled: env.READ_MODEL_CONSUMER_ENABLED,
    ...deadlineSettingsFromEnv(env),
    reportLeadAgencyCode: env.REPORT_LEAD_AGENCY,
  };
}
