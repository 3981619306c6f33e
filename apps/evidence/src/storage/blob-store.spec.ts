import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { BlobTooLargeError, FileSystemBlobStore, HEAD_BYTES, readBlob } from './blob-store';

describe(FileSystemBlobStore.name, () => {
  let root: string;
  let sut: FileSystemBlobStore;
  const files = async () => (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'blob-store-'));
    sut = new FileSystemBlobStore(root);
  });

  afterEach(() => rm(root, { recursive: true, force: true }));

  it('names a blob by the SHA-256 of its bytes, streamed in chunks, and keeps one copy', async () => {
    const chunks = Array.from({ length: 10 }, (_, i) => Buffer.alloc(1_000, i));
    const stored = await sut.put(Readable.from(chunks));
    const expected = createHash('sha256').update(Buffer.concat(chunks)).digest('hex');
    expect(stored).toMatchObject({ sha256: expected, sizeBytes: 10_000 });
    expect(stored.head).toHaveLength(HEAD_BYTES);
    await sut.put(Readable.from(chunks));
    expect(await files()).toEqual([expected]);
    expect(await readBlob(sut, expected)).toEqual(Buffer.concat(chunks));
    expect(await sut.rehash(expected)).toBe(expected);
  });

  it('keeps nothing when the bytes are over the limit, refused on inspection, or the source fails', async () => {
    await expect(sut.put(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), { maxBytes: 1_000 })).rejects.toBeInstanceOf(BlobTooLargeError);
    await expect(
      sut.put(Readable.from([Buffer.from('MZ not allowed')]), {
        inspect: () => {
          throw new Error('refused');
        },
      }),
    ).rejects.toThrow('refused');
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(5_000));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(sut.put(failing)).rejects.toThrow('connection reset');
    expect(await files()).toEqual([]);
  });

  it('tells a missing blob from a changed one', async () => {
    const stored = await sut.put(Readable.from([Buffer.from('bằng chứng')]));
    await rm(sut.pathOf(stored.sha256));
    expect(await sut.rehash(stored.sha256)).toBeNull();
    expect(() => sut.pathOf('../../etc/passwd')).toThrow('not a SHA-256');
  });

  it('deletes a blob for good, and takes a missing one in its stride', async () => {
    const kept = await sut.put(Readable.from([Buffer.from('giữ lại')]));
    const purged = await sut.put(Readable.from([Buffer.from('hết hạn lưu trữ')]));
    await sut.delete(purged.sha256);
    await sut.delete(purged.sha256);
    expect(await sut.exists(purged.sha256)).toBe(false);
    expect(await files()).toEqual([kept.sha256]);
    await expect(sut.delete('not-a-hash')).rejects.toThrow('not a SHA-256');
  });
});
