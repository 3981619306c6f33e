import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** How many leading bytes a put hands to `inspect` (what MIME sniffing needs). */
export const HEAD_BYTES = 4_100;

export interface PutOptions {
  /** More bytes than this: the put fails with BlobTooLarge and nothing is kept. */
  maxBytes?: number;
  /** Called once with the first HEAD_BYTES bytes (or all, if fewer); throwing aborts the put. */
  inspect?(head: Buffer): void | Promise<void>;
}

export interface StoredBlob {
  sha256: string;
  sizeBytes: number;
  head: Buffer;
}

/**
 * Content-addressed storage of evidence bytes: a blob's name is its SHA-256, computed while the
 * bytes stream in, so the original is kept untouched and a copy is never stored twice. A put that
 * fails (too large, refused by `inspect`, source cut off) leaves nothing behind.
 */
export interface BlobStore {
  put(source: Readable | AsyncIterable<Buffer | Uint8Array>, options?: PutOptions): Promise<StoredBlob>;
  open(sha256: string): Promise<Readable>;
  exists(sha256: string): Promise<boolean>;
  /** What the stored bytes hash to now; null when the blob is missing. */
  rehash(sha256: string): Promise<string | null>;
  /** Deletes a blob (the retention purge, once nothing refers to it); a missing blob is no error. */
  delete(sha256: string): Promise<void>;
}

export const BLOB_STORE = Symbol('BLOB_STORE');

export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`more than ${maxBytes} bytes`);
  }
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Refuses anything but a lower-case hex SHA-256 as a blob's name (it becomes a path or an object key). */
export function assertSha256(sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error('not a SHA-256');
  return sha256;
}

/** The hex SHA-256 of a stream's bytes, read in chunks. */
export async function sha256Of(stream: Readable | AsyncIterable<Buffer | Uint8Array>): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A put's bytes on their way to storage, and what they turned out to be once the stream ended. */
export interface BlobMeter {
  transform: Transform;
  result(): StoredBlob;
}

/**
 * What every store does to the bytes of a put on their way to storage: hashes and measures them,
 * fails the stream past `maxBytes`, and hands the first HEAD_BYTES to `inspect` before letting
 * more through (a refusal stops the stream before the rest is stored).
 */
export function meterBlob(options: PutOptions): BlobMeter {
  const hash = createHash('sha256');
  let size = 0;
  const headChunks: Buffer[] = [];
  let headLength = 0;
  let inspected = false;
  const head = () => Buffer.concat(headChunks).subarray(0, HEAD_BYTES);
  const inspect = async (): Promise<void> => {
    if (inspected) return;
    inspected = true;
    await options.inspect?.(head());
  };
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (options.maxBytes !== undefined && size > options.maxBytes) return callback(new BlobTooLargeError(options.maxBytes));
      hash.update(chunk);
      if (headLength < HEAD_BYTES) {
        headChunks.push(chunk);
        headLength += chunk.length;
      }
      if (headLength >= HEAD_BYTES && !inspected) {
        inspect().then(() => callback(null, chunk), callback);
        return;
      }
      callback(null, chunk);
    },
    flush(callback) {
      inspect().then(() => callback(), callback);
    },
  });
  return { transform, result: () => ({ sha256: hash.digest('hex'), sizeBytes: size, head: head() }) };
}

/** Where a blob lives under a store's root: `sha256/ab/cd/<hash>` (a path or an object key). */
export function contentAddress(sha256: string): string {
  assertSha256(sha256);
  return ['sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256].join('/');
}

/** The blob store on a local filesystem (`EVIDENCE_DIR`): `sha256/ab/cd/<hash>`, written through `tmp/` and renamed. */
export class FileSystemBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  async put(source: Readable | AsyncIterable<Buffer | Uint8Array>, options: PutOptions = {}): Promise<StoredBlob> {
    const tmpDir = path.join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, randomUUID());
    const meter = meterBlob(options);
    try {
      await pipeline(source, meter.transform, createWriteStream(tmp, { flags: 'wx' }));
      const stored = meter.result();
      const target = this.pathOf(stored.sha256);
      await mkdir(path.dirname(target), { recursive: true });
      if (await this.exists(stored.sha256)) await rm(tmp, { force: true });
      else await rename(tmp, target);
      return stored;
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  }

  async open(sha256: string): Promise<Readable> {
    if (!(await this.exists(sha256))) throw new Error(`blob ${sha256} is missing`);
    return createReadStream(this.pathOf(sha256));
  }

  async exists(sha256: string): Promise<boolean> {
    return stat(this.pathOf(sha256)).then(
      (s) => s.isFile(),
      () => false,
    );
  }

  async rehash(sha256: string): Promise<string | null> {
    if (!(await this.exists(sha256))) return null;
    return sha256Of(createReadStream(this.pathOf(sha256)));
  }

  async delete(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  /** Where a blob lives (tests flip bytes there). */
  pathOf(sha256: string): string {
    return path.join(this.root, contentAddress(sha256));
  }
}

/** Reads a whole (small) blob: texts and screenshots, never uploads. */
export async function readBlob(store: BlobStore, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await store.open(sha256)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
