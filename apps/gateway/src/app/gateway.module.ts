import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { Context as WsContext } from 'graphql-ws';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { AuthError, internalSecretOf } from '@phoi-hop/auth';
import { MessagingModule } from '@phoi-hop/messaging';
import { ObservabilityModule } from '@phoi-hop/observability';
import { CallerAuthenticator, callerAuthenticationProviders, type Credential } from '../auth/caller-authenticator';
import { introspectionGuardPlugin, type IntrospectionMode } from '../auth/introspection-guard.plugin';
import { closeWhenExpired } from '../auth/subscription-expiry';
import type { GatewayConfig } from '../config/gateway.config';
import { CaseEventStream } from '../events/case-event.stream';
import { GATEWAY_RESOLVERS } from '../graphql/gateway.resolvers';
import { CaseReportsReader } from '../graphql/case/case-reports.reader';
import { noStorePlugins } from '../graphql/common/cache-control.plugin';
import { idempotencyKeyFrom } from '../graphql/common/idempotency';
import { buildContext, credentialFrom, reportRefusal } from '../graphql/common/gql-context';
import { formatGraphQLError } from '../graphql/common/gql-errors';
import { OperationGuard } from '../graphql/common/operation.guard';
import { withSchemaDescriptions } from '../graphql/common/policy-descriptions';
import { complexityLimitPlugin, depthLimitRule } from '../graphql/common/query-limits';
import { RateLimiter } from '../graphql/common/rate-limiter';
import { AgencyCache } from '../graphql/directory/agency.cache';

/** A GraphQLError carrying what formatGraphQLError would show. */
function formatAsGraphQLError(error: GraphQLError): GraphQLError {
  const shown = formatGraphQLError(error.toJSON(), error);
  return new GraphQLError(shown.message, { path: shown.path, extensions: shown.extensions });
}

type WsExtra = { credential?: Credential | null; cancelExpiry?: () => void; socket: { close(code: number, reason: string): void } };

function graphQLOptions(
  introspection: IntrospectionMode,
  authenticator: CallerAuthenticator,
  agencies: AgencyCache,
  caseReports: CaseReportsReader,
  limiter: RateLimiter,
): ApolloDriverConfig {
  return {
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: true,
    // Each operation's description names the roles the policy table lets call it, each input its rules (as schema.graphql does).
    transformSchema: withSchemaDescriptions,
    sortSchema: true,
    introspection: introspection !== 'off',
    includeStacktraceInErrorResponses: false,
    validationRules: [depthLimitRule()],
    plugins: [complexityLimitPlugin(), ...noStorePlugins(), ...(introspection === 'signed-in' ? [introspectionGuardPlugin()] : [])],
    formatError: formatGraphQLError,
    subscriptions: {
      'graphql-ws': {
        path: '/graphql',
        // The credential travels in connectionParams ({ authorization: "Bearer …" | "ApiKey …" }); a bad one closes the socket.
        // The connection closes with 4401 when the credential expires: the client connects again with a fresh one.
        onConnect: async (ctx: WsContext<Record<string, unknown> | undefined, unknown>) => {
          const credential = credentialFrom(ctx.connectionParams ?? {});
          if (!credential) return false;
          const extra = ctx.extra as WsExtra;
          let expiresAtMs: number | undefined;
          try {
            ({ expiresAtMs } = await authenticator.authenticate(credential));
          } catch (error) {
            if (error instanceof AuthError) reportRefusal(credential, error);
            return false;
          }
          extra.credential = credential;
          if (expiresAtMs !== undefined) extra.cancelExpiry = closeWhenExpired(extra.socket, expiresAtMs);
          return true;
        },
        onClose: (ctx: WsContext<Record<string, unknown> | undefined, unknown>) => (ctx.extra as WsExtra).cancelExpiry?.(),
        // Errors over WebSocket get the same stable codes and the same hiding as over HTTP.
        onError: (_ctx: unknown, _message: unknown, errors: readonly GraphQLError[]) => errors.map((e) => formatAsGraphQLError(e)),
        onNext: (_ctx: unknown, _id: unknown, _payload: unknown, _args: unknown, result: ExecutionResult) =>
          result.errors ? { ...result, errors: result.errors.map((e) => formatAsGraphQLError(e)) } : result,
        // Nest's type lists only part of graphql-ws's server options; onError and onNext are passed on as they are.
      } as NonNullable<ApolloDriverConfig['subscriptions']>['graphql-ws'],
    },
    context: async (...args: unknown[]) => {
      const first = args[0] as { req?: { headers: Record<string, unknown> }; extra?: WsExtra };
      if (first?.req)
        return buildContext(authenticator, agencies, caseReports, limiter, credentialFrom(first.req.headers), idempotencyKeyFrom(first.req.headers));
      return buildContext(authenticator, agencies, caseReports, limiter, first?.extra?.credential ?? null);
    },
  };
}

@Module({})
class GatewayServicesModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayServicesModule,
      providers: [
        AgencyCache,
        CaseReportsReader,
        { provide: RateLimiter, useValue: new RateLimiter(config.rateLimitPerSecond, config.rateLimitBurst) },
        ...callerAuthenticationProviders({ internalSecret: internalSecretOf(config.auth), internalTokenTtlSeconds: config.internalTokenTtlSeconds }),
      ],
      exports: [AgencyCache, CallerAuthenticator, CaseReportsReader, RateLimiter],
    };
  }
}

@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    // One instance of the gateway's services, for GraphQL's options and for the resolvers.
    const services = GatewayServicesModule.forRoot(config);
    return {
      module: GatewayModule,
      imports: [
        ObservabilityModule.forRoot({ serviceName: config.serviceName }),
        MessagingModule.forRoot(config.messaging, config.auth),
        services,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [services],
          inject: [CallerAuthenticator, AgencyCache, CaseReportsReader, RateLimiter],
          useFactory: (authenticator: CallerAuthenticator, agencies: AgencyCache, caseReports: CaseReportsReader, limiter: RateLimiter) =>
            graphQLOptions(config.introspection ?? 'public', authenticator, agencies, caseReports, limiter),
        }),
      ],
      providers: [
        // Every root field is authorised by its name in the policy table before its resolver runs.
        { provide: APP_GUARD, useClass: OperationGuard },
        CaseEventStream,
        ...GATEWAY_RESOLVERS,
      ],
    };
  }
}
