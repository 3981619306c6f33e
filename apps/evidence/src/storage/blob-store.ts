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

/** The blob store on a local filesystem (`EVIDENCE_DIR`): `sha256/ab/cd/<hash>`, written through `tmp/` and renamed. */
export class FileSystemBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  async put(source: Readable | AsyncIterable<Buffer | Uint8Array>, options: PutOptions = {}): Promise<StoredBlob> {
    const tmpDir = path.join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    const headChunks: Buffer[] = [];
    let headLength = 0;
    let inspected = false;
    const inspect = async (): Promise<void> => {
      if (inspected) return;
      inspected = true;
      await options.inspect?.(Buffer.concat(headChunks).subarray(0, HEAD_BYTES));
    };
    const meter = new Transform({
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
    try {
      await pipeline(source, meter, createWriteStream(tmp, { flags: 'wx' }));
      const sha256 = hash.digest('hex');
      const target = this.pathOf(sha256);
      await mkdir(path.dirname(target), { recursive: true });
      if (await this.exists(sha256)) await rm(tmp, { force: true });
      else await rename(tmp, target);
      return { sha256, sizeBytes: size, head: Buffer.concat(headChunks).subarray(0, HEAD_BYTES) };
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
    const hash = createHash('sha256');
    await pipeline(createReadStream(this.pathOf(sha256)), async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) hash.update(chunk);
      yield* [];
    });
    return hash.digest('hex');
  }

  async delete(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  /** Where a blob lives (tests flip bytes there). */
  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error('not a SHA-256');
    return path.join(this.root, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }
}

/** Reads a whole (small) blob: texts and screenshots, never uploads. */
export async function readBlob(store: BlobStore, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await store.open(sha256)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
