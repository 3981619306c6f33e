import { createHmac } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';

/**
 * Short-lived signed addresses a service hands out to its own HTTP port (an upload to PUT once, a
 * file to GET): HS256 tokens under a key derived from the internal token secret for one purpose, so
 * an address never passes for an internal token or for another purpose's address, nor the other
 * way round. The claims name what the address is for (`kind`) and whom, for the audit log.
 */
export class SignedLinks<C extends { kind: string }> {
  private readonly key: Uint8Array;

  /** `purpose` (e.g. `evidence-links/v1`) derives the key; `issuer` is checked on every address. */
  constructor(
    secret: string,
    purpose: string,
    private readonly issuer: string,
  ) {
    this.key = createHmac('sha256', secret).update(purpose).digest();
  }

  sign(claims: C, expiresAt: Date): Promise<string> {
    return new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(this.issuer)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
  }

  /** The claims of an address signed here for `kind` that has not expired; null for anything else. */
  async verify<K extends C['kind']>(token: string, kind: K): Promise<Extract<C, { kind: K }> | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: this.issuer, algorithms: ['HS256'] });
      return payload['kind'] === kind ? (payload as unknown as Extract<C, { kind: K }>) : null;
    } catch {
      return null;
    }
  }
}

/** What `serviceBaseUrl` reads of Nest's HttpAdapterHost: the listening server's address. */
export interface ListeningServer {
  httpAdapter?: { getHttpServer(): { address(): unknown } | undefined } | null;
}

/** The base of the addresses a service hands out: its public URL when configured, else its own HTTP port on loopback. */
export function serviceBaseUrl(publicUrl: string | null, http: ListeningServer, fallbackPort: number): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  const address = http.httpAdapter?.getHttpServer()?.address() as { port?: number } | null | undefined;
  return `http://127.0.0.1:${address?.port ?? fallbackPort}`;
}
