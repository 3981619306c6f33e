import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CaseStatuses, ParticipantRoles, Severities } from '@phoi-hop/contracts';

export enum CaseStatusEnum {
  OPEN = 'OPEN',
  TRIAGED = 'TRIAGED',
  IN_CONSULTATION = 'IN_CONSULTATION',
  DECIDED = 'DECIDED',
  ACTING = 'ACTING',
  CLOSED = 'CLOSED',
  DISMISSED = 'DISMISSED',
  MERGED = 'MERGED',
}
export enum SeverityEnum {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  CRITICAL = 'CRITICAL',
}
export enum ParticipantRoleEnum {
  LEAD = 'LEAD',
  PARTICIPANT = 'PARTICIPANT',
  INFORMED = 'INFORMED',
}
registerEnumType(CaseStatusEnum, { name: 'CaseStatus' });
registerEnumType(SeverityEnum, { name: 'Severity' });
registerEnumType(ParticipantRoleEnum, { name: 'ParticipantRole', description: 'LEAD (Đ6.1), PARTICIPANT, INFORMED' });

// The GraphQL enums must list exactly the contract values.
const sameValues = (a: readonly string[], b: object) => a.length === Object.keys(b).length && a.every((v) => v in b);
if (!sameValues(CaseStatuses, CaseStatusEnum) || !sameValues(Severities, SeverityEnum) || !sameValues(ParticipantRoles, ParticipantRoleEnum)) {
  throw new Error('GraphQL enums are out of step with @phoi-hop/contracts');
}

@ObjectType('AgencyContacts')
export class AgencyContactsModel {
  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  address?: string | null;
}

@ObjectType('Agency')
export class AgencyModel {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field()
  kind!: string;

  @Field(() => String, { nullable: true })
  validTo!: string | null;

  @Field(() => String, { nullable: true })
  successorCode!: string | null;

  @Field(() => AgencyContactsModel, { nullable: true, description: 'Work contacts of the agency' })
  contacts?: AgencyContactsModel | null;
}

@ObjectType('Participant')
export class ParticipantModel {
  agencyCode!: string;

  @Field(() => ParticipantRoleEnum)
  role!: ParticipantRoleEnum;

  @Field({ description: 'The articles of the regulation that put the agency on the case, e.g. "Đ6.2"' })
  basis!: string;
}

@ObjectType('ParticipantHistory')
export class ParticipantHistoryModel extends ParticipantModel {
  @Field()
  assignedAt!: string;

  @Field(() => String, { nullable: true, description: 'When the agency stopped being responsible' })
  endedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'The agency that took over (reorganisation)' })
  replacedBy!: string | null;
}

@ObjectType('Report')
export class ReportModel {
  @Field(() => ID)
  id!: string;

  @Field()
  url!: string;

  @Field()
  canonicalUrl!: string;

  @Field()
  excerpt!: string;

  @Field()
  categoryCode!: string;

  @Field(() => String, { nullable: true })
  localityCode!: string | null;

  @Field(() => String, { nullable: true })
  sectorCode!: string | null;

  @Field(() => String, { nullable: true })
  observedAt!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => Float, { nullable: true, description: 'Reach the reporting agency estimated (views, shares, members)' })
  estimatedReach!: number | null;

  @Field()
  reporterAgencyCode!: string;

  @Field()
  submittedAt!: string;
}

@ObjectType('PossibleDuplicate')
export class PossibleDuplicateModel {
  @Field(() => ID)
  caseId!: string;

  @Field()
  number!: string;

  @Field(() => Float)
  similarity!: number;
}

@ObjectType('SeveritySuggestion')
export class SeveritySuggestionModel {
  @Field(() => SeverityEnum)
  severity!: SeverityEnum;

  @Field(() => [String], { description: 'Why it is above the category default' })
  reasons!: string[];
}

@ObjectType('CaseDeadline', { description: 'Triage and decision per the SLA policy, each handling action by its due date (Đ3.2)' })
export class CaseDeadlineModel {
  @Field({ description: 'TRIAGE, DECISION or ACTION' })
  kind!: string;

  @Field(() => ID, { nullable: true })
  actionId!: string | null;

  @Field()
  deadline!: string;

  @Field(() => String, { nullable: true })
  remindedAt!: string | null;

  @Field(() => String, { nullable: true })
  escalatedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Met, or no longer owed' })
  closedAt!: string | null;
}

@ObjectType('Assessment')
export class AssessmentModel {
  @Field()
  isFactualClaim!: boolean;

  @Field(() => String, { nullable: true })
  verifiedFalseBy!: string | null;

  @Field()
  isPublicInterestReporting!: boolean;

  @Field()
  isGenuineGrievance!: boolean;

  @Field()
  proportionality!: string;

  @Field()
  concludesNotProtected!: boolean;
}

@ObjectType('CitedProvision')
export class CitedProvisionModel {
  @Field()
  code!: string;

  @Field()
  citation!: string;
}

@ObjectType('Decision', { description: 'A decision with its statement of reasons (Đ3.2, Đ5)' })
export class DecisionModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'FALSE, MISLEADING, UNLAWFUL, TRUE, OPINION, GRIEVANCE or UNVERIFIABLE' })
  finding!: string;

  @Field(() => [CitedProvisionModel], { description: 'The provisions relied on, as the taxonomy held them then' })
  provisions!: CitedProvisionModel[];

  @Field(() => AssessmentModel, { nullable: true, description: 'The protected-expression assessment' })
  assessment!: AssessmentModel | null;

  @Field()
  statementOfReasons!: string;

  @Field()
  decidedByAgency!: string;

  @Field()
  decidedAt!: string;

  @Field(() => ID, { nullable: true, description: 'The consultation whose agreed plan it follows' })
  consultationId!: string | null;
}

@ObjectType('RemovalRequest', { description: 'A request to a platform to remove content' })
export class RemovalRequestModel {
  @Field({ description: 'FACEBOOK, YOUTUBE, TIKTOK, ZALO, X, INSTAGRAM, TELEGRAM or OTHER' })
  platform!: string;

  @Field()
  url!: string;

  @Field(() => [String], { description: 'Citations of the provisions the request relies on' })
  legalBasis!: string[];

  @Field(() => String, { nullable: true })
  requestReference!: string | null;

  @Field(() => String, { nullable: true })
  sentAt!: string | null;

  @Field(() => String, { nullable: true })
  acknowledgedAt!: string | null;

  @Field(() => String, { nullable: true })
  effectedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'REMOVED, REFUSED or NO_RESPONSE' })
  outcome!: string | null;
}

@ObjectType('CaseHandlingAction', { description: 'A handling action of the case with its result; police referral details are restricted data' })
export class CaseHandlingActionModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  decisionId!: string;

  @Field()
  type!: string;

  @Field()
  assigneeAgencyCode!: string;

  @Field()
  dueDate!: string;

  @Field({ description: 'PLANNED, IN_PROGRESS or DONE' })
  status!: string;

  @Field(() => String, { nullable: true })
  details!: string | null;

  @Field(() => String, { nullable: true })
  result!: string | null;

  @Field(() => [String])
  links!: string[];

  @Field(() => String, { nullable: true })
  doneAt!: string | null;

  @Field({ description: 'Restricted details were withheld from this viewer' })
  withheld!: boolean;

  @Field(() => RemovalRequestModel, { nullable: true, description: 'REQUEST_REMOVAL: the request and how it went' })
  removal!: RemovalRequestModel | null;
}

@ObjectType('CaseStatusChange')
export class CaseStatusChangeModel {
  @Field(() => String, { nullable: true, description: 'Null for the opening' })
  from!: string | null;

  @Field()
  to!: string;

  @Field(() => String, { nullable: true, description: 'Why: dismissal or reopening reason, outcome summary, merge or split' })
  reason!: string | null;

  @Field(() => String, { nullable: true })
  byAgency!: string | null;

  @Field()
  at!: string;
}

@ObjectType('Case')
export class CaseModel {
  @Field(() => ID)
  id!: string;

  @Field()
  number!: string;

  @Field(() => CaseStatusEnum)
  status!: CaseStatusEnum;

  @Field()
  categoryCode!: string;

  @Field(() => SeverityEnum)
  severity!: SeverityEnum;

  @Field(() => String, { nullable: true })
  localityCode!: string | null;

  @Field(() => String, { nullable: true })
  sectorCode!: string | null;

  @Field()
  openedAt!: string;

  @Field()
  reporterAgencyCode!: string;

  @Field(() => [ReportModel], { description: 'The reports of the case, oldest first; in the answer to submitReport, only the latest 50 (reportCount counts them all)' })
  reports!: ReportModel[];

  @Field(() => Int, { description: 'How many reports the case has' })
  reportCount!: number;

  @Field(() => [ParticipantModel])
  participants!: ParticipantModel[];

  @Field(() => [PossibleDuplicateModel], { description: 'Open cases whose text is similar, below the merge threshold' })
  possibleDuplicates!: PossibleDuplicateModel[];

  @Field(() => [ParticipantHistoryModel], { description: 'Every agency that was ever responsible, and when' })
  participantHistory!: ParticipantHistoryModel[];

  @Field(() => SeveritySuggestionModel, { description: 'The severity triage starts from: the category default raised by reach, reports and spread' })
  severitySuggestion!: SeveritySuggestionModel;

  @Field(() => [String], { description: 'Usernames of the officers assigned at triage' })
  assignedOfficers!: string[];

  @Field(() => String, { nullable: true })
  triagedAt!: string | null;

  @Field(() => [CaseDeadlineModel])
  deadlines!: CaseDeadlineModel[];

  @Field(() => ID, { nullable: true, description: 'MERGED: the case it went into' })
  mergedInto!: string | null;

  @Field(() => ID, { nullable: true, description: 'The case its first report was split out of' })
  splitFrom!: string | null;

  @Field(() => Int, { nullable: true, description: 'The version of the reference data and rules it was routed with (0: as seeded)' })
  referenceVersion!: number | null;

  @Field(() => [DecisionModel], { description: 'Every decision, oldest first' })
  decisions!: DecisionModel[];

  @Field(() => [CaseHandlingActionModel], { description: 'The handling actions of every decision' })
  actions!: CaseHandlingActionModel[];

  @Field(() => [CaseStatusChangeModel], { description: 'Every status the case has had, oldest first' })
  statusHistory!: CaseStatusChangeModel[];

  @Field(() => String, { nullable: true, description: 'CLOSED: the outcome summary' })
  outcome!: string | null;
}

@ObjectType('SplitReportPayload')
export class SplitReportPayloadModel {
  @Field(() => CaseModel, { description: 'The case the report left' })
  case!: CaseModel;

  @Field(() => CaseModel, { description: 'The case the report opened' })
  newCase!: CaseModel;
}

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType('CaseEdge')
export class CaseEdgeModel {
  @Field(() => CaseModel)
  node!: CaseModel;

  @Field()
  cursor!: string;
}

@ObjectType('CaseConnection')
export class CaseConnectionModel {
  @Field(() => [CaseEdgeModel])
  edges!: CaseEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;
}

@ObjectType('SubmitReportPayload')
export class SubmitReportPayloadModel {
  @Field(() => ReportModel)
  report!: ReportModel;

  @Field(() => CaseModel, { description: 'The case the report opened or joined, with its latest 50 reports; query case(id) for all of them' })
  case!: CaseModel;

  @Field({ description: 'True when the report joined an open case about the same content' })
  merged!: boolean;
}

@ObjectType('Me')
export class MeModel {
  @Field(() => ID)
  id!: string;

  @Field()
  username!: string;

  @Field()
  displayName!: string;

  @Field(() => [String])
  roles!: string[];

  agencyCode!: string;
}

@ObjectType('CaseEvent')
export class CaseEventModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'e.g. "case.opened", "report.attached"' })
  type!: string;

  @Field()
  occurredAt!: string;

  @Field(() => ID)
  caseId!: string;

  @Field(() => String, { nullable: true })
  caseNumber!: string | null;

  @Field(() => CaseModel, { nullable: true, description: 'The case, for case.opened' })
  case!: CaseModel | null;

  @Field(() => ReportModel, { nullable: true, description: 'The report, for report.attached' })
  report!: ReportModel | null;

  @Field(() => ID, { nullable: true, description: 'The consultation, for consultation events' })
  consultationId?: string | null;
}
