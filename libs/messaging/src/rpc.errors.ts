import { DomainError, ErrorCodes, isRpcErrorBody, isValidationRule, type ErrorCode, type RpcErrorBody, type ValidationRule } from '@phoi-hop/contracts';

/** What an RPC caller gets when the call fails: the remote error, a timeout, or no responder. */
export class RpcCallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly subject?: string,
    /** The rule the input broke, with its parameters, as the service named it. */
    readonly rule?: ValidationRule,
  ) {
    super(message);
    this.name = 'RpcCallError';
  }

  toBody(): RpcErrorBody {
    return { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}), ...(this.rule ? { rule: this.rule } : {}) };
  }
}

/** Turns anything thrown in a handler into the body sent back; unknown errors hide their details. */
export function toRpcErrorBody(error: unknown): RpcErrorBody {
  if (error instanceof DomainError || error instanceof RpcCallError) return error.toBody();
  if (isRpcErrorBody(error))
    return {
      code: error.code,
      message: error.message,
      ...(error.field ? { field: error.field } : {}),
      ...(isValidationRule(error.rule) ? { rule: error.rule } : {}),
    };
  const candidate = error as { code?: unknown; message?: unknown; field?: unknown } | null;
  if (candidate && typeof candidate.code === 'string' && candidate.code in ErrorCodes && typeof candidate.message === 'string') {
    return {
      code: candidate.code as ErrorCode,
      message: candidate.message,
      ...(typeof candidate.field === 'string' ? { field: candidate.field } : {}),
    };
  }
  return { code: ErrorCodes.INTERNAL, message: 'Internal error' };
}
