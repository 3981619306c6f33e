import { cleanEnv, num, str } from 'envalid';
import { IntrospectionModes, type IntrospectionMode } from '../auth/introspection-guard.plugin';
import { INTERNAL_TOKEN_MAX_TTL_SECONDS, authEnv, authConfigFromEnv, type AuthConfig } from '@phoi-hop/auth';
import { httpEnv, messagingEnv, messagingOptionsFromEnv, type MessagingOptions } from '@phoi-hop/messaging';

export interface GatewayConfig {
  serviceName: 'gateway';
  messaging: MessagingOptions;
  auth: AuthConfig;
  httpPort: number;
  httpHost: string;
  /** Largest accepted request body, in bytes. */
  bodyLimitBytes: number;
  /** Requests per second per caller in this replica (0: no limit), and the burst allowed. */
  rateLimitPerSecond: number;
  rateLimitBurst: number;
  /** Life of an internal token, at most INTERNAL_TOKEN_MAX_TTL_SECONDS. */
  internalTokenTtlSeconds: number;
  /** Who may introspect the schema (from the environment: `signed-in` by default in production; absent here: public). */
  introspection?: IntrospectionMode;
}

/** Reads and validates the gateway's environment; a bad setting fails at boot naming it. */
export function gatewayConfigFromEnv(environment: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const env = cleanEnv(environment, {
    ...messagingEnv(),
    ...authEnv(),
    ...httpEnv(3000),
    BODY_LIMIT_BYTES: num({ default: 256 * 1024, desc: 'Largest accepted request body' }),
    RATE_LIMIT_PER_SECOND: num({ default: 20, desc: 'Requests per second per user or API client, per gateway replica; 0 disables' }),
    RATE_LIMIT_BURST: num({ default: 60, desc: 'Requests a caller may send at once' }),
    GRAPHQL_INTROSPECTION: str({
      choices: [...IntrospectionModes, ''],
      default: '',
      desc: 'public, signed-in or off; default: signed-in in production, public elsewhere',
    }),
    INTERNAL_TOKEN_TTL_SECONDS: num({
      default: INTERNAL_TOKEN_MAX_TTL_SECONDS,
      desc: `Life of the internal tokens sent to the services (at most ${INTERNAL_TOKEN_MAX_TTL_SECONDS})`,
    }),
  });
  if (!(env.INTERNAL_TOKEN_TTL_SECONDS >= 30 && env.INTERNAL_TOKEN_TTL_SECONDS <= INTERNAL_TOKEN_MAX_TTL_SECONDS)) {
    throw new Error(`INTERNAL_TOKEN_TTL_SECONDS must be between 30 and ${INTERNAL_TOKEN_MAX_TTL_SECONDS}`);
  }
  return {
    serviceName: 'gateway',
    messaging: messagingOptionsFromEnv('gateway', env),
    auth: authConfigFromEnv(env),
    httpPort: env.HTTP_PORT,
    httpHost: env.HTTP_HOST,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    rateLimitPerSecond: env.RATE_LIMIT_PER_SECOND,
    rateLimitBurst: env.RATE_LIMIT_BURST,
    internalTokenTtlSeconds: env.INTERNAL_TOKEN_TTL_SECONDS,
    introspection: (env.GRAPHQL_INTROSPECTION || (env.NODE_ENV === 'production' ? 'signed-in' : 'public')) as IntrospectionMode,
  };
}
