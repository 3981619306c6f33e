import { DomainError, ErrorCodes, type ErrorCode } from '@phoi-hop/contracts';
import type { Refusal } from './complaint.rules';

export class PressError extends DomainError {
  static notFound(field = 'complaintId'): PressError {
    // The same answer whether the complaint does not exist or the viewer may not see it.
    return new PressError(ErrorCodes.NOT_FOUND, 'Complaint not found', field);
  }

  static badInput(field: string, message: string): PressError {
    return new PressError(ErrorCodes.BAD_USER_INPUT, message, field);
  }

  static invalidState(message: string, field = 'complaintId'): PressError {
    return new PressError(ErrorCodes.INVALID_STATE, message, field);
  }

  static forbidden(message: string, field?: string): PressError {
    return new PressError(ErrorCodes.FORBIDDEN, message, field);
  }

  static of(refusal: Refusal): PressError {
    return new PressError(refusal.code as ErrorCode, refusal.message, refusal.field);
  }
}
