import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { LoggerService } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ErrorCodes } from '@phoi-hop/contracts';
import type { GatewayConfig } from '../config/gateway.config';
import { GatewayModule } from './gateway.module';
import { httpTraceMiddleware } from './http-trace.middleware';

/**
 * Errors raised before GraphQL runs (a body over the limit, malformed JSON) still answer in the
 * GraphQL error shape with a stable code, never an HTML page or a 500.
 */
function requestErrorHandler(error: { status?: number; statusCode?: number; type?: string }, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(error);
  const status = error.status ?? error.statusCode ?? 500;
  const tooLarge = error.type === 'entity.too.large' || status === 413;
  const message = tooLarge ? 'Request body is too large' : status < 500 ? 'Malformed request' : 'Internal error';
  const code = status < 500 || tooLarge ? ErrorCodes.BAD_USER_INPUT : ErrorCodes.INTERNAL;
  res.status(tooLarge ? 413 : status < 500 ? 400 : 500).json({ errors: [{ message, extensions: { code } }] });
}

/** Starts the gateway: GraphQL over HTTP and graphql-ws at /graphql, health and metrics. */
export async function createGatewayApp(config: GatewayConfig, logger: LoggerService | false): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.forRoot(config), { logger, abortOnError: false, bodyParser: false });
  app.enableShutdownHooks();
  app.use('/graphql', httpTraceMiddleware);
  app.useBodyParser('json', { limit: config.bodyLimitBytes });
  await app.init();
  app.use(requestErrorHandler);
  await app.listen(config.httpPort, config.httpHost);
  return app;
}
