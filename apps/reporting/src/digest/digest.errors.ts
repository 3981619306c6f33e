import { DomainError, ErrorCodes } from '@phoi-hop/contracts';

export class DigestError extends DomainError {
  static badInput(field: string, message: string): DigestError {
    return new DigestError(ErrorCodes.BAD_USER_INPUT, message, field);
  }

  static notFound(field: string, what: string): DigestError {
    return new DigestError(ErrorCodes.NOT_FOUND, `${what} not found`, field);
  }

  static conflict(field: string, message: string): DigestError {
    return new DigestError(ErrorCodes.CONFLICT, message, field);
  }
}
