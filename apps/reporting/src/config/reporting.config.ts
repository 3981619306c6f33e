import { bool, cleanEnv } from 'envalid';
import { authEnv } from '@phoi-hop/auth';
import { baseServiceConfigFromEnv, httpEnv, messagingEnv, type BaseServiceConfig } from '@phoi-hop/messaging';
import { persistenceEnv } from '@phoi-hop/persistence';

export interface ReportingConfig extends BaseServiceConfig {
  outboxRelayEnabled: boolean;
  /** Apply the event stream to the read models in this process (replicas share the durable consumer). */
  readModelConsumerEnabled: boolean;
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
  });
  return {
    ...baseServiceConfigFromEnv('reporting', env),
    outboxRelayEnabled: env.OUTBOX_RELAY_ENABLED,
    readModelConsumerEnabled: env.READ_MODEL_CONSUMER_ENABLED,
  };
}
