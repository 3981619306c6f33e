import { DomainError, ErrorCodes } from '@phoi-hop/contracts';

export class EvidenceError extends DomainError {
  static notFound(field = 'itemId', what = 'Evidence item'): EvidenceError {
    // The same answer whether the item does not exist or the viewer may not see its case.
    return new EvidenceError(ErrorCodes.NOT_FOUND, `${what} not found`, field);
  }

  static badInput(field: string, message: string): EvidenceError {
    return new EvidenceError(ErrorCodes.BAD_USER_INPUT, message, field);
  }

  static invalidState(message: string, field = 'status'): EvidenceError {
    return new EvidenceError(ErrorCodes.INVALID_STATE, message, field);
  }

  static forbidden(message: string, field?: string): EvidenceError {
    return new EvidenceError(ErrorCodes.FORBIDDEN, message, field);
  }

  static conflict(message: string, field?: string): EvidenceError {
    return new EvidenceError(ErrorCodes.CONFLICT, message, field);
  }

  static unavailable(message: string, field?: string): EvidenceError {
    return new EvidenceError(ErrorCodes.UNAVAILABLE, message, field);
  }
}
