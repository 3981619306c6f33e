import type { INestApplication, LoggerService } from '@nestjs/common';
import { startServiceApp } from '@phoi-hop/messaging';
import type { EvidenceConfig } from '../config/evidence.config';
import { EvidenceModule, type EvidenceModuleDeps } from './evidence.module';

/** Starts the evidence service (used by main.ts and by tests that boot services in-process). */
export function createEvidenceApp(config: EvidenceConfig, logger: LoggerService | false, deps: EvidenceModuleDeps = {}): Promise<INestApplication> {
  return startServiceApp(EvidenceModule.forRoot(config, deps), config, logger);
}

export type { EvidenceConfig } from '../config/evidence.config';
export type { EvidenceModuleDeps } from './evidence.module';
export { DEFAULT_ALLOWED_MIME_TYPES } from '../config/evidence.config';
export { IntegrityScheduler } from '../integrity/integrity.scheduler';
export { RetentionScheduler } from '../retention/retention.scheduler';
export { TimestampService } from '../timestamp/timestamp.service';
export { FileSystemBlobStore, type BlobStore } from '../storage/blob-store';
export { S3BlobStore } from '../storage/s3-blob-store';
export type { LookupFunction } from '@phoi-hop/safe-fetch';
export type { CaptureNetwork } from '../capture/capture.service';
