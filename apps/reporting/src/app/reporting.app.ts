import type { INestApplication, LoggerService } from '@nestjs/common';
import { startServiceApp } from '@phoi-hop/messaging';
import type { ReportingConfig } from '../config/reporting.config';
import { ReportingModule, type ReportingModuleDeps } from './reporting.module';

/** Starts the reporting service (used by main.ts and by tests that boot services in-process). */
export function createReportingApp(config: ReportingConfig, logger: LoggerService | false, deps: ReportingModuleDeps = {}): Promise<INestApplication> {
  return startServiceApp(ReportingModule.forRoot(config, deps), config, logger);
}

export type { ReportingConfig } from '../config/reporting.config';
export { REPORTING_MIGRATIONS } from './reporting.module';
export { rebuildReadModels, RebuildRefused, type RebuildResult } from '../read-model/read-model.rebuild';
export { READ_MODEL_CONSUMER } from '../read-model/read-model.consumer';
export { StatisticsService } from '../statistics/statistics.service';
export { DigestFeedPoller } from '../digest/digest-feed.poller';
export { reportingTestConfig } from './reporting.test-config';
