/** Injection token of the press service's public address (PRESS_PUBLIC_URL, or its own HTTP address). */
export const PRESS_PUBLIC_BASE = Symbol('PRESS_PUBLIC_BASE');

/** The address the public reaches the service's pages and feeds at, without a trailing slash. */
export function pressPublicBase(config: { replyLinks: { publicUrl: string | null }; httpPort: number }): string {
  return (config.replyLinks.publicUrl ?? `http://127.0.0.1:${config.httpPort}`).replace(/\/+$/, '');
}
