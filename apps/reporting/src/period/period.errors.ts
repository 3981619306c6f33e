import { DomainError, ErrorCodes } from '@phoi-hop/contracts';

export class PeriodError extends DomainError {
  static badInput(field: string, message: string): PeriodError {
    return new PeriodError(ErrorCodes.BAD_USER_INPUT, message, field);
  }

  static forbidden(message: string, field?: string): PeriodError {
    return new PeriodError(ErrorCodes.FORBIDDEN, message, field);
  }

  static invalidState(message: string): PeriodError {
    return new PeriodError(ErrorCodes.INVALID_STATE, message);
  }

  static notFound(): PeriodError {
    return new PeriodError(ErrorCodes.NOT_FOUND, 'Report period not found', 'periodId');
  }
}
