import { WARCRecord, WARCSerializer } from 'warcio';
import type { FetchedExchange } from '@phoi-hop/safe-fetch';

/** A record's place in a WARC file, for the WACZ's CDXJ index. */
export interface WarcIndexEntry {
  url: string;
  date: string;
  status: number;
  mime: string;
  offset: number;
  length: number;
  digest: string;
}

export interface BuiltWarc {
  bytes: Buffer;
  index: WarcIndexEntry[];
}

const DIGEST = { algo: 'sha-256' as const, prefix: 'sha256:', base32: false };

/** Headers that describe the transfer, not the content: the body is stored decoded and whole. */
const TRANSFER_HEADERS = new Set(['transfer-encoding', 'content-encoding', 'connection', 'keep-alive']);

function requestLine(exchange: FetchedExchange): string {
  const url = new URL(exchange.url);
  return `GET ${url.pathname}${url.search} HTTP/1.1`;
}

/**
 * A WARC 1.1 file (uncompressed) of a capture: a warcinfo record, then a request and a response
 * record for every exchange (each redirect hop and subresource), then a metadata record saying how
 * the capture was made. warcio writes the records and their payload digests.
 */
export async function buildWarc(exchanges: FetchedExchange[], pageUrl: string, metadata: Record<string, unknown>, software: string): Promise<BuiltWarc> {
  const parts: Buffer[] = [];
  const index: WarcIndexEntry[] = [];
  let offset = 0;
  const add = async (record: WARCRecord, indexed?: Omit<WarcIndexEntry, 'offset' | 'length' | 'digest'>) => {
    const bytes = Buffer.from(await WARCSerializer.serialize(record, { gzip: false, digest: DIGEST }));
    if (indexed) index.push({ ...indexed, offset, length: bytes.length, digest: record.warcHeaders.headers.get('WARC-Payload-Digest') ?? '' });
    parts.push(bytes);
    offset += bytes.length;
  };
  const created = (exchanges[0]?.fetchedAt ?? new Date()).toISOString();
  await add(WARCRecord.createWARCInfo({ filename: 'capture.warc', warcVersion: 'WARC/1.1', date: created }, { software, format: 'WARC File Format 1.1' }));
  for (const exchange of exchanges) {
    const date = exchange.fetchedAt.toISOString();
    const host = new URL(exchange.url).host;
    await add(
      WARCRecord.create(
        {
          url: exchange.url,
          date,
          type: 'request',
          warcVersion: 'WARC/1.1',
          statusline: requestLine(exchange),
          httpHeaders: { host, ...exchange.requestHeaders },
        },
        [] as Uint8Array[],
      ),
    );
    const headers = exchange.responseHeaders.filter(([name]) => !TRANSFER_HEADERS.has(name.toLowerCase()));
    headers.push(['Content-Length', String(exchange.body.length)]);
    const warcHeaders: Record<string, string> = exchange.remoteAddress ? { 'WARC-IP-Address': exchange.remoteAddress } : {};
    const response = WARCRecord.create(
      {
        url: exchange.url,
        date,
        type: 'response',
        warcVersion: 'WARC/1.1',
        statusline: `HTTP/${exchange.httpVersion} ${exchange.status} ${exchange.statusText}`,
        httpHeaders: dedupe(headers),
        warcHeaders,
      },
      [new Uint8Array(exchange.body)],
    );
    const mime =
      headers
        .find(([name]) => name.toLowerCase() === 'content-type')?.[1]
        ?.split(';')[0]
        ?.trim() ?? 'application/octet-stream';
    await add(response, { url: exchange.url, date, status: exchange.status, mime });
  }
  await add(
    WARCRecord.create({ url: pageUrl, date: created, type: 'metadata', warcVersion: 'WARC/1.1', warcHeaders: { 'Content-Type': 'application/json' } }, [
      new TextEncoder().encode(JSON.stringify(metadata)),
    ]),
  );
  return { bytes: Buffer.concat(parts), index };
}

/** Headers as one value per name (set-cookie and the like joined), which is what Headers keeps anyway. */
function dedupe(headers: [string, string][]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of headers) out[name] = out[name] !== undefined ? `${out[name]}, ${value}` : value;
  return out;
}
