import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { startLocalS3, type LocalS3 } from '@phoi-hop/testing';
import { blobStoreContract } from './blob-store.contract';
import { S3BlobStore } from './s3-blob-store';

describe(S3BlobStore.name, () => {
  let s3: LocalS3;
  let bucket: string;

  beforeAll(async () => {
    s3 = await startLocalS3();
  });

  afterAll(() => s3?.close());

  describe('the blob store contract, on a local S3-compatible server', () => {
    blobStoreContract(async () => {
      // A bucket per case, and a prefix as production may use one (a folder of a shared bucket).
      bucket = `evidence-${randomUUID().slice(0, 8)}`;
      await s3.createBucket(bucket);
      const store = new S3BlobStore(s3.client, { bucket, prefix: 'phoi-hop/' });
      return {
        store,
        stored: async () => (await s3.keys(bucket)).map((key) => key.replace(/^phoi-hop\//, '')),
        corrupt: async (sha256, bytes) => {
          await s3.client.send(new PutObjectCommand({ Bucket: bucket, Key: store.objectKey(sha256), Body: bytes }));
        },
        remove: async (sha256) => {
          await s3.client.send(new DeleteObjectCommand({ Bucket: bucket, Key: store.objectKey(sha256) }));
        },
      };
    });
  });

  it('keeps every key under its prefix', async () => {
    bucket = `evidence-${randomUUID().slice(0, 8)}`;
    await s3.createBucket(bucket);
    const store = new S3BlobStore(s3.client, { bucket, prefix: 'evidence/' });
    const { sha256 } = await store.put(Readable.from([Buffer.from('một tệp')]));
    expect(await s3.keys(bucket)).toEqual([`evidence/sha256/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`]);
  });

  it('fails a read of a bucket that does not exist instead of calling the blob missing', async () => {
    const store = new S3BlobStore(s3.client, { bucket: 'no-such-bucket', prefix: '' });
    await expect(store.exists('0'.repeat(64))).rejects.toThrow();
    await expect(store.rehash('0'.repeat(64))).rejects.toThrow('bucket');
  });
});
