import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HttpAdapterHost } from '@nestjs/core';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { ErrorCodes, RpcSubjects, type Actor, type CaseDto } from '@phoi-hop/contracts';
import { OutboxRelay, RpcCallError, RpcClient } from '@phoi-hop/messaging';
import { InMemoryServices, RecordingOutboxRelay, createServiceTestbed, type ServiceTestbed } from '@phoi-hop/testing-medium';
import { CAPTURE_LOOKUP, CAPTURE_SETTINGS, CaptureService, type CaptureServiceSettings } from '../capture/capture.service';
import { DEFAULT_ALLOWED_MIME_TYPES, type TimestampingSettings } from '../config/evidence.config';
import { IndicatorRepository } from '../indicator/indicator.repository';
import { IndicatorService } from '../indicator/indicator.service';
import { INTEGRITY_SETTINGS, IntegrityScheduler } from '../integrity/integrity.scheduler';
import { IntegrityRepository } from '../integrity/integrity.repository';
import { CaseAccess } from '../item/case-access';
import { ItemRepository, type NewItem } from '../item/item.repository';
import { ItemService } from '../item/item.service';
import { PACKAGE_SIGNER, loadSigner } from '../package/package-signing';
import { PackageRepository } from '../package/package.repository';
import { PackageService } from '../package/package.service';
import { ReferralRepository } from '../referral/referral.repository';
import { ReferralService } from '../referral/referral.service';
import { CaseClosureHandler } from '../retention/case-closure.handler';
import { RetentionRepository } from '../retention/retention.repository';
import { RETENTION_SETTINGS, RetentionScheduler } from '../retention/retention.scheduler';
import { SIMILARITY_SETTINGS, SimilarityService } from '../similarity/similarity.service';
import { SimilarityRepository } from '../similarity/similarity.repository';
import { PublicSourceRepository } from '../source/public-source.repository';
import { PublicSourceService } from '../source/public-source.service';
import { ReportSourcesHandler } from '../source/report-sources.handler';
import { BLOB_STORE, FileSystemBlobStore } from '../storage/blob-store';
import { BlobRepository } from '../storage/blob.repository';
import { BlobService } from '../storage/blob.service';
import { EVIDENCE_LINK_SETTINGS, EvidenceLinks } from '../storage/evidence-links';
import { TIMESTAMP_SETTINGS, TimestampService } from '../timestamp/timestamp.service';
import { TimestampRepository } from '../timestamp/timestamp.repository';
import { UploadRepository } from '../upload/upload.repository';
import { UploadService } from '../upload/upload.service';
import { UPLOAD_SETTINGS } from '../upload/upload.settings';
import { EVIDENCE_MIGRATIONS } from './evidence.module';

/**
 * A text excerpt's item row as the capture paths build it, captured by `actor` on `caseId`, with one
 * stored part of the given hash (random if none): what specs record or insert when they test what
 * happens to an item rather than how it was captured.
 */
export function textExcerptItem(actor: Actor, caseId: string, fields: Partial<NewItem> & { sha256?: string; sizeBytes?: number } = {}): NewItem {
  const { sha256 = randomUUID().replace(/-/g, '').padEnd(64, '0'), sizeBytes = 3, ...rest } = fields;
  const part = { role: 'TEXT' as const, sha256, sizeBytes, mimeType: 'text/plain; charset=utf-8' };
  return {
    id: randomUUID(),
    caseId,
    caseNumber: 'QB-2026-999999',
    kind: 'TEXT_EXCERPT',
    primary: part,
    capturedBy: actor.userId,
    capturedByAgency: actor.agencyCode,
    capturedAt: new Date(),
    toolName: 'medium',
    toolVersion: '1',
    sourceUrl: null,
    fileName: null,
    nameMismatch: false,
    screenshot: null,
    note: null,
    visibleAgencies: ['UBND_LE_THUY', 'STTTT', 'CA'],
    parts: [part],
    ...rest,
  };
}

/** A case as intake shows it to the evidence service (what it reads of `intake.case.get`). */
export type EvidenceCaseView = Pick<CaseDto, 'id' | 'number' | 'status' | 'reporterAgencyCode' | 'participants' | 'actions' | 'decisions'> & {
  reports: Array<Pick<CaseDto['reports'][number], 'reporterAgencyCode' | 'url'>>;
};

export interface EvidenceTestbedOptions {
  maxUploadBytes?: number;
  /** Captures may reach loopback (a page served by the test). */
  capture?: Partial<CaptureServiceSettings>;
  retentionDays?: number;
  /** The time-stamping authority items are timestamped by (default: none, items get no timestamp); the retry poller is not started. */
  tsa?: TimestampingSettings;
}

/**
 * The evidence service's services over a fresh evidence schema of the real Postgres and a blob
 * store in a temporary folder, with intake answered in process from the cases a test adds and the
 * outbox relay recorded rather than run: no NATS, no gateway, no HTTP server.
 */
export interface EvidenceTestbed extends ServiceTestbed {
  module: TestingModule;
  relay: RecordingOutboxRelay;
  blobs: FileSystemBlobStore;
  get<T>(type: new (...args: never[]) => T): T;
  /**
   * A case intake would show: reported by UBND Lệ Thủy, led by Sở TT&TT with CA (Công an tỉnh) as
   * participant, unless `agencies` names others; returns its id.
   */
  addCase(change?: Partial<EvidenceCaseView>): string;
  /** Changes a case as intake would show it from now on. */
  updateCase(id: string, change: Partial<EvidenceCaseView>): void;
  /** Intake answers NOT_FOUND for the case from now on, as it does to a caller who may not see it. */
  hideCase(id: string): void;
}

export async function createEvidenceTestbed(options: EvidenceTestbedOptions = {}): Promise<EvidenceTestbed> {
  const bed = await createServiceTestbed({ service: 'evidence', migrations: EVIDENCE_MIGRATIONS });
  const evidenceDir = await mkdtemp(path.join(tmpdir(), 'evidence-medium-'));
  const blobs = new FileSystemBlobStore(evidenceDir);
  const cases = new Map<string, EvidenceCaseView>();
  const services = new InMemoryServices().answer<{ id: string }>(RpcSubjects.intake.caseGet, ({ id }) => {
    const found = cases.get(id);
    if (!found) throw new RpcCallError(ErrorCodes.NOT_FOUND, 'Case not found');
    return found;
  });
  const relay = new RecordingOutboxRelay();
  const capture: CaptureServiceSettings = {
    allowPrivateAddresses: false,
    timeoutMs: 5_000,
    maxBytes: 1024 * 1024,
    maxRedirects: 5,
    chromiumPath: null,
    ...options.capture,
  };
  const module = await Test.createTestingModule({
    providers: [
      { provide: DataSource, useValue: bed.dataSource },
      { provide: RpcClient, useValue: services },
      { provide: OutboxRelay, useValue: relay },
      { provide: HttpAdapterHost, useValue: {} },
      { provide: BLOB_STORE, useValue: blobs },
      { provide: CAPTURE_LOOKUP, useValue: {} },
      { provide: CAPTURE_SETTINGS, useValue: capture },
      { provide: EVIDENCE_LINK_SETTINGS, useValue: { secret: 'medium-test-secret-'.padEnd(40, 'x'), publicUrl: 'http://evidence.test' } },
      { provide: INTEGRITY_SETTINGS, useValue: { enabled: false, intervalMs: 3_600_000, pollMs: 60_000 } },
      { provide: RETENTION_SETTINGS, useValue: { enabled: false, days: options.retentionDays ?? 30, intervalMs: 3_600_000, pollMs: 60_000 } },
      { provide: SIMILARITY_SETTINGS, useValue: { maxDistance: 10 } },
      { provide: TIMESTAMP_SETTINGS, useValue: { tsa: options.tsa ?? null, retryEnabled: false } },
      { provide: PACKAGE_SIGNER, useFactory: () => loadSigner({ pem: null, keyId: null, evidenceDir }) },
      {
        provide: UPLOAD_SETTINGS,
        useValue: { maxBytes: options.maxUploadBytes ?? 1024 * 1024, allowedMimeTypes: DEFAULT_ALLOWED_MIME_TYPES, ttlSeconds: 300 },
      },
      BlobRepository,
      BlobService,
      CaptureService,
      CaseAccess,
      CaseClosureHandler,
      EvidenceLinks,
      IndicatorRepository,
      IndicatorService,
      IntegrityRepository,
      IntegrityScheduler,
      ItemRepository,
      ItemService,
      PackageRepository,
      PackageService,
      PublicSourceRepository,
      PublicSourceService,
      ReferralRepository,
      ReferralService,
      ReportSourcesHandler,
      RetentionRepository,
      RetentionScheduler,
      SimilarityRepository,
      SimilarityService,
      TimestampRepository,
      TimestampService,
      UploadRepository,
      UploadService,
    ],
  }).compile();
  let seq = 0;
  return {
    ...bed,
    module,
    relay,
    blobs,
    get: (type) => module.get(type),
    addCase(change = {}) {
      const id = randomUUID();
      cases.set(id, {
        id,
        number: `QB-2026-${String(++seq).padStart(6, '0')}`,
        status: 'TRIAGED',
        reporterAgencyCode: 'UBND_LE_THUY',
        participants: [
          { agencyCode: 'STTTT', role: 'LEAD', basis: 'Đ6.1' },
          { agencyCode: 'CA', role: 'PARTICIPANT', basis: 'Đ6.2' },
        ],
        reports: [{ reporterAgencyCode: 'UBND_LE_THUY', url: `https://example.vn/bai/${id}` }],
        actions: [],
        decisions: [],
        ...change,
      });
      return id;
    },
    updateCase(id, change) {
      cases.set(id, { ...cases.get(id)!, ...change });
    },
    hideCase(id) {
      cases.delete(id);
    },
    async cleanup() {
      await module.close();
      await bed.cleanup();
      await rm(evidenceDir, { recursive: true, force: true });
    },
  };
}
