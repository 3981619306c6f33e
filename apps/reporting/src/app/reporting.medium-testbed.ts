import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import type { EventEnvelope } from '@phoi-hop/contracts';
import { createServiceTestbed, type ServiceTestbed } from '@phoi-hop/testing-medium';
import { ReadModelProjector } from '../read-model/read-model.projector';
import { ReadModelRepository } from '../read-model/read-model.repository';
import { StatisticsRepository } from '../statistics/statistics.repository';
import { StatisticsService } from '../statistics/statistics.service';
import { REPORTING_MIGRATIONS } from './reporting.module';

/**
 * The reporting service's read models and statistics over a fresh reporting schema of the real
 * Postgres; events are applied as the consumer applies them (one transaction each), without NATS.
 */
export interface ReportingTestbed extends ServiceTestbed {
  module: TestingModule;
  get<T>(type: new (...args: never[]) => T): T;
  /** Applies events one by one, each in its own transaction, in the order given. */
  apply(events: readonly EventEnvelope[]): Promise<void>;
  /** Empties the read models (as a rebuild does). */
  truncate(): Promise<void>;
}

export async function createReportingTestbed(): Promise<ReportingTestbed> {
  const bed = await createServiceTestbed({ service: 'reporting', migrations: REPORTING_MIGRATIONS });
  const module = await Test.createTestingModule({
    providers: [{ provide: DataSource, useValue: bed.dataSource }, ReadModelRepository, ReadModelProjector, StatisticsRepository, StatisticsService],
  }).compile();
  const projector = module.get(ReadModelProjector);
  return {
    ...bed,
    module,
    get: (type) => module.get(type),
    async apply(events) {
      for (const event of events) await bed.dataSource.transaction((manager) => projector.handle(event, manager));
    },
    async truncate() {
      await bed.dataSource.transaction((manager) => module.get(ReadModelRepository).truncate(manager, 'none'));
    },
  };
}
