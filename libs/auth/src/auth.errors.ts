import { ErrorCodes, type ErrorCode } from '@phoi-hop/contracts';

/** Authentication or authorisation failure, mapped to UNAUTHENTICATED / FORBIDDEN at the edges. */
export class AuthError extends Error {
  constructor(
    readonly code: Extract<ErrorCode, 'UNAUTHENTICATED' | 'FORBIDDEN'>,
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
}
