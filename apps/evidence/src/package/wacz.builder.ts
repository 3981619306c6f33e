import { createHash } from 'node:crypto';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import { WARCParser } from 'warcio';
import type { PackageSigner } from './package-signing';

export const WACZ_VERSION = '1.1.1';

/** One file of the package: its bytes, or a stream of bytes whose hash and size are known. */
export type WaczEntry =
  | { path: string; bytes: Buffer; compress: boolean }
  | { path: string; stream: () => Promise<Readable>; sha256: string; sizeBytes: number; compress: boolean };

export interface WaczPage {
  id: string;
  url: string;
  ts: string;
  title: string | null;
}

export interface WaczInput {
  title: string;
  created: string;
  software: string;
  entries: WaczEntry[];
  pages: WaczPage[];
  mainPageUrl: string | null;
}

const sha256 = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/** A CDXJ key: the SURT form of a URL (host labels reversed), as web archive indexes sort them. */
export function surt(raw: string): string {
  const url = new URL(raw);
  const host = url.hostname.replace(/^www\./, '').split('.').reverse().join(',');
  const port = url.port ? `:${url.port}` : '';
  return `${host}${port})${url.pathname.toLowerCase()}${url.search}`;
}

/** CDXJ lines for the response and resource records of a WARC file of the package. */
export async function cdxjLines(warcPath: string, warc: Buffer): Promise<string[]> {
  const parser = new WARCParser([new Uint8Array(warc)]);
  const lines: string[] = [];
  for await (const record of parser) {
    await record.readFully();
    const type = record.warcType;
    const url = record.warcTargetURI;
    if ((type === 'response' || type === 'resource') && url) {
      const ts = (record.warcDate ?? '').replace(/\D/g, '').slice(0, 14);
      const entry = {
        url,
        mime: record.httpHeaders?.headers.get('content-type')?.split(';')[0]?.trim() ?? 'application/octet-stream',
        status: String(record.httpHeaders?.statusCode ?? 200),
        digest: record.warcPayloadDigest ?? '',
        length: String(parser.recordLength),
        offset: String(parser.offset),
        filename: warcPath.replace(/^archive\//, ''),
      };
      lines.push(`${surt(url)} ${ts} ${JSON.stringify(entry)}`);
    }
  }
  return lines;
}

/**
 * Writes a WACZ 1.1.1 package: the given entries (WARC files stored without compression, as the
 * spec requires), pages/pages.jsonl, datapackage.json listing every file with its sha256 and size,
 * and datapackage-digest.json whose `signedData` carries the signature of the datapackage hash and
 * the public key (WACZ authentication, anonymous form) with the signing key's id.
 */
export function writeWacz(input: WaczInput, signer: PackageSigner): Readable {
  const zip = new ZipFile();
  const out = new PassThrough();
  zip.outputStream.pipe(out);
  void (async () => {
    const resources: { name: string; path: string; hash: string; bytes: number }[] = [];
    const add = async (entry: WaczEntry) => {
      const name = entry.path.split('/').pop()!;
      if ('bytes' in entry) {
        zip.addBuffer(entry.bytes, entry.path, { compress: entry.compress, mtime: new Date(input.created) });
        resources.push({ name, path: entry.path, hash: sha256(entry.bytes), bytes: entry.bytes.length });
        return;
      }
      // The bytes are re-hashed as they go into the zip; a blob that changed fails the export.
      const hash = createHash('sha256');
      const checked = new Transform({
        transform(chunk: Buffer, _e, callback) {
          hash.update(chunk);
          callback(null, chunk);
        },
        flush(callback) {
          const actual = hash.digest('hex');
          callback(actual === entry.sha256 ? null : new Error(`${entry.path} no longer matches its recorded SHA-256`));
        },
      });
      checked.on('error', (error) => out.destroy(error));
      zip.addReadStream((await entry.stream()).pipe(checked), entry.path, { compress: entry.compress, size: entry.sizeBytes, mtime: new Date(input.created) });
      resources.push({ name, path: entry.path, hash: `sha256:${entry.sha256}`, bytes: entry.sizeBytes });
    };
    for (const entry of input.entries) await add(entry);
    const pages = [JSON.stringify({ format: 'json-pages-1.0', id: 'pages', title: 'All Pages' }), ...input.pages.map((p) => JSON.stringify({ id: p.id, url: p.url, ts: p.ts, ...(p.title ? { title: p.title } : {}) }))];
    await add({ path: 'pages/pages.jsonl', bytes: Buffer.from(`${pages.join('\n')}\n`), compress: true });
    const datapackage = Buffer.from(
      JSON.stringify(
        {
          profile: 'data-package',
          wacz_version: WACZ_VERSION,
          title: input.title,
          created: input.created,
          modified: input.created,
          software: input.software,
          ...(input.mainPageUrl ? { mainPageUrl: input.mainPageUrl } : {}),
          resources,
        },
        null,
        2,
      ),
    );
    const hash = sha256(datapackage);
    const digest = {
      path: 'datapackage.json',
      hash,
      signedData: { hash, created: input.created, software: input.software, signature: signer.sign(hash), publicKey: signer.publicKey, keyId: signer.keyId },
    };
    zip.addBuffer(datapackage, 'datapackage.json', { mtime: new Date(input.created) });
    zip.addBuffer(Buffer.from(JSON.stringify(digest, null, 2)), 'datapackage-digest.json', { mtime: new Date(input.created) });
    zip.end();
  })().catch((error: unknown) => out.destroy(error as Error));
  return out;
}
