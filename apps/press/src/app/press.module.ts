import { Module, type DynamicModule } from '@nestjs/common';
import { RpcSubjects } from '@phoi-hop/contracts';
import { auditTrailController, outboxRelayProviders, serviceInfrastructure } from '@phoi-hop/messaging';
import { deadlineSettingsProviders } from '@phoi-hop/persistence';
import { PressDirectory } from '../common/press-directory';
import { PRESS_PUBLIC_BASE, pressPublicBase } from '../common/public-base';
import type { PressConfig } from '../config/press.config';
import { CorrectionOverdueScheduler } from '../correction/correction-overdue.scheduler';
import { CorrectionNatsController } from '../correction/correction.nats-controller';
import { CorrectionRepository } from '../correction/correction.repository';
import { CorrectionService } from '../correction/correction.service';
import { PressInitial1764300004400 } from '../migrations/1764300004400-press-initial';
import { PressCorrectionsStatements1764300004500 } from '../migrations/1764300004500-press-corrections-statements';
import { StatementFeedHttpController } from '../statement/statement-feed.http-controller';
import { StatementFeedService } from '../statement/statement-feed.service';
import { StatementNatsController } from '../statement/statement.nats-controller';
import { StatementRepository } from '../statement/statement.repository';
import { StatementService } from '../statement/statement.service';

export interface PressModuleDeps {
  pgDriver?: unknown;
}

/** The press service's tables, oldest migration first (the outbox, inbox and audit tables come before them). */
export const PRESS_MIGRATIONS = [PressInitial1764300004400, PressCorrectionsStatements1764300004500];

@Module({})
export class PressModule {
  static forRoot(config: PressConfig, deps: PressModuleDeps = {}): DynamicModule {
    return {
      module: PressModule,
      imports: serviceInfrastructure(config, {
        entities: [],
        migrations: PRESS_MIGRATIONS,
        pgDriver: deps.pgDriver,
      }),
      controllers: [auditTrailController(RpcSubjects.press.auditTrail), CorrectionNatsController, StatementFeedHttpController, StatementNatsController],
      providers: [
        ...deadlineSettingsProviders(config),
        ...outboxRelayProviders({ enabled: config.outboxRelayEnabled }),
        { provide: PRESS_PUBLIC_BASE, useValue: pressPublicBase(config) },
        CorrectionOverdueScheduler,
        CorrectionRepository,
        CorrectionService,
        PressDirectory,
        StatementFeedService,
        StatementRepository,
        StatementService,
      ],
    };
  }
}
