import { Module, type DynamicModule } from '@nestjs/common';
import { EventSubjects, RpcSubjects } from '@phoi-hop/contracts';
import { auditTrailController, eventConsumerProviders, outboxRelayProviders, serviceInfrastructure } from '@phoi-hop/messaging';
import { CAPTURE_LOOKUP, CAPTURE_SETTINGS, CaptureService, type CaptureNetwork } from '../capture/capture.service';
import type { EvidenceConfig } from '../config/evidence.config';
import { INTEGRITY_SETTINGS, IntegrityScheduler } from '../integrity/integrity.scheduler';
import { CaseAccess } from '../item/case-access';
import { ItemNatsController } from '../item/item.nats-controller';
import { ItemRepository } from '../item/item.repository';
import { ItemService } from '../item/item.service';
import { EvidenceInitial1764300003000 } from '../migrations/1764300003000-evidence-initial';
import { PublicSources1764300003100 } from '../migrations/1764300003100-public-sources';
import { EvidenceTimestamps1764300004200 } from '../migrations/1764300004200-evidence-timestamps';
import { PackageNatsController } from '../package/package.nats-controller';
import { PackageRepository } from '../package/package.repository';
import { PackageService } from '../package/package.service';
import { PACKAGE_SIGNER, loadSigner } from '../package/package-signing';
import { ReferralNatsController } from '../referral/referral.nats-controller';
import { ReferralRepository } from '../referral/referral.repository';
import { ReferralService } from '../referral/referral.service';
import { PublicSourceNatsController } from '../source/public-source.nats-controller';
import { PublicSourceRepository } from '../source/public-source.repository';
import { PublicSourceService } from '../source/public-source.service';
import { ReportSourcesHandler } from '../source/report-sources.handler';
import { BLOB_STORE, type BlobStore } from '../storage/blob-store';
import { createBlobStore } from '../storage/blob-store.factory';
import { BlobRepository } from '../storage/blob.repository';
import { BlobService } from '../storage/blob.service';
import { EVIDENCE_LINK_SETTINGS, EvidenceLinks } from '../storage/evidence-links';
import { EvidenceHttpController } from '../upload/upload.http-controller';
import { TimestampRepository } from '../timestamp/timestamp.repository';
import { TIMESTAMP_SETTINGS, TimestampService } from '../timestamp/timestamp.service';
import { UploadRepository } from '../upload/upload.repository';
import { UploadService } from '../upload/upload.service';
import { UPLOAD_SETTINGS } from '../upload/upload.settings';

export interface EvidenceModuleDeps {
  pgDriver?: unknown;
  /** Another blob store (default: the configured one, EVIDENCE_STORAGE). */
  blobStore?: BlobStore;
  /** Tests only: DNS answers and connection targets of captures. */
  captureNetwork?: CaptureNetwork;
  /** How often due integrity runs are looked for (default 5 s). */
  integrityPollMs?: number;
  /** Whether this process retries failed timestamps on its own (default true; tests call TimestampService.retryDue). */
  timestampRetry?: boolean;
}

@Module({})
export class EvidenceModule {
  static forRoot(config: EvidenceConfig, deps: EvidenceModuleDeps = {}): DynamicModule {
    return {
      module: EvidenceModule,
      imports: serviceInfrastructure(config, {
        entities: [],
        migrations: [EvidenceInitial1764300003000, PublicSources1764300003100, EvidenceTimestamps1764300004200],
        pgDriver: deps.pgDriver,
      }),
      controllers: [
        auditTrailController(RpcSubjects.evidence.auditTrail),
        EvidenceHttpController,
        ItemNatsController,
        PackageNatsController,
        PublicSourceNatsController,
        ReferralNatsController,
      ],
      providers: [
        { provide: BLOB_STORE, useValue: deps.blobStore ?? createBlobStore(config.storage, config.evidenceDir) },
        { provide: CAPTURE_LOOKUP, useValue: deps.captureNetwork ?? {} },
        { provide: CAPTURE_SETTINGS, useValue: config.capture },
        { provide: EVIDENCE_LINK_SETTINGS, useValue: { secret: config.auth.internalSecret, publicUrl: config.publicUrl } },
        { provide: INTEGRITY_SETTINGS, useValue: { ...config.integrity, pollMs: deps.integrityPollMs ?? 5_000 } },
        { provide: PACKAGE_SIGNER, useFactory: () => loadSigner({ pem: config.signingKeyPem, keyId: config.signingKeyId, evidenceDir: config.evidenceDir }) },
        { provide: TIMESTAMP_SETTINGS, useValue: { tsa: config.timestamping, retryEnabled: deps.timestampRetry ?? true } },
        {
          provide: UPLOAD_SETTINGS,
          useValue: { maxBytes: config.maxUploadBytes, allowedMimeTypes: config.allowedMimeTypes, ttlSeconds: config.uploadTtlSeconds },
        },
        BlobRepository,
        BlobService,
        CaptureService,
        CaseAccess,
        EvidenceLinks,
        IntegrityScheduler,
        ItemRepository,
        ItemService,
        PackageRepository,
        PackageService,
        PublicSourceRepository,
        PublicSourceService,
        ReferralRepository,
        ReferralService,
        TimestampRepository,
        TimestampService,
        UploadRepository,
        UploadService,
        ...outboxRelayProviders({ enabled: config.outboxRelayEnabled }),
        ...eventConsumerProviders('evidence-report-sources', [EventSubjects.intake.caseOpened, EventSubjects.intake.reportAttached], ReportSourcesHandler),
      ],
    };
  }
}
