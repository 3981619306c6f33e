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

/** The body of every RPC error reply. `field` names the offending input field when there is one. */
export interface RpcErrorBody {
  code: ErrorCode;
  message: string;
  field?: string;
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
