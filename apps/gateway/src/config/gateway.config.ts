import { cleanEnv, num } from 'envalid';
import { authEnv, authConfigFromEnv, type AuthConfig } from '@phoi-hop/auth';
import { httpEnv, messagingEnv, type MessagingOptions } from '@phoi-hop/messaging';

export interface GatewayConfig {
  serviceName: 'gateway';
  messaging: MessagingOptions;
  auth: AuthConfig;
  httpPort: number;
  httpHost: string;
  /** Largest accepted request body, in bytes. */
  bodyLimitBytes: number;
}

/** Reads and validates the gateway's environment; a bad setting fails at boot naming it. */
export function gatewayConfigFromEnv(environment: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const env = cleanEnv(environment, {
    ...messagingEnv(),
    ...authEnv(),
    ...httpEnv(3000),
    BODY_LIMIT_BYTES: num({ default: 256 * 1024, desc: 'Largest accepted request body' }),
  });
  return {
    serviceName: 'gateway',
    messaging: {
      natsUrl: env.NATS_URL,
      serviceName: 'gateway',
      subjectPrefix: env.NATS_SUBJECT_PREFIX,
      streamName: env.EVENTS_STREAM,
      rpcTimeoutMs: env.RPC_TIMEOUT_MS,
    },
    auth: authConfigFromEnv(env),
    httpPort: env.HTTP_PORT,
    httpHost: env.HTTP_HOST,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
  };
}
