import { Module, type DynamicModule } from '@nestjs/common';
import { EventSubjects, RpcSubjects } from '@phoi-hop/contracts';
import { AgencyReorganizedHandler } from '../case/agency-reorganized.handler';
import { ConsultationEventsHandler } from '../case/consultation-events.handler';
import { ConsultationPlans1764300000800 } from '../migrations/1764300000800-consultation-plans';
import { TriageAndDeadlines1764300000900 } from '../migrations/1764300000900-triage-and-deadlines';
import { CaseMerge1764300001000 } from '../migrations/1764300001000-case-merge';
import { ReportSplit1764300001100 } from '../migrations/1764300001100-report-split';
import { RemovalRequests1764300001200 } from '../migrations/1764300001200-removal-requests';
import { CaseStatusHistory1764300001300 } from '../migrations/1764300001300-case-status-history';
import { CaseReferenceVersion1764300001400 } from '../migrations/1764300001400-case-reference-version';
import { ConsultationDeadline1764300001500 } from '../migrations/1764300001500-consultation-deadline';
import { CaseSearch1764300002100 } from '../migrations/1764300002100-case-search';
import { StatusChangeActor1764300002200 } from '../migrations/1764300002200-status-change-actor';
import { CaseMergeService } from '../case/case-merge.service';
import { CaseDeadlineRepository } from '../deadline/case-deadline.repository';
import { CaseDeadlines } from '../deadline/case-deadlines';
import { CaseOpener } from '../case/case-opener';
import { CaseSplitService } from '../case/case-split.service';
import { CaseDeadlineScheduler } from '../deadline/case-deadline.scheduler';
import { ParticipantHistory1764300000500 } from '../migrations/1764300000500-participant-history';
import { Decisions1764300000600 } from '../migrations/1764300000600-decisions';
import { ActionResults1764300000700 } from '../migrations/1764300000700-action-results';
import { HandlingActionService } from '../decision/handling-action.service';
import { CaseDecisionService } from '../decision/case-decision.service';
import { DecisionRepository } from '../decision/decision.repository';
import { DecisionNatsController } from '../decision/decision.nats-controller';
import { auditTrailController, eventConsumerProviders, outboxRelayProviders, serviceInfrastructure } from '@phoi-hop/messaging';
import { deadlineSettingsProviders } from '@phoi-hop/persistence';
import { CaseEntity, CaseParticipantEntity } from '../case/case.entity';
import { CaseNatsController } from '../case/case.nats-controller';
import { CaseRepository, INTAKE_SETTINGS } from '../case/case.repository';
import { CaseTransitionService } from '../case/case-transition.service';
import { CaseService } from '../case/case.service';
import { WorkQueueRepository } from '../case/work-queue.repository';
import { WorkQueueService } from '../case/work-queue.service';
import { intakeSettingsOf, type IntakeConfig } from '../config/intake.config';
import { IntakeInitial1764300000200 } from '../migrations/1764300000200-intake-initial';
import { CaseNumberSequences1764300000300 } from '../migrations/1764300000300-case-number-sequences';
import { ReportBandIndex1764300000400 } from '../migrations/1764300000400-report-band-index';
import { ReportEntity } from '../report/report.entity';
import { ReportNatsController } from '../report/report.nats-controller';
import { ReportBatchWriter } from '../report/report-batch.writer';
import { ReportService } from '../report/report.service';
import { DirectoryRouting } from '../routing/directory-routing';
import { IdempotencyKeys1764300003000 } from '../migrations/1764300003000-idempotency-keys';
import { ReportPageIndex1764300003400 } from '../migrations/1764300003400-report-page-index';

export interface IntakeModuleDeps {
  pgDriver?: unknown;
}

/** Intake's tables, oldest migration first (the outbox, inbox and audit tables come before them). */
export const INTAKE_MIGRATIONS = [
  IntakeInitial1764300000200,
  CaseNumberSequences1764300000300,
  ReportBandIndex1764300000400,
  ParticipantHistory1764300000500,
  Decisions1764300000600,
  ActionResults1764300000700,
  ConsultationPlans1764300000800,
  TriageAndDeadlines1764300000900,
  CaseMerge1764300001000,
  ReportSplit1764300001100,
  RemovalRequests1764300001200,
  CaseStatusHistory1764300001300,
  CaseReferenceVersion1764300001400,
  ConsultationDeadline1764300001500,
  CaseSearch1764300002100,
  StatusChangeActor1764300002200,
  IdempotencyKeys1764300003000,
  ReportPageIndex1764300003400,
];
export const INTAKE_ENTITIES = [CaseEntity, CaseParticipantEntity, ReportEntity];

@Module({})
export class IntakeModule {
  static forRoot(config: IntakeConfig, deps: IntakeModuleDeps = {}): DynamicModule {
    return {
      module: IntakeModule,
      imports: serviceInfrastructure(config, {
        entities: INTAKE_ENTITIES,
        migrations: INTAKE_MIGRATIONS,
        pgDriver: deps.pgDriver,
      }),
      controllers: [auditTrailController(RpcSubjects.intake.auditTrail), CaseNatsController, DecisionNatsController, ReportNatsController],
      providers: [
        { provide: INTAKE_SETTINGS, useValue: intakeSettingsOf(config) },
        ...deadlineSettingsProviders(config),
        CaseDeadlineRepository,
        CaseDeadlines,
        CaseMergeService,
        CaseOpener,
        DirectoryRouting,
        CaseSplitService,
        CaseDeadlineScheduler,
        CaseRepository,
        CaseService,
        WorkQueueService,
        WorkQueueRepository,
        CaseTransitionService,
        CaseDecisionService,
        DecisionRepository,
        HandlingActionService,
        ReportBatchWriter,
        ReportService,
        ...outboxRelayProviders({ enabled: config.outboxRelayEnabled }),
        ...eventConsumerProviders('intake-agency-reorganized', [EventSubjects.directory.agenciesReorganized], AgencyReorganizedHandler),
        ...eventConsumerProviders(
          'intake-consultation',
          [EventSubjects.consultation.opened, EventSubjects.consultation.opinionEscalated, EventSubjects.consultation.resolved],
          ConsultationEventsHandler,
        ),
      ],
    };
  }
}
