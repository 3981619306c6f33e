import { DomainError, ErrorCodes } from '@phoi-hop/contracts';

export class StatisticsError extends DomainError {
  static badInput(field: string, message: string): StatisticsError {
    return new StatisticsError(ErrorCodes.BAD_USER_INPUT, message, field);
  }
}
