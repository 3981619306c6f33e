/**
 * graphql-ws close code when the connection's credential expires: the client gets a fresh token
 * and connects again (graphql-ws clients treat 4401 as "Unauthorized" and do not retry with the
 * old connectionParams).
 */
export const CREDENTIAL_EXPIRED_CLOSE_CODE = 4401;
/** Longest delay a Node timer takes (about 24.8 days); later expiries are waited for in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Closes `socket` with CREDENTIAL_EXPIRED_CLOSE_CODE when `expiresAtMs` passes, so that no
 * subscription delivers events past its token. Returns the cancel to call when the socket closes.
 */
export function closeWhenExpired(socket: { close(code: number, reason: string): void }, expiresAtMs: number, now: () => number = Date.now): () => void {
  let timer: NodeJS.Timeout | undefined;
  const arm = (): void => {
    const left = expiresAtMs - now();
    if (left <= 0) {
      socket.close(CREDENTIAL_EXPIRED_CLOSE_CODE, 'Token expired');
      return;
    }
    timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
    timer.unref();
  };
  arm();
  return () => clearTimeout(timer);
}
