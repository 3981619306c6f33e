import type { ErrorCode, RpcErrorBody, ValidationRule } from './error-codes';

/**
 * An error a service means to send to its caller: a stable code, a message safe to show, and the
 * offending field. Services subclass it per feature (e.g. CaseError) or throw it directly.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** The rule the input broke, with its parameters (`{ rule: 'minLength', min: 10 }`). */
    readonly rule?: ValidationRule,
  ) {
    super(message);
    this.name = new.target.name;
  }

  toBody(): RpcErrorBody {
    return { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}), ...(this.rule ? { rule: this.rule } : {}) };
  }
}
