import { AuditResolver } from './audit/audit.resolver';
import { CaseEventsResolver } from './case/case-events.resolver';
import { CaseReportsResolver } from './case/case-reports.resolver';
import { CaseWorkflowResolver } from './case/case-workflow.resolver';
import { CaseResolver } from './case/case.resolver';
import { ParticipantHistoryResolver, ParticipantResolver } from './case/participant.resolver';
import { ConsultationPlanResolver } from './consultation/consultation-plan.resolver';
import { ConsultationResolver } from './consultation/consultation.resolver';
import { DecisionResolver } from './decision/decision.resolver';
import { AgencyResolver } from './directory/agency.resolver';
import { ApiKeyResolver } from './directory/api-key.resolver';
import { DirectoryResolver } from './directory/directory.resolver';
import { EvidenceLinksResolver } from './evidence/evidence-links.resolver';
import { EvidenceResolver } from './evidence/evidence.resolver';
import { FocalPointResolver } from './directory/focal-point.resolver';
import { ReferenceResolver } from './directory/reference.resolver';
import { RoutingResolver } from './directory/routing.resolver';
import { UserAdminResolver } from './directory/user-admin.resolver';
import { NotificationResolver } from './notification/notification.resolver';
import { CorrectionResolver } from './press/correction.resolver';
import { PressResolver } from './press/press.resolver';
import { StatementResolver } from './press/statement.resolver';
import {
  CaseAccessAgencyResolver,
  CaseAccessResolver,
  RuleExplanationLabelResolver,
  SeverityFactorLabelResolver,
  SeverityFactorsResolver,
} from './case-access/case-access.resolver';
import {
  ConsultationPersonResolver,
  DecisionPersonResolver,
  PersonResolver,
  ResolutionPersonResolver,
  StatusChangePersonResolver,
} from './people/people.resolver';
import { ReferenceDataResolver } from './reference/reference-data.resolver';
import { DigestResolver } from './reporting/digest.resolver';
import { PeriodResolver } from './reporting/period.resolver';
import { ReportingResolver } from './reporting/reporting.resolver';
import { WorkItemResolver, WorkQueueResolver } from './work-queue/work-queue.resolver';

/** Every resolver of the schema: the gateway module provides them, the SDL is printed from them. */
export const GATEWAY_RESOLVERS = [
  AgencyResolver,
  ApiKeyResolver,
  AuditResolver,
  CaseAccessAgencyResolver,
  CaseAccessResolver,
  CaseEventsResolver,
  CaseReportsResolver,
  CaseResolver,
  CaseWorkflowResolver,
  ConsultationPersonResolver,
  ConsultationPlanResolver,
  ConsultationResolver,
  DecisionPersonResolver,
  DecisionResolver,
  DigestResolver,
  DirectoryResolver,
  EvidenceLinksResolver,
  EvidenceResolver,
  FocalPointResolver,
  NotificationResolver,
  ParticipantHistoryResolver,
  ParticipantResolver,
  PeriodResolver,
  PersonResolver,
  PressResolver,
  StatementResolver,
  CorrectionResolver,
  ReferenceDataResolver,
  ReferenceResolver,
  ReportingResolver,
  ResolutionPersonResolver,
  RoutingResolver,
  RuleExplanationLabelResolver,
  SeverityFactorLabelResolver,
  SeverityFactorsResolver,
  StatusChangePersonResolver,
  UserAdminResolver,
  WorkItemResolver,
  WorkQueueResolver,
];
