import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError, ErrorCodes, type ErrorCode, type ValidationRule } from '@phoi-hop/contracts';
import { AuthError } from '@phoi-hop/auth';
import { RpcCallError } from '@phoi-hop/messaging';

/** Builds a GraphQL error with a stable code (and the offending field, when there is one). */
export function gqlError(code: ErrorCode, message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...(field ? { field } : {}) } });
}

/**
 * Runs an RPC whose payload names some fields differently from the GraphQL input, and names the
 * input's field in a refusal (`{ reason: 'outcome' }`: the service's `reason` is the input's `outcome`).
 */
export async function withInputFieldNames<T>(call: Promise<T>, names: Readonly<Record<string, string>>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    const renamed = error instanceof RpcCallError && error.field ? names[error.field] : undefined;
    if (!renamed || !(error instanceof RpcCallError) || !error.field) throw error;
    const message = error.message.startsWith(`${error.field} `) ? `${renamed}${error.message.slice(error.field.length)}` : error.message;
    throw new RpcCallError(error.code, message, renamed, error.subject, error.rule);
  }
}

/**
 * The input field a variable that GraphQL refused points at, named as in the input:
 * `Variable "$i" got invalid value "x" at "i.actions[0].dueDate"; …` is `actions.0.dueDate`. A bad
 * element of a list of values is the list (`roles`), as the services name it.
 */
export function coercedField(message: string): string | undefined {
  const at = /^Variable "\$[^"]+" got invalid value .*? at "[^".[]+((?:\.[^".[]+|\[\d+\])+)";/s.exec(message)?.[1];
  return at
    ? at
        .replace(/\[\d+\]$/, '')
        .replace(/\[(\d+)\]/g, '.$1')
        .replace(/^\./, '')
    : undefined;
}

/** The rule a scalar refused the value by (its own GraphQLError's extensions.rule), if any. */
function ruleOf(error: unknown): unknown {
  let current: unknown = error;
  for (let depth = 0; current instanceof GraphQLError && depth < 5; depth++) {
    if (current.extensions['rule'] !== undefined) return current.extensions['rule'];
    current = current.originalError;
  }
  return undefined;
}

// Apollo's own codes for documents that never reach a resolver.
const REQUEST_ERRORS = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);
const STABLE = new Set<string>(Object.values(ErrorCodes));

/**
 * The rule a refused input broke, flat in the error's extensions beside code and field
 * (`{ rule: 'minLength', min: 20 }`, `{ rule: 'isIn', values: [...] }`), so that a front end can
 * state it in Vietnamese without parsing the English message.
 */
function ruleExtensions(rule: ValidationRule | undefined): Record<string, unknown> {
  if (!rule) return {};
  return {
    rule: rule.rule,
    ...(rule.min !== undefined ? { min: rule.min } : {}),
    ...(rule.max !== undefined ? { max: rule.max } : {}),
    ...(rule.values !== undefined ? { values: [...rule.values] } : {}),
  };
}

/**
 * The one place where every error becomes what a client sees: a stable `extensions.code`
 * (BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, UNAVAILABLE, INTERNAL), the offending
 * field, and never a stack trace or an internal message.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = {
    message: formatted.message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
  if (original instanceof RpcCallError) {
    // A service's INTERNAL error stays opaque; everything else carries the service's own message.
    if (original.code === ErrorCodes.INTERNAL) return { ...base, message: 'Internal error', extensions: { code: ErrorCodes.INTERNAL } };
    return {
      ...base,
      message: original.message,
      extensions: { code: original.code, ...(original.field ? { field: original.field } : {}), ...ruleExtensions(original.rule) },
    };
  }
  if (original instanceof DomainError) {
    // Raised by the gateway itself (e.g. a cursor that is not one): as a service's, never INTERNAL.
    return {
      ...base,
      message: original.message,
      extensions: { code: original.code, ...(original.field ? { field: original.field } : {}), ...ruleExtensions(original.rule) },
    };
  }
  if (original instanceof AuthError) {
    return { ...base, message: original.message, extensions: { code: original.code } };
  }
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && STABLE.has(code) && code !== ErrorCodes.INTERNAL) {
    const field = formatted.extensions?.['field'] ?? coercedField(formatted.message);
    const rule = formatted.extensions?.['rule'] ?? ruleOf(error);
    const retryAfterSeconds = formatted.extensions?.['retryAfterSeconds'];
    return {
      ...base,
      extensions: {
        code,
        ...(typeof field === 'string' ? { field } : {}),
        ...(typeof rule === 'string' ? { rule } : {}),
        ...(typeof retryAfterSeconds === 'number' ? { retryAfterSeconds } : {}),
      },
    };
  }
  if (typeof code === 'string' && REQUEST_ERRORS.has(code)) {
    return { ...base, extensions: { code: ErrorCodes.BAD_USER_INPUT, reason: code } };
  }
  return { ...base, message: 'Internal error', extensions: { code: ErrorCodes.INTERNAL } };
}
