import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { BlobTooLargeError, HEAD_BYTES, contentAddress, readBlob, type BlobStore } from './blob-store';

/** A store under test, with the hooks the contract needs to see and damage what it keeps. */
export interface BlobStoreHarness {
  store: BlobStore;
  /** Every file or object the store keeps, by its path or key under the store's root (temporary ones too). */
  stored(): Promise<string[]>;
  /** Overwrites a stored blob's bytes in place (what a failing disk or a tampering hand does). */
  corrupt(sha256: string, bytes: Buffer): Promise<void>;
  remove(sha256: string): Promise<void>;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** More than one 5 MB part of an S3 multipart upload, in 64 KB chunks as a socket delivers them. */
const LARGE = Array.from({ length: 100 }, (_, i) => Buffer.alloc(64 * 1024, i));

function cutOffAfter(chunks: Buffer[]): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent < chunks.length) this.push(chunks[sent++]);
      else this.destroy(new Error('connection reset'));
    },
  });
}

/**
 * What every blob store promises (BlobStore): the filesystem store and the S3 store run these same
 * cases, each from its own spec.
 */
export function blobStoreContract(setup: () => Promise<BlobStoreHarness>, teardown: () => Promise<void> = async () => undefined): void {
  let harness: BlobStoreHarness;
  let sut: BlobStore;

  beforeEach(async () => {
    harness = await setup();
    sut = harness.store;
  });

  afterEach(() => teardown());

  it('names a blob by the SHA-256 of its bytes, streamed in chunks, and keeps one copy', async () => {
    const chunks = Array.from({ length: 10 }, (_, i) => Buffer.alloc(1_000, i));
    const stored = await sut.put(Readable.from(chunks));
    const expected = sha256(Buffer.concat(chunks));
    expect(stored).toMatchObject({ sha256: expected, sizeBytes: 10_000 });
    expect(stored.head).toEqual(Buffer.concat(chunks).subarray(0, HEAD_BYTES));
    await sut.put(Readable.from(chunks));
    expect(await harness.stored()).toEqual([contentAddress(expected)]);
    expect(await sut.exists(expected)).toBe(true);
    expect(await readBlob(sut, expected)).toEqual(Buffer.concat(chunks));
    expect(await sut.rehash(expected)).toBe(expected);
  });

  it('streams a blob larger than one upload part in and out, hashing it on the way', async () => {
    const whole = Buffer.concat(LARGE);
    const stored = await sut.put(Readable.from(LARGE), { maxBytes: whole.length });
    expect(stored).toMatchObject({ sha256: sha256(whole), sizeBytes: whole.length });
    let reads = 0;
    const hash = createHash('sha256');
    for await (const chunk of await sut.open(stored.sha256)) {
      reads++;
      hash.update(chunk as Buffer);
    }
    expect(hash.digest('hex')).toBe(stored.sha256);
    expect(reads).toBeGreaterThan(1);
    expect(await sut.rehash(stored.sha256)).toBe(stored.sha256);
    expect(await harness.stored()).toEqual([contentAddress(stored.sha256)]);
  });

  it('keeps nothing when the bytes are over the limit, refused on inspection, or the source fails', async () => {
    await expect(sut.put(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), { maxBytes: 1_000 })).rejects.toBeInstanceOf(BlobTooLargeError);
    await expect(sut.put(Readable.from(LARGE), { maxBytes: 6 * 1024 * 1024 })).rejects.toBeInstanceOf(BlobTooLargeError);
    await expect(
      sut.put(Readable.from([Buffer.from('MZ not allowed')]), {
        inspect: () => {
          throw new Error('refused');
        },
      }),
    ).rejects.toThrow('refused');
    await expect(sut.put(cutOffAfter([Buffer.alloc(5_000)]))).rejects.toThrow('connection reset');
    // Cut off after the first part of a multipart upload went out.
    await expect(sut.put(cutOffAfter(LARGE.slice(0, 90)))).rejects.toThrow('connection reset');
    expect(await harness.stored()).toEqual([]);
  });

  it('stores the same bytes put at once by two writers as one blob', async () => {
    const bytes = Buffer.from('cùng một bằng chứng, hai lần tải lên');
    const [a, b] = await Promise.all([sut.put(Readable.from([bytes])), sut.put(Readable.from([bytes]))]);
    expect(a.sha256).toBe(b.sha256);
    expect(await harness.stored()).toEqual([contentAddress(a.sha256)]);
    expect(await readBlob(sut, a.sha256)).toEqual(bytes);
  });

  it('tells a missing blob from a changed one', async () => {
    const bytes = Buffer.from('bằng chứng');
    const stored = await sut.put(Readable.from([bytes]));
    const changed = Buffer.from(bytes);
    changed[0] ^= 0x01;
    await harness.corrupt(stored.sha256, changed);
    expect(await sut.rehash(stored.sha256)).toBe(sha256(changed));
    await harness.remove(stored.sha256);
    expect(await sut.exists(stored.sha256)).toBe(false);
    expect(await sut.rehash(stored.sha256)).toBeNull();
    await expect(sut.open(stored.sha256)).rejects.toThrow('is missing');
    await expect(sut.exists('../../etc/passwd')).rejects.toThrow('not a SHA-256');
  });

  it('deletes a blob for good, and takes a missing one in its stride', async () => {
    const kept = await sut.put(Readable.from([Buffer.from('giữ lại')]));
    const purged = await sut.put(Readable.from([Buffer.from('hết hạn lưu trữ')]));
    await sut.delete(purged.sha256);
    await sut.delete(purged.sha256);
    expect(await sut.exists(purged.sha256)).toBe(false);
    expect(await harness.stored()).toEqual([contentAddress(kept.sha256)]);
    await expect(sut.delete('not-a-hash')).rejects.toThrow('not a SHA-256');
  });
}
