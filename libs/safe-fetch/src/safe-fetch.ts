import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { judgeAddress, judgeUrl } from './address-policy';

/** The shape of `dns.lookup` that node:http takes as its `lookup` option. */
export type LookupFunction = (
  hostname: string,
  options: LookupOptions,
  callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
) => void;

export interface FetchSettings {
  allowPrivateAddresses: boolean;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  /** DNS resolution (default: the system's); tests make names resolve where they need. */
  lookup?: LookupFunction;
  /**
   * Tests only: where to open the connection to an address that passed the checks (a test maps a
   * public-looking address to its local server, to prove what happens on the hops after it).
   */
  connectVia?: (address: string, port: number) => { host: string; port: number };
  /** Extra request headers (e.g. If-None-Match, Accept); they replace the defaults of the same name. */
  headers?: Record<string, string>;
}

/** One request and its response: a hop of a redirect chain, or a page's subresource. */
export interface FetchedExchange {
  url: string;
  method: 'GET';
  requestHeaders: Record<string, string>;
  status: number;
  statusText: string;
  httpVersion: string;
  responseHeaders: [string, string][];
  body: Buffer;
  /** The address actually connected to (after the checks). */
  remoteAddress: string | null;
  fetchedAt: Date;
}

/** The target is not a public web address (SSRF protection), or the fetch breaks a limit: the caller's input. */
export class FetchRefusedError extends Error {}
/** The page could not be fetched (timeout, network, DNS): nothing the caller did wrong. */
export class FetchUnavailableError extends Error {}

/**
 * A DNS look-up that only answers public addresses: every address a name resolves to is judged,
 * so that a name pointing at 127.0.0.1 or 169.254.169.254 is refused before any connection.
 */
export function guardedLookup(base: LookupFunction, allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    base(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      const list = (Array.isArray(addresses) ? addresses : [{ address: addresses as string, family: 4 }]) as LookupAddress[];
      for (const entry of list) {
        const verdict = judgeAddress(entry.address, allowPrivate);
        if (!verdict.allowed) return callback(new FetchRefusedError(`${hostname} resolves to a refused address: ${verdict.reason}`), '');
      }
      if (!list.length) return callback(new FetchUnavailableError(`${hostname} has no address`), '');
      if (options.all) return callback(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/**
 * GET with the protections a server-side fetch needs (evidence captures, news feeds): http(s) on ports 80/443 only, every
 * address judged after DNS resolution on every hop, at most `maxRedirects` redirects, a timeout
 * per hop and a size cap. Node's http client (not fetch) is used so the look-up can be guarded.
 */
export async function fetchFollowingRedirects(start: string, settings: FetchSettings): Promise<FetchedExchange[]> {
  const hops: FetchedExchange[] = [];
  let current = start;
  for (;;) {
    const exchange = await fetchOnce(current, settings);
    hops.push(exchange);
    const location =
      exchange.status >= 300 && exchange.status < 400 ? exchange.responseHeaders.find(([name]) => name.toLowerCase() === 'location')?.[1] : undefined;
    if (!location) return hops;
    if (hops.length > settings.maxRedirects) throw new FetchRefusedError(`more than ${settings.maxRedirects} redirects`);
    current = new URL(location, current).toString();
  }
}

/** One GET, judged before it is sent and again at DNS resolution. */
export function fetchOnce(target: string, settings: FetchSettings): Promise<FetchedExchange> {
  const verdict = judgeUrl(target, settings.allowPrivateAddresses);
  if (!verdict.allowed) return Promise.reject(new FetchRefusedError(`${target}: ${verdict.reason}`));
  const url = verdict.url;
  const requestHeaders: Record<string, string> = { 'user-agent': settings.userAgent, accept: '*/*', 'accept-encoding': 'identity' };
  for (const [name, value] of Object.entries(settings.headers ?? {})) requestHeaders[name.toLowerCase()] = value;
  const lookup = guardedLookup(settings.lookup ?? (dnsLookup as unknown as LookupFunction), settings.allowPrivateAddresses);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<FetchedExchange>((resolve, reject) => {
    const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
    const connectVia = settings.connectVia;
    const viaTest = connectVia
      ? {
          // Node uses a request's own createConnection only without an agent.
          agent: undefined,
          createConnection: (_options: unknown, created: (error: Error | null, socket?: net.Socket) => void) => {
            lookup(url.hostname.replace(/^\[|\]$/g, ''), {}, (error, address) => {
              if (error) return created(error);
              const target = connectVia(address as string, port);
              created(null, net.connect({ host: target.host, port: target.port }));
            });
            return undefined;
          },
        }
      : {};
    const request = client.request(
      url,
      { method: 'GET', headers: requestHeaders, lookup: lookup as never, timeout: settings.timeoutMs, agent: false, ...viaTest } as http.RequestOptions,
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > settings.maxBytes) {
            request.destroy(new FetchRefusedError(`${target}: more than ${settings.maxBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        response.on('error', reject);
        response.on('end', () => {
          resolve({
            url: url.toString(),
            method: 'GET',
            requestHeaders,
            status: response.statusCode ?? 0,
            statusText: response.statusMessage ?? '',
            httpVersion: response.httpVersion,
            responseHeaders: pairs(response.rawHeaders),
            body: Buffer.concat(chunks),
            remoteAddress: response.socket?.remoteAddress ?? null,
            fetchedAt: new Date(),
          });
        });
      },
    );
    request.on('timeout', () => request.destroy(new FetchUnavailableError(`${target}: no answer within ${settings.timeoutMs} ms`)));
    request.on('error', (error) => {
      if (error instanceof FetchRefusedError || error instanceof FetchUnavailableError) reject(error);
      else if ((error as { cause?: unknown }).cause instanceof FetchRefusedError) reject((error as { cause: Error }).cause);
      else reject(new FetchUnavailableError(`${target}: ${error.message}`));
    });
    request.end();
  });
}

function pairs(raw: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i]!, raw[i + 1]!]);
  return out;
}
