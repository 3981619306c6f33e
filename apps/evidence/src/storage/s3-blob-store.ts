import { randomUUID } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { contentAddress, meterBlob, sha256Of, type BlobStore, type PutOptions, type StoredBlob } from './blob-store';

export interface S3StorageSettings {
  bucket: string;
  /** Prepended to every key (`evidence/` keeps the store to one folder of a shared bucket); may be empty. */
  prefix: string;
  /** Another endpoint than AWS's (any S3-compatible store); null: AWS. */
  endpoint: string | null;
  region: string;
  /** Address the bucket as a path (`https://host/bucket/key`), which most S3-compatible stores need. */
  forcePathStyle: boolean;
}

/** Bytes of a multipart upload's parts (S3's smallest), so a put holds at most this much in memory. */
export const S3_PART_BYTES = 5 * 1024 * 1024;
/** The largest object one CopyObject may copy: the limit of a blob in this store. */
export const S3_COPY_LIMIT_BYTES = 5 * 1024 * 1024 * 1024;

/**
 * A client for the configured store. Credentials come from the standard AWS provider chain
 * (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a web identity token, an instance role, ...).
 * Checksums are computed only where an operation requires them: S3-compatible stores do not all
 * accept the newer streaming checksum trailers, and every blob is named by its SHA-256 anyway.
 */
export function createS3Client(settings: S3StorageSettings): S3Client {
  return new S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.forcePathStyle,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

const errorName = (error: unknown): string | undefined => (error as { name?: string } | null)?.name;

/**
 * The blob store on S3-compatible object storage, with the guarantees of the filesystem store:
 * the bytes stream to a temporary key while they are hashed (a multipart upload of 5 MB parts,
 * never the whole file in memory), then are copied server-side to their content address
 * `<prefix>sha256/ab/cd/<hash>`; the temporary object is deleted whatever the outcome, and a
 * failed upload is aborted, so a refused or cut-off put leaves no object at the content address.
 * (A process killed mid-put can leave a `tmp/` object or unfinished parts: docs/operations.md has
 * the lifecycle rule that expires them.)
 */
export class S3BlobStore implements BlobStore {
  constructor(
    private readonly client: S3Client,
    private readonly settings: Pick<S3StorageSettings, 'bucket' | 'prefix'>,
  ) {}

  async put(source: Readable | AsyncIterable<Buffer | Uint8Array>, options: PutOptions = {}): Promise<StoredBlob> {
    const tmpKey = this.key(`tmp/${randomUUID()}`);
    const meter = meterBlob(options);
    const body = new PassThrough();
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.settings.bucket, Key: tmpKey, Body: body, ContentType: 'application/octet-stream' },
      partSize: S3_PART_BYTES,
      queueSize: 1,
      leavePartsOnError: false,
    });
    try {
      const [fed, uploaded] = await Promise.allSettled([pipeline(source, meter.transform, body), upload.done()]);
      if (fed.status === 'rejected') throw fed.reason;
      if (uploaded.status === 'rejected') throw uploaded.reason;
      const stored = meter.result();
      if (!(await this.exists(stored.sha256))) {
        await this.client.send(
          new CopyObjectCommand({ Bucket: this.settings.bucket, CopySource: `${this.settings.bucket}/${tmpKey}`, Key: this.objectKey(stored.sha256) }),
        );
      }
      return stored;
    } catch (error) {
      await upload.abort().catch(() => undefined);
      throw error;
    } finally {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: tmpKey })).catch(() => undefined);
    }
  }

  async open(sha256: string): Promise<Readable> {
    const body = await this.body(sha256);
    if (!body) throw new Error(`blob ${sha256} is missing`);
    return body;
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(sha256) }));
      return true;
    } catch (error) {
      if (errorName(error) !== 'NotFound') throw error;
      // A HEAD's 404 has no body to tell a missing object from a missing bucket: a wrong bucket must
      // fail loudly, never pass every blob off as missing.
      await this.client.send(new HeadBucketCommand({ Bucket: this.settings.bucket }));
      return false;
    }
  }

  async rehash(sha256: string): Promise<string | null> {
    const body = await this.body(sha256);
    return body ? sha256Of(body) : null;
  }

  /** Deletes the object (the retention purge); S3 answers a delete of a missing key with success too. */
  async delete(sha256: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(sha256) }));
  }

  /** The object key of a blob (tests change objects there). */
  objectKey(sha256: string): string {
    return this.key(contentAddress(sha256));
  }

  private key(name: string): string {
    return `${this.settings.prefix}${name}`;
  }

  private async body(sha256: string): Promise<Readable | null> {
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(sha256) }));
      return response.Body as Readable;
    } catch (error) {
      if (errorName(error) === 'NoSuchKey') return null;
      throw error;
    }
  }
}
