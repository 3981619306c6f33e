import type { LoggerService } from '@nestjs/common';
import { trace, context } from '@opentelemetry/api';
import pino, { type DestinationStream, type Logger } from 'pino';

/** Fields never written: credentials travel in these keys. */
export const REDACTED_PATHS = ['authorization', 'headers.authorization', 'req.headers.authorization', 'token', 'password', '*.token', '*.password'];

/**
 * A JSON logger (stdout unless `destination` is given) that stamps every line with the service and
 * the active trace and span ids, and never writes tokens or passwords. `level` defaults to
 * `LOG_LEVEL`, then `info`; tests pass `silent`.
 */
export function createLogger(service: string, level: string = process.env['LOG_LEVEL'] ?? 'info', destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    mixin() {
      const span = trace.getSpan(context.active());
      if (!span) return {};
      const { traceId, spanId } = span.spanContext();
      return { trace_id: traceId, span_id: spanId };
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

type PinoLevel = 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal';

/** Nest's logger interface on pino, so framework logs are JSON with trace ids too. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...optional: unknown[]): void {
    this.write('info', message, optional);
  }

  error(message: unknown, ...optional: unknown[]): void {
    this.write('error', message, optional);
  }

  warn(message: unknown, ...optional: unknown[]): void {
    this.write('warn', message, optional);
  }

  debug(message: unknown, ...optional: unknown[]): void {
    this.write('debug', message, optional);
  }

  verbose(message: unknown, ...optional: unknown[]): void {
    this.write('trace', message, optional);
  }

  fatal(message: unknown, ...optional: unknown[]): void {
    this.write('fatal', message, optional);
  }

  private write(level: PinoLevel, message: unknown, optional: unknown[]): void {
    const fields: Record<string, unknown> = { ...nestCallDetails(level, optional) };
    if (message instanceof Error) this.logger[level]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.logger[level]({ ...fields, ...message });
    else this.logger[level](fields, String(message));
  }
}

/**
 * Nest appends the logging class's name last; `error` takes a stack (or an Error) first:
 * `error(message, stack?, context?)`, with `undefined` in the stack's place when there is none.
 */
function nestCallDetails(level: PinoLevel, optional: unknown[]): { context?: string; stack?: string; err?: Error } {
  const details: { context?: string; stack?: string; err?: Error } = {};
  let rest = optional;
  if (level === 'error' || level === 'fatal') {
    const [first] = optional;
    if (first instanceof Error) details.err = first;
    else if (typeof first === 'string' && (optional.length > 1 || looksLikeStack(first))) details.stack = first;
    if (first instanceof Error || first === undefined || details.stack !== undefined) rest = optional.slice(1);
  }
  const last = rest.at(-1);
  if (typeof last === 'string') details.context = last;
  return details;
}

function looksLikeStack(text: string): boolean {
  return /\n\s+at /.test(text);
}
