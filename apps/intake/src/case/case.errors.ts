import { DomainError, ErrorCodes, type ValidationRule } from '@phoi-hop/contracts';

export class CaseError extends DomainError {
  static notFound(): CaseError {
    // The same answer whether the case does not exist or the viewer may not see it.
    return new CaseError(ErrorCodes.NOT_FOUND, 'Case not found', 'id');
  }

  /** The caller may not do what the field asks (a channel that is not theirs to claim). */
  static forbiddenField(field: string, message: string): CaseError {
    return new CaseError(ErrorCodes.FORBIDDEN, message, field);
  }

  static badInput(field: string, message: string, rule?: ValidationRule): CaseError {
    return new CaseError(ErrorCodes.BAD_USER_INPUT, message, field, rule);
  }
}
