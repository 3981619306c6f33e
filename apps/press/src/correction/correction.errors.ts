import { DomainError, ErrorCodes } from '@phoi-hop/contracts';

export class CorrectionError extends DomainError {
  static notFound(): CorrectionError {
    // The same answer whether the request does not exist or the viewer may not see it.
    return new CorrectionError(ErrorCodes.NOT_FOUND, 'Correction request not found', 'correctionId');
  }

  static badInput(field: string, message: string): CorrectionError {
    return new CorrectionError(ErrorCodes.BAD_USER_INPUT, message, field);
  }

  static invalidState(message: string): CorrectionError {
    return new CorrectionError(ErrorCodes.INVALID_STATE, message, 'status');
  }

  static forbidden(message: string, field?: string): CorrectionError {
    return new CorrectionError(ErrorCodes.FORBIDDEN, message, field);
  }
}
