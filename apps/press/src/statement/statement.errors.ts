import { DomainError, ErrorCodes } from '@phoi-hop/contracts';

export class StatementError extends DomainError {
  static notFound(): StatementError {
    // The same answer whether the statement does not exist or is another agency's draft.
    return new StatementError(ErrorCodes.NOT_FOUND, 'Statement not found', 'statementId');
  }

  static badInput(field: string, message: string): StatementError {
    return new StatementError(ErrorCodes.BAD_USER_INPUT, message, field);
  }

  static invalidState(message: string): StatementError {
    return new StatementError(ErrorCodes.INVALID_STATE, message, 'status');
  }

  static forbidden(message: string, field?: string): StatementError {
    return new StatementError(ErrorCodes.FORBIDDEN, message, field);
  }
}
