import { Module, type DynamicModule } from '@nestjs/common';
import { RpcSubjects } from '@phoi-hop/contracts';
import { auditTrailController, outboxRelayProviders, serviceInfrastructure } from '@phoi-hop/messaging';
import { deadlineSettingsProviders } from '@phoi-hop/persistence';
import type { ReportingConfig } from '../config/reporting.config';
import { DigestHttpController, DigestNatsController, digestProviders } from '../digest/digest.providers';
import { ReportingInitial1764300004600 } from '../migrations/1764300004600-reporting-initial';
import { Digest1764300004700 } from '../migrations/1764300004700-digest';
import { ReportPeriods1764300004800 } from '../migrations/1764300004800-report-periods';
import { TransparencyFactsIndex1764300004810 } from '../migrations/1764300004810-transparency-facts-index';
import { RenderedDocuments1764300005310 } from '../migrations/1764300005310-rendered-documents';
import { DocumentDownloadHttpController, documentDownloadProviders } from '../download/document-download.providers';
import { INLINE_DOCUMENT_MAX_BYTES_DEFAULT } from '../download/document-download.settings';
import { ReadModelWriteRoom1764300005400 } from '../migrations/1764300005400-read-model-write-room';
import { periodProviders, PERIOD_CONTROLLERS } from '../period/period.providers';
import { TRANSPARENCY_CONTROLLERS, TRANSPARENCY_PROVIDERS } from '../transparency/transparency.providers';
import { DossierNatsController } from '../dossier/dossier.nats-controller';
import { PDF_REQUIRED, PdfCapabilityCheck } from '../document/pdf-capability';
import { DossierReader } from '../dossier/dossier.reader';
import { DossierService } from '../dossier/dossier.service';
import { readModelConsumerProviders } from '../read-model/read-model.consumer';
import { ReadModelRepository } from '../read-model/read-model.repository';
import { StatisticsNatsController } from '../statistics/statistics.nats-controller';
import { StatisticsRepository } from '../statistics/statistics.repository';
import { StatisticsService } from '../statistics/statistics.service';

export interface ReportingModuleDeps {
  pgDriver?: unknown;
}

/** The reporting service's tables, oldest migration first (the outbox, inbox and audit tables come before them). */
export const REPORTING_MIGRATIONS = [
  ReportingInitial1764300004600,
  Digest1764300004700,
  ReportPeriods1764300004800,
  TransparencyFactsIndex1764300004810,
  RenderedDocuments1764300005310,
  ReadModelWriteRoom1764300005400,
];

@Module({})
export class ReportingModule {
  static forRoot(config: ReportingConfig, deps: ReportingModuleDeps = {}): DynamicModule {
    return {
      module: ReportingModule,
      imports: serviceInfrastructure(config, {
        entities: [],
        migrations: REPORTING_MIGRATIONS,
        pgDriver: deps.pgDriver,
      }),
      controllers: [
        auditTrailController(RpcSubjects.reporting.auditTrail),
        StatisticsNatsController,
        ...PERIOD_CONTROLLERS,
        ...TRANSPARENCY_CONTROLLERS,
        DossierNatsController,
        DigestNatsController,
        DigestHttpController,
        DocumentDownloadHttpController,
      ],
      providers: [
        ...digestProviders(config.digest, config.serviceName),
        ReadModelRepository,
        StatisticsRepository,
        StatisticsService,
        ...deadlineSettingsProviders(config),
        ...periodProviders(config),
        ...TRANSPARENCY_PROVIDERS,
        DossierReader,
        DossierService,
        { provide: PDF_REQUIRED, useValue: config.pdfRequired ?? false },
        ...documentDownloadProviders({
          publicUrl: config.digest.publicUrl,
          linkSecret: config.digest.linkSecret,
          inlineMaxBytes: config.inlineDocumentMaxBytes ?? INLINE_DOCUMENT_MAX_BYTES_DEFAULT,
        }),
        PdfCapabilityCheck,
        ...outboxRelayProviders({ enabled: config.outboxRelayEnabled }),
        ...(config.readModelConsumerEnabled ? readModelConsumerProviders(config.readModelBatchSize) : []),
      ],
    };
  }
}
