import { DomainError, ErrorCodes } from '@phoi-hop/contracts';

export class ConsultationError extends DomainError {
  static notFound(): ConsultationError {
    // The same answer whether the consultation does not exist or the viewer may not see its case.
    return new ConsultationError(ErrorCodes.NOT_FOUND, 'Consultation not found', 'consultationId');
  }

  static badInput(field: string, message: string): ConsultationError {
    return new ConsultationError(ErrorCodes.BAD_USER_INPUT, message, field);
  }

  static invalidState(message: string, field = 'status'): ConsultationError {
    return new ConsultationError(ErrorCodes.INVALID_STATE, message, field);
  }

  static forbidden(message: string, field?: string): ConsultationError {
    return new ConsultationError(ErrorCodes.FORBIDDEN, message, field);
  }
}
