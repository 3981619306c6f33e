import { IsOptional, Matches, MaxLength, MinLength } from 'class-validator';

/**
 * An idempotency key (IETF draft "The Idempotency-Key HTTP Header Field"): the same key from the
 * same caller within 24 hours gets the first answer and creates nothing; the same key with another
 * input is CONFLICT. The gateway takes it from the `Idempotency-Key` header or the `clientRequestId`
 * input field and passes it to the creating service in this field.
 */
export const CLIENT_REQUEST_ID_MIN_LENGTH = 8;
export const CLIENT_REQUEST_ID_MAX_LENGTH = 255;
/** Visible ASCII only: a key travels in an HTTP header and is compared byte for byte. */
export const CLIENT_REQUEST_ID_PATTERN = /^[\x21-\x7e]+$/;

/** The optional `clientRequestId` of a creating request, validated alike everywhere. */
export function ClientRequestIdField(): PropertyDecorator {
  const decorators = [
    IsOptional(),
    MinLength(CLIENT_REQUEST_ID_MIN_LENGTH, { message: `clientRequestId must be at least ${CLIENT_REQUEST_ID_MIN_LENGTH} characters (a UUID is a good key)` }),
    MaxLength(CLIENT_REQUEST_ID_MAX_LENGTH, { message: `clientRequestId must be at most ${CLIENT_REQUEST_ID_MAX_LENGTH} characters` }),
    Matches(CLIENT_REQUEST_ID_PATTERN, { message: 'clientRequestId must be visible ASCII characters without spaces' }),
  ];
  return (target, property) => {
    for (const decorate of decorators) decorate(target, property);
  };
}

/** What every creating request may carry. */
export interface IdempotentInput {
  clientRequestId?: string;
}
