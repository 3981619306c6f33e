import { Module } from '@nestjs/common';
import { EventSubjects } from '@phoi-hop/contracts';
import { eventConsumerProviders } from '@phoi-hop/messaging';
import { DeadlineModule } from '../deadline/deadline.module';
import { DecisionModule } from '../decision/decision.module';
import { RoutingModule } from '../routing/routing.module';
import { AgencyReorganizedHandler } from './agency-reorganized.handler';
import { CaseDataModule } from './case-data.module';
import { CaseMergeService } from './case-merge.service';
import { CaseOpener } from './case-opener';
import { CaseSplitService } from './case-split.service';
import { CaseTransitionService } from './case-transition.service';
import { CaseNatsController } from './case.nats-controller';
import { CaseService } from './case.service';
import { ConsultationEventsHandler } from './consultation-events.handler';
import { WorkQueueRepository } from './work-queue.repository';
import { WorkQueueService } from './work-queue.service';

/**
 * Cases: reading and searching them, their lifecycle, merge and split, the work queue, and how they
 * follow the directory's reorganisations and their consultations (events of other services).
 */
@Module({
  imports: [CaseDataModule, DeadlineModule, DecisionModule, RoutingModule],
  controllers: [CaseNatsController],
  providers: [
    AgencyReorganizedHandler,
    CaseMergeService,
    CaseOpener,
    CaseService,
    CaseSplitService,
    CaseTransitionService,
    ConsultationEventsHandler,
    WorkQueueRepository,
    WorkQueueService,
    ...eventConsumerProviders('intake-agency-reorganized', [EventSubjects.directory.agenciesReorganized], AgencyReorganizedHandler),
    ...eventConsumerProviders(
      'intake-consultation',
      [EventSubjects.consultation.opened, EventSubjects.consultation.opinionEscalated, EventSubjects.consultation.resolved],
      ConsultationEventsHandler,
    ),
  ],
  // A report opens a case as a split does.
  exports: [CaseOpener],
})
export class CaseModule {}
