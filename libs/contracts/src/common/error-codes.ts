/** Stable error codes, shared by services (RPC errors) and the gateway (GraphQL `extensions.code`). */
export const ErrorCodes = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  UNAVAILABLE: 'UNAVAILABLE',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  INVALID_STATE: 'INVALID_STATE',
  RESTRICTIVE_ACTION_NOT_GROUNDED: 'RESTRICTIVE_ACTION_NOT_GROUNDED',
  /** Đ6.3: the journalist's reply window is still open and no reply has come: no ruling yet. */
  REPLY_WINDOW_OPEN: 'REPLY_WINDOW_OPEN',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/**
 * The rule an input broke, named as the validation decorator names it (minLength, maxLength, min,
 * max, arrayMaxSize, isIn, …) with the parameters a client needs to state it in its own language.
 */
export interface ValidationRule {
  rule: string;
  /** minLength, min, arrayMinSize: the least length, value or count allowed. */
  min?: number;
  /** maxLength, max, arrayMaxSize: the greatest length, value or count allowed. */
  max?: number;
  /** isIn, isEnum: the values allowed. */
  values?: readonly string[];
}

/** The body of every RPC error reply. `field` names the offending input field when there is one; `rule`, the rule it broke. */
export interface RpcErrorBody {
  code: ErrorCode;
  message: string;
  field?: string;
  rule?: ValidationRule;
}

/** Whether `value` is a rule as an error body carries it (a name, numeric bounds, text values). */
export function isValidationRule(value: unknown): value is ValidationRule {
  if (!value || typeof value !== 'object') return false;
  const rule = value as Record<string, unknown>;
  return (
    typeof rule['rule'] === 'string' &&
    (rule['min'] === undefined || typeof rule['min'] === 'number') &&
    (rule['max'] === undefined || typeof rule['max'] === 'number') &&
    (rule['values'] === undefined || (Array.isArray(rule['values']) && rule['values'].every((v) => typeof v === 'string')))
  );
}

export function isRpcErrorBody(value: unknown): value is RpcErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as RpcErrorBody).code === 'string' &&
    typeof (value as RpcErrorBody).message === 'string' &&
    (value as RpcErrorBody).code in ErrorCodes
  );
}
