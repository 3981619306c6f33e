import type { Provider, Type } from '@nestjs/common';
import { ReferenceNamesReader } from '../document/reference-names.reader';
import { StatisticsService } from '../statistics/statistics.service';
import { PeriodDeadlineScheduler } from './period-deadline.scheduler';
import { PeriodDocumentService } from './period-document.service';
import { PeriodNatsController } from './period.nats-controller';
import { PeriodRepository } from './period.repository';
import { PERIOD_STATISTICS, PeriodService, REPORT_LEAD_AGENCY } from './period.service';

/** The periodic reports' providers (Đ7.3–7.4); the statistics come from StatisticsService through PERIOD_STATISTICS. */
export function periodProviders(config: { reportLeadAgencyCode: string }): Provider[] {
  return [
    { provide: REPORT_LEAD_AGENCY, useValue: config.reportLeadAgencyCode },
    { provide: PERIOD_STATISTICS, useExisting: StatisticsService },
    PeriodRepository,
    PeriodService,
    PeriodDocumentService,
    ReferenceNamesReader,
    PeriodDeadlineScheduler,
  ];
}

export const PERIOD_CONTROLLERS: Type[] = [PeriodNatsController];
