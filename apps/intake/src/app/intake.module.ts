import { Module, type DynamicModule } from '@nestjs/common';
import { RpcSubjects } from '@phoi-hop/contracts';
import { auditTrailController, serviceInfrastructure } from '@phoi-hop/messaging';
import { CaseDataModule } from '../case/case-data.module';
import { CaseEntity, CaseParticipantEntity } from '../case/case.entity';
import { CaseModule } from '../case/case.module';
import type { IntakeConfig } from '../config/intake.config';
import { DeadlineModule } from '../deadline/deadline.module';
import { DecisionModule } from '../decision/decision.module';
import { IntakeInitial1764300000200 } from '../migrations/1764300000200-intake-initial';
import { CaseNumberSequences1764300000300 } from '../migrations/1764300000300-case-number-sequences';
import { ReportBandIndex1764300000400 } from '../migrations/1764300000400-report-band-index';
import { ParticipantHistory1764300000500 } from '../migrations/1764300000500-participant-history';
import { Decisions1764300000600 } from '../migrations/1764300000600-decisions';
import { ActionResults1764300000700 } from '../migrations/1764300000700-action-results';
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
import { IdempotencyKeys1764300003000 } from '../migrations/1764300003000-idempotency-keys';
import { ReportPageIndex1764300003400 } from '../migrations/1764300003400-report-page-index';
import { ReportChannel1764300005300 } from '../migrations/1764300005300-report-channel';
import { ReportEntity } from '../report/report.entity';
import { ReportModule } from '../report/report.module';
import { RoutingModule } from '../routing/routing.module';
import { IntakeCommonModule } from './intake-common.module';

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
  ReportChannel1764300005300,
];
export const INTAKE_ENTITIES = [CaseEntity, CaseParticipantEntity, ReportEntity];

/**
 * The intake service: one module per feature (cases, reports, decisions, deadlines, routing), each
 * declaring its own providers and controllers, over the service's infrastructure and settings.
 */
@Module({})
export class IntakeModule {
  static forRoot(config: IntakeConfig, deps: IntakeModuleDeps = {}): DynamicModule {
    return {
      module: IntakeModule,
      imports: [
        ...serviceInfrastructure(config, {
          entities: INTAKE_ENTITIES,
          migrations: INTAKE_MIGRATIONS,
          pgDriver: deps.pgDriver,
        }),
        IntakeCommonModule.forRoot(config),
        CaseDataModule,
        CaseModule,
        DeadlineModule,
        DecisionModule,
        ReportModule,
        RoutingModule,
      ],
      controllers: [auditTrailController(RpcSubjects.intake.auditTrail)],
    };
  }
}
