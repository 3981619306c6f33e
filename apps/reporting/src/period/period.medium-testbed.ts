import { HttpAdapterHost } from '@nestjs/core';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { RpcSubjects, type EventEnvelope } from '@phoi-hop/contracts';
import { OutboxRelay, RpcClient } from '@phoi-hop/messaging';
import { DEADLINE_SCHEDULER_ENABLED, DEADLINE_SETTINGS } from '@phoi-hop/persistence';
import { InMemoryServices, RecordingOutboxRelay, createServiceTestbed, type ServiceTestbed } from '@phoi-hop/testing-medium';
import { REPORTING_MIGRATIONS } from '../app/reporting.module';
import { documentDownloadProviders } from '../download/document-download.providers';
import { TEST_DOWNLOAD_SETTINGS } from '../download/document-download.medium-testbed';
import { ReferenceNamesReader } from '../document/reference-names.reader';
import { ReadModelProjector } from '../read-model/read-model.projector';
import { ReadModelRepository } from '../read-model/read-model.repository';
import { StatisticsRepository } from '../statistics/statistics.repository';
import { StatisticsService } from '../statistics/statistics.service';
import { PeriodDeadlineScheduler } from './period-deadline.scheduler';
import { PeriodDocumentService } from './period-document.service';
import { PeriodRepository } from './period.repository';
import { PERIOD_STATISTICS, PeriodService, REPORT_LEAD_AGENCY } from './period.service';

/** The names the directory would give the codes the synthetic events use (a few are left out: those print as codes). */
export const TEST_REFERENCE_DATA = {
  categories: [
    { code: 'FALSE_INFO_PANIC', name: 'Thông tin sai sự thật gây hoang mang' },
    { code: 'IMPERSONATION_SCAM', name: 'Giả mạo cơ quan để lừa đảo' },
  ],
  localities: [{ code: 'LE_THUY', name: 'Huyện Lệ Thủy' }],
  agencies: [
    { code: 'STTTT', name: 'Sở Thông tin và Truyền thông' },
    { code: 'CA', name: 'Công an tỉnh' },
    { code: 'SYT', name: 'Sở Y tế' },
  ],
};

/**
 * The periodic reports over a fresh reporting schema of the real Postgres: the period service,
 * its documents and deadline scheduler, fed by the real statistics over read models that tests
 * fill with events; the directory's reference data answered in process; the relay recorded.
 */
export interface PeriodTestbed extends ServiceTestbed {
  module: TestingModule;
  get<T>(type: new (...args: never[]) => T): T;
  apply(events: readonly EventEnvelope[]): Promise<void>;
  /** Moves a period's deadlines (reminder and escalation) to the past, so that `runDue` fires them. */
  makeDue(periodId: string, kind: 'REMINDER' | 'ESCALATION'): Promise<void>;
}

export async function createPeriodTestbed(): Promise<PeriodTestbed> {
  const bed = await createServiceTestbed({ service: 'reporting', migrations: REPORTING_MIGRATIONS });
  const services = new InMemoryServices().answer(RpcSubjects.directory.referenceData, () => TEST_REFERENCE_DATA);
  const module = await Test.createTestingModule({
    providers: [
      { provide: DataSource, useValue: bed.dataSource },
      { provide: RpcClient, useValue: services },
      { provide: OutboxRelay, useValue: new RecordingOutboxRelay() },
      { provide: DEADLINE_SETTINGS, useValue: { reminderLeadMs: 48 * 3_600_000, criticalEscalationAgencyCode: 'VP_UBND', pollIntervalMs: 60_000 } },
      { provide: DEADLINE_SCHEDULER_ENABLED, useValue: false },
      { provide: REPORT_LEAD_AGENCY, useValue: 'STTTT' },
      { provide: PERIOD_STATISTICS, useExisting: StatisticsService },
      ReadModelRepository,
      ReadModelProjector,
      StatisticsRepository,
      StatisticsService,
      PeriodRepository,
      PeriodService,
      PeriodDocumentService,
      { provide: HttpAdapterHost, useValue: {} },
      ...documentDownloadProviders(TEST_DOWNLOAD_SETTINGS),
      ReferenceNamesReader,
      PeriodDeadlineScheduler,
    ],
  }).compile();
  const projector = module.get(ReadModelProjector);
  return {
    ...bed,
    module,
    get: (type) => module.get(type),
    async apply(events) {
      for (const event of events) await bed.dataSource.transaction((manager) => projector.handle(event, manager));
    },
    async makeDue(periodId, kind) {
      await bed.dataSource.query(`UPDATE report_period_deadline SET due_at = now() - interval '1 second' WHERE period_id = $1 AND kind = $2`, [periodId, kind]);
    },
    async cleanup() {
      await module.close();
      await bed.cleanup();
    },
  };
}
