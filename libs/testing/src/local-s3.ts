import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';

export interface LocalS3 {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  region: string;
  /** A client with the server's credentials, path-style (as the evidence service is configured against it). */
  client: S3Client;
  createBucket(name: string): Promise<void>;
  /** Every key in a bucket, sorted. */
  keys(bucket: string, prefix?: string): Promise<string[]>;
  close(): Promise<void>;
}

/** The fixed credentials s3rver accepts. */
export const LOCAL_S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

/** An S3-compatible server on loopback (s3rver, in process, files in a temporary directory), for tests of object storage. */
export async function startLocalS3(): Promise<LocalS3> {
  // Loaded on first use: most tests that import this library never start an object store.
  const [{ default: S3rver }, { CreateBucketCommand, ListObjectsV2Command, S3Client }] = await Promise.all([import('s3rver'), import('@aws-sdk/client-s3')]);
  const directory = await mkdtemp(path.join(tmpdir(), 'phoi-hop-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const region = 'us-east-1';
  const client: S3Client = new S3Client({
    region,
    endpoint,
    forcePathStyle: true,
    credentials: LOCAL_S3_CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return {
    endpoint,
    region,
    client,
    async createBucket(name) {
      await client.send(new CreateBucketCommand({ Bucket: name }));
    },
    async keys(bucket, prefix) {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
        keys.push(...(page.Contents ?? []).map((c) => c.Key!));
        token = page.NextContinuationToken;
      } while (token);
      return keys.sort();
    },
    async close() {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
