import { Module, type DynamicModule } from '@nestjs/common';
import { RpcSubjects } from '@phoi-hop/contracts';
import { auditTrailController, outboxRelayProviders, serviceInfrastructure } from '@phoi-hop/messaging';
import { deadlineSettingsProviders } from '@phoi-hop/persistence';
import type { ConsultationConfig } from '../config/consultation.config';
import { ConsultationNatsController } from '../consultation/consultation.nats-controller';
import { ConsultationRepository } from '../consultation/consultation.repository';
import { OpinionQueueService } from '../consultation/opinion-queue.service';
import { ConsultationService } from '../consultation/consultation.service';
import { ConsultationDeadlineScheduler } from '../deadline/deadline.scheduler';
import { ConsultationInitial1764300001000 } from '../migrations/1764300001000-consultation-initial';
import { IdempotencyKeys1764300003000 } from '../migrations/1764300003000-idempotency-keys';
import { OpinionVersions1764300003100 } from '../migrations/1764300003100-opinion-versions';

export interface ConsultationModuleDeps {
  pgDriver?: unknown;
}

/** The consultation service's tables, oldest migration first (the outbox, inbox and audit tables come before them). */
export const CONSULTATION_MIGRATIONS = [ConsultationInitial1764300001000, IdempotencyKeys1764300003000, OpinionVersions1764300003100];

@Module({})
export class ConsultationModule {
  static forRoot(config: ConsultationConfig, deps: ConsultationModuleDeps = {}): DynamicModule {
    return {
      module: ConsultationModule,
      imports: serviceInfrastructure(config, {
        entities: [],
        migrations: CONSULTATION_MIGRATIONS,
        pgDriver: deps.pgDriver,
      }),
      controllers: [auditTrailController(RpcSubjects.consultation.auditTrail), ConsultationNatsController],
      providers: [
        ...deadlineSettingsProviders(config),
        ConsultationRepository,
        ConsultationService,
        OpinionQueueService,
        ConsultationDeadlineScheduler,
        ...outboxRelayProviders({ enabled: config.outboxRelayEnabled }),
      ],
    };
  }
}
