import { ErrorCodes, type ErrorCode } from '@phoi-hop/contracts';

/**
 * Authentication or authorisation failure, mapped to UNAUTHENTICATED / FORBIDDEN at the edges;
 * UNAVAILABLE when the identity provider could not be asked (not the caller's fault).
 */
export class AuthError extends Error {
  constructor(
    readonly code: Extract<ErrorCode, 'UNAUTHENTICATED' | 'FORBIDDEN' | 'UNAVAILABLE'>,
    message: string,
  ) {
    super(message);
    this.name = 'AuthError';
  }

  static unauthenticated(message = 'Authentication required'): AuthError {
    return new AuthError(ErrorCodes.UNAUTHENTICATED, message);
  }

  static forbidden(message = 'Not allowed'): AuthError {
    return new AuthError(ErrorCodes.FORBIDDEN, message);
  }

  /** The identity provider (discovery document or keys) could not be reached or read. */
  static providerUnavailable(message = 'The identity provider is unavailable'): AuthError {
    return new AuthError(ErrorCodes.UNAVAILABLE, message);
  }

  /** Whether the refusal is the identity provider's failure rather than the credential's. */
  get isProviderFailure(): boolean {
    return this.code === ErrorCodes.UNAVAILABLE;
  }
}
