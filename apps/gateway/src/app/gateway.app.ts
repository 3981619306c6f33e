import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Catch, type ArgumentsHost, type ExceptionFilter, type LoggerService } from '@nestjs/common';
import type { Response } from 'express';
import { ErrorCodes } from '@phoi-hop/contracts';
import { hardenHttp } from '@phoi-hop/observability';
import { attachHttpDrain } from '@phoi-hop/messaging';
import type { GatewayConfig } from '../config/gateway.config';
import { GatewayModule } from './gateway.module';
import { httpTraceContinuation, httpTraceMiddleware } from './http-trace.middleware';

/**
 * Errors raised before GraphQL runs (a body over the limit, malformed JSON) still answer in the
 * GraphQL error shape with a stable code, never an HTML page or a 500. GraphQL errors pass through.
 */
@Catch()
class HttpRequestErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType() !== 'http') return exception;
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return undefined;
    const error = exception as { status?: number; statusCode?: number; type?: string; getStatus?: () => number };
    const status = error.getStatus?.() ?? error.status ?? error.statusCode ?? 500;
    const tooLarge = error.type === 'entity.too.large' || status === 413;
    const message = tooLarge ? 'Request body is too large' : status === 404 ? 'Not found' : status < 500 ? 'Malformed request' : 'Internal error';
    const code = status === 404 ? ErrorCodes.NOT_FOUND : status < 500 ? ErrorCodes.BAD_USER_INPUT : ErrorCodes.INTERNAL;
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
    return undefined;
  }
}

/** Starts the gateway: GraphQL over HTTP and graphql-ws at /graphql, health and metrics. */
export async function createGatewayApp(config: GatewayConfig, logger: LoggerService | false): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.forRoot(config), { logger, abortOnError: false, bodyParser: false });
  hardenHttp(app);
  // Signals are main.ts's: it stops the gateway gracefully (requests in progress are answered).
  attachHttpDrain(app);
  app.use('/graphql', httpTraceMiddleware);
  app.useBodyParser('json', { limit: config.bodyLimitBytes });
  app.use('/graphql', httpTraceContinuation);
  app.useGlobalFilters(new HttpRequestErrorFilter());
  await app.init();
  await app.listen(config.httpPort, config.httpHost);
  return app;
}

export type { GatewayConfig } from '../config/gateway.config';
export type { IntrospectionMode } from '../auth/introspection-guard.plugin';
