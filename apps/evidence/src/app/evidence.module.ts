import { Module, type DynamicModule } from '@nestjs/common';
import { EventSubjects, RpcSubjects } from '@phoi-hop/contracts';
import { auditTrailController, eventConsumerProviders, outboxRelayProviders, serviceInfrastructure } from '@phoi-hop/messaging';
import { CAPTURE_LOOKUP, CAPTURE_SETTINGS, CaptureService, type CaptureNetwork } from '../capture/capture.service';
import type { EvidenceConfig } from '../config/evidence.config';
import { IntegrityRepository } from '../integrity/integrity.repository';
import { INTEGRITY_SETTINGS, IntegrityScheduler } from '../integrity/integrity.scheduler';
import { CaseAccess } from '../item/case-access';
import { ItemNatsController } from '../item/item.nats-controller';
import { ItemRepository } from '../item/item.repository';
import { ItemService } from '../item/item.service';
import { EvidenceInitial1764300003000 } from '../migrations/1764300003000-evidence-initial';
import { PublicSources1764300003100 } from '../migrations/1764300003100-public-sources';
import { EvidenceLinks1764300004300 } from '../migrations/1764300004300-evidence-links';
import { IndicatorNatsController } from '../indicator/indicator.nats-controller';
import { IndicatorRepository } from '../indicator/indicator.repository';
import { IndicatorService } from '../indicator/indicator.service';
import { CaseClosureHandler } from '../retention/case-closure.handler';
import { RetentionRepository } from '../retention/retention.repository';
import { RETENTION_SETTINGS, RetentionScheduler } from '../retention/retention.scheduler';
import { SimilarityNatsController } from '../similarity/similarity.nats-controller';
import { SimilarityRepository } from '../similarity/similarity.repository';
import { SIMILARITY_SETTINGS, SimilarityService } from '../similarity/similarity.service';
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
  /** How often due integrity and retention runs are looked for (default 5 s). */
  integrityPollMs?: number;
  /** Whether this process retries failed timestamps on its own (default true; tests call TimestampService.retryDue). */
  timestampRetry?: boolean;
}

/** The evidence schema's migrations, in order (the module and the medium testbed run them). */
export const EVIDENCE_MIGRATIONS = [EvidenceInitial1764300003000, PublicSources1764300003100, EvidenceTimestamps1764300004200, EvidenceLinks1764300004300];

@Module({})
export class EvidenceModule {
  static forRoot(config: EvidenceConfig, deps: EvidenceModuleDeps = {}): DynamicModule {
    return {
      module: EvidenceModule,
      imports: serviceInfrastructure(config, {
        entities: [],
        migrations: EVIDENCE_MIGRATIONS,
        pgDriver: deps.pgDriver,
      }),
      controllers: [
        auditTrailController(RpcSubjects.evidence.auditTrail),
        EvidenceHttpController,
        IndicatorNatsController,
        ItemNatsController,
        PackageNatsController,
        PublicSourceNatsController,
        ReferralNatsController,
        SimilarityNatsController,
      ],
      providers: [
        { provide: BLOB_STORE, useValue: deps.blobStore ?? createBlobStore(config.storage, config.evidenceDir) },
        { provide: CAPTURE_LOOKUP, useValue: deps.captureNetwork ?? {} },
        { provide: CAPTURE_SETTINGS, useValue: config.capture },
        { provide: EVIDENCE_LINK_SETTINGS, useValue: { secret: config.auth.internalSecret, publicUrl: config.publicUrl } },
        { provide: INTEGRITY_SETTINGS, useValue: { ...config.integrity, pollMs: deps.integrityPollMs ?? 5_000 } },
        { provide: RETENTION_SETTINGS, useValue: { ...config.retention, pollMs: deps.integrityPollMs ?? 5_000 } },
        { provide: SIMILARITY_SETTINGS, useValue: { maxDistance: config.phashMaxDistance } },
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
        CaseClosureHandler,
        EvidenceLinks,
        IntegrityRepository,
        IndicatorRepository,
        IndicatorService,
        IntegrityScheduler,
        ItemRepository,
        ItemService,
        PackageRepository,
        PackageService,
        PublicSourceRepository,
        PublicSourceService,
        ReferralRepository,
        ReferralService,
        RetentionRepository,
        RetentionScheduler,
        SimilarityRepository,
        SimilarityService,
        TimestampRepository,
        TimestampService,
        UploadRepository,
        UploadService,
        ...outboxRelayProviders({ enabled: config.outboxRelayEnabled }),
        ...eventConsumerProviders('evidence-report-sources', [EventSubjects.intake.caseOpened, EventSubjects.intake.reportAttached], ReportSourcesHandler),
        ...eventConsumerProviders('evidence-case-closures', [EventSubjects.intake.caseStatusChanged], CaseClosureHandler),
      ],
    };
  }
}
