import type { EvidenceStorageSettings } from '../config/evidence.config';
import { FileSystemBlobStore, type BlobStore } from './blob-store';
import { S3BlobStore, createS3Client } from './s3-blob-store';

/** The configured blob store: the filesystem under EVIDENCE_DIR, or the S3 bucket (EVIDENCE_STORAGE=s3). */
export function createBlobStore(storage: EvidenceStorageSettings, evidenceDir: string): BlobStore {
  return storage.kind === 's3' ? new S3BlobStore(createS3Client(storage), storage) : new FileSystemBlobStore(evidenceDir);
}
