import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ErrorCodes } from '@phoi-hop/contracts';
import { gqlError } from './gql-errors';
import type { GqlContext } from './gql-context';

/** The header of the IETF draft "The Idempotency-Key HTTP Header Field". */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** The GraphQL description of every `clientRequestId` field and argument (the rule a client must know). */
export const CLIENT_REQUEST_ID_DESCRIPTION =
  'Idempotency key, for clients that cannot set the Idempotency-Key header (give one or the other, or both alike): ' +
  '8–255 visible ASCII characters, a new one per request (a UUID). A retry with the same key within 24 h ' +
  'gets the first answer and creates nothing; the same key with another input is CONFLICT.';

/**
 * The key of the `Idempotency-Key` header, or null. The draft makes it a Structured Field string
 * (`"8e03978e-…"`); a bare token is taken as well. The services validate the key itself.
 */
export function idempotencyKeyFrom(headers: Record<string, unknown>): string | null {
  const raw = headers[IDEMPOTENCY_KEY_HEADER];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  const unquoted = /^"(.*)"$/.exec(trimmed)?.[1] ?? trimmed;
  return unquoted === '' ? null : unquoted;
}

/** The `Idempotency-Key` header of the request (null over WebSocket and when absent). */
export const IdempotencyKey = createParamDecorator(
  (_data: unknown, executionContext: ExecutionContext): string | null => GqlExecutionContext.create(executionContext).getContext<GqlContext>().idempotencyKey ?? null,
);

/**
 * The input with the request's idempotency key in `clientRequestId`, where the creating service
 * reads it: from the field, or else from the header; a header and a field that disagree are refused.
 */
export function withClientRequestId<T extends { clientRequestId?: string | null | undefined }>(input: T, headerKey: string | null): T {
  const field = input.clientRequestId ?? null;
  if (field !== null && headerKey !== null && field !== headerKey) {
    throw gqlError(ErrorCodes.BAD_USER_INPUT, 'The Idempotency-Key header and clientRequestId name different keys: give one, or both alike', 'clientRequestId');
  }
  const key = field ?? headerKey;
  return key === null ? input : { ...input, clientRequestId: key };
}
