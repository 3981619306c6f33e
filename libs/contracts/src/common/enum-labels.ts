import { Roles } from './actor';
import { ParticipantRoles, Severities } from './codes';
import { PARTICIPANT_ROLE_LABELS, ROLE_LABELS, SEVERITY_LABELS } from './codes.labels';
import { LANGUAGE_LABELS, Languages, type Label } from './labels';
import { ConsultationModes, ConsultationStatuses, OpinionPositions } from '../consultation/consultation.dto';
import { CONSULTATION_MODE_LABELS, CONSULTATION_STATUS_LABELS, OPINION_POSITION_LABELS } from '../consultation/consultation.labels';
import { Findings, HandlingActionStatuses, HandlingActionTypes, Platforms, RemovalOutcomes } from '../decision/decision.dto';
import {
  FINDING_LABELS,
  HANDLING_ACTION_STATUS_LABELS,
  HANDLING_ACTION_TYPE_LABELS,
  PLATFORM_LABELS,
  REMOVAL_OUTCOME_LABELS,
} from '../decision/decision.labels';
import { AgencyKinds, LocalityKinds, ReferenceKinds, RoutingReasons } from '../directory/directory.dto';
import { AGENCY_KIND_LABELS, LOCALITY_KIND_LABELS, REFERENCE_KIND_LABELS, ROUTING_REASON_LABELS, USER_CHANGE_LABELS } from '../directory/directory.labels';
import { UserChanges } from '../directory/identity.dto';
import {
  CaseAccessReasons,
  CaseActions,
  CaseDeadlineKinds,
  CaseStatuses,
  CaseTransitionCommands,
  ReportChannels,
  SeverityRaiseReasons,
  ViewerAccesses,
} from '../intake/intake.dto';
import {
  CASE_ACCESS_REASON_LABELS,
  CASE_ACTION_LABELS,
  CASE_DEADLINE_KIND_LABELS,
  CASE_STATUS_LABELS,
  CASE_TRANSITION_COMMAND_LABELS,
  REPORT_CHANNEL_LABELS,
  SEVERITY_RAISE_LABELS,
  VIEWER_ACCESS_LABELS,
  WORK_ITEM_KIND_LABELS,
} from '../intake/intake.labels';
import { WorkItemKinds } from '../intake/work-queue.dto';
import {
  EvidenceKinds,
  EvidencePartRoles,
  ImageHashSources,
  IndicatorKinds,
  IndicatorOrigins,
  IntegrityStatuses,
  PoliceOutcomeCategories,
  PoliceReferralStatuses,
  PublicSourceKinds,
  ScreenshotStatuses,
  SourcePlatforms,
  TimestampStatuses,
} from '../evidence/evidence.dto';
import {
  EVIDENCE_KIND_LABELS,
  EVIDENCE_PART_ROLE_LABELS,
  IMAGE_HASH_SOURCE_LABELS,
  INDICATOR_KIND_LABELS,
  INDICATOR_ORIGIN_LABELS,
  INTEGRITY_STATUS_LABELS,
  POLICE_OUTCOME_CATEGORY_LABELS,
  POLICE_REFERRAL_STATUS_LABELS,
  PUBLIC_SOURCE_KIND_LABELS,
  SCREENSHOT_STATUS_LABELS,
  SOURCE_PLATFORM_LABELS,
  TIMESTAMP_STATUS_LABELS,
} from '../evidence/evidence.labels';
import {
  AppealDecisions,
  AppealGrounds,
  AppealParties,
  ComplaintOrigins,
  ComplaintStatuses,
  InadmissibilityReasons,
  PressRuleSets,
  ReplyChannels,
  ReplyRecipientRoles,
  RulingOutcomes,
} from '../press/press.dto';
import {
  APPEAL_DECISION_LABELS,
  APPEAL_GROUND_LABELS,
  APPEAL_PARTY_LABELS,
  COMPLAINT_ORIGIN_LABELS,
  COMPLAINT_STATUS_LABELS,
  INADMISSIBILITY_REASON_LABELS,
  PRESS_RULE_SET_LABELS,
  REPLY_CHANNEL_LABELS,
  REPLY_RECIPIENT_ROLE_LABELS,
  RULING_OUTCOME_LABELS,
} from '../press/press.labels';
import { CorrectionStatuses } from '../press/correction.dto';
import { CORRECTION_STATUS_LABELS } from '../press/correction.labels';
import { ClaimRatings, StatementStatuses } from '../press/statement.dto';
import { CLAIM_RATING_LABELS, STATEMENT_STATUS_LABELS } from '../press/statement.labels';
import { CaseOutcomes, PressEventKinds, StatisticsFilterKinds, TimelinessMeasures } from '../reporting/reporting.dto';
import { CASE_OUTCOME_LABELS, PRESS_EVENT_KIND_LABELS, STATISTICS_FILTER_KIND_LABELS, TIMELINESS_MEASURE_LABELS } from '../reporting/reporting.labels';
import { DigestTermKinds, FeedFormats, FeedHealthStatuses } from '../reporting/digest.dto';
import { DIGEST_TERM_KIND_LABELS, FEED_FORMAT_LABELS, FEED_HEALTH_STATUS_LABELS } from '../reporting/digest.labels';
import { ReportDocumentFormats, ReportPeriodKinds, ReportPeriodStatuses, ReportSectionStatuses } from '../reporting/period.dto';
import {
  REPORT_DOCUMENT_FORMAT_LABELS,
  REPORT_PERIOD_KIND_LABELS,
  REPORT_PERIOD_STATUS_LABELS,
  REPORT_SECTION_STATUS_LABELS,
} from '../reporting/period.labels';
import { DsaAutomatedDecisions, DsaDecisionGrounds, DsaDecisionVisibilities } from '../reporting/transparency.dto';
import { DSA_AUTOMATED_DECISION_LABELS, DSA_DECISION_GROUND_LABELS, DSA_DECISION_VISIBILITY_LABELS } from '../reporting/transparency.labels';
import { DeliveryStatuses, FailedDeliveryFilters, NotificationChannels } from '../notification/notification.dto';
import { DELIVERY_STATUS_LABELS, FAILED_DELIVERY_FILTER_LABELS, NOTIFICATION_CHANNEL_LABELS } from '../notification/notification.labels';

/** A closed set with its values in their order and the label of each. */
export interface LabelledSet<V extends string = string> {
  values: readonly V[];
  labels: { readonly [K in V]: Label };
}

const set = <V extends string>(values: readonly V[], labels: { readonly [K in V]: Label }): LabelledSet<V> => ({ values, labels });

/**
 * Every closed set a client meets, by the name of its GraphQL enum, with the label of each value
 * (the gateway's `enumLabels` query serves it). Labels with `{…}` placeholders are templates
 * filled from the parameters that come with the value (severity factors, routing explanations).
 */
export const ENUM_LABELS = {
  AgencyKind: set(AgencyKinds, AGENCY_KIND_LABELS),
  AppealDecision: set(AppealDecisions, APPEAL_DECISION_LABELS),
  AppealGround: set(AppealGrounds, APPEAL_GROUND_LABELS),
  AppealParty: set(AppealParties, APPEAL_PARTY_LABELS),
  CaseAccessReason: set(CaseAccessReasons, CASE_ACCESS_REASON_LABELS),
  CaseAction: set(CaseActions, CASE_ACTION_LABELS),
  CaseDeadlineKind: set(CaseDeadlineKinds, CASE_DEADLINE_KIND_LABELS),
  CaseOutcome: set(CaseOutcomes, CASE_OUTCOME_LABELS),
  CaseStatus: set(CaseStatuses, CASE_STATUS_LABELS),
  CaseTransitionCommand: set(CaseTransitionCommands, CASE_TRANSITION_COMMAND_LABELS),
  ClaimRating: set(ClaimRatings, CLAIM_RATING_LABELS),
  ComplaintOrigin: set(ComplaintOrigins, COMPLAINT_ORIGIN_LABELS),
  ComplaintStatus: set(ComplaintStatuses, COMPLAINT_STATUS_LABELS),
  ConsultationMode: set(ConsultationModes, CONSULTATION_MODE_LABELS),
  ConsultationStatus: set(ConsultationStatuses, CONSULTATION_STATUS_LABELS),
  CorrectionStatus: set(CorrectionStatuses, CORRECTION_STATUS_LABELS),
  DeliveryStatus: set(DeliveryStatuses, DELIVERY_STATUS_LABELS),
  DsaAutomatedDecision: set(DsaAutomatedDecisions, DSA_AUTOMATED_DECISION_LABELS),
  DsaDecisionGround: set(DsaDecisionGrounds, DSA_DECISION_GROUND_LABELS),
  DsaDecisionVisibility: set(DsaDecisionVisibilities, DSA_DECISION_VISIBILITY_LABELS),
  EvidenceKind: set(EvidenceKinds, EVIDENCE_KIND_LABELS),
  EvidencePartRole: set(EvidencePartRoles, EVIDENCE_PART_ROLE_LABELS),
  FailedDeliveryFilter: set(FailedDeliveryFilters, FAILED_DELIVERY_FILTER_LABELS),
  DigestTermKind: set(DigestTermKinds, DIGEST_TERM_KIND_LABELS),
  FeedFormat: set(FeedFormats, FEED_FORMAT_LABELS),
  FeedHealthStatus: set(FeedHealthStatuses, FEED_HEALTH_STATUS_LABELS),
  Finding: set(Findings, FINDING_LABELS),
  HandlingActionStatus: set(HandlingActionStatuses, HANDLING_ACTION_STATUS_LABELS),
  HandlingActionType: set(HandlingActionTypes, HANDLING_ACTION_TYPE_LABELS),
  ImageHashSource: set(ImageHashSources, IMAGE_HASH_SOURCE_LABELS),
  IndicatorKind: set(IndicatorKinds, INDICATOR_KIND_LABELS),
  IndicatorOrigin: set(IndicatorOrigins, INDICATOR_ORIGIN_LABELS),
  InadmissibilityReason: set(InadmissibilityReasons, INADMISSIBILITY_REASON_LABELS),
  IntegrityStatus: set(IntegrityStatuses, INTEGRITY_STATUS_LABELS),
  Language: set(Languages, LANGUAGE_LABELS),
  LocalityKind: set(LocalityKinds, LOCALITY_KIND_LABELS),
  NotificationChannel: set(NotificationChannels, NOTIFICATION_CHANNEL_LABELS),
  OpinionPosition: set(OpinionPositions, OPINION_POSITION_LABELS),
  ParticipantRole: set(ParticipantRoles, PARTICIPANT_ROLE_LABELS),
  Platform: set(Platforms, PLATFORM_LABELS),
  PoliceOutcomeCategory: set(PoliceOutcomeCategories, POLICE_OUTCOME_CATEGORY_LABELS),
  PoliceReferralStatus: set(PoliceReferralStatuses, POLICE_REFERRAL_STATUS_LABELS),
  PressRuleSet: set(PressRuleSets, PRESS_RULE_SET_LABELS),
  PressEventKind: set(PressEventKinds, PRESS_EVENT_KIND_LABELS),
  PublicSourceKind: set(PublicSourceKinds, PUBLIC_SOURCE_KIND_LABELS),
  ReferenceKind: set(ReferenceKinds, REFERENCE_KIND_LABELS),
  RemovalOutcome: set(RemovalOutcomes, REMOVAL_OUTCOME_LABELS),
  ReplyChannel: set(ReplyChannels, REPLY_CHANNEL_LABELS),
  ReplyRecipientRole: set(ReplyRecipientRoles, REPLY_RECIPIENT_ROLE_LABELS),
  ReportChannel: set(ReportChannels, REPORT_CHANNEL_LABELS),
  ReportDocumentFormat: set(ReportDocumentFormats, REPORT_DOCUMENT_FORMAT_LABELS),
  ReportPeriodKind: set(ReportPeriodKinds, REPORT_PERIOD_KIND_LABELS),
  ReportPeriodStatus: set(ReportPeriodStatuses, REPORT_PERIOD_STATUS_LABELS),
  ReportSectionStatus: set(ReportSectionStatuses, REPORT_SECTION_STATUS_LABELS),
  Role: set(Object.values(Roles), ROLE_LABELS),
  ScreenshotStatus: set(ScreenshotStatuses, SCREENSHOT_STATUS_LABELS),
  RulingOutcome: set(RulingOutcomes, RULING_OUTCOME_LABELS),
  RoutingReason: set(RoutingReasons, ROUTING_REASON_LABELS),
  Severity: set(Severities, SEVERITY_LABELS),
  StatementStatus: set(StatementStatuses, STATEMENT_STATUS_LABELS),
  SeverityRaiseReason: set(SeverityRaiseReasons, SEVERITY_RAISE_LABELS),
  SourcePlatform: set(SourcePlatforms, SOURCE_PLATFORM_LABELS),
  TimestampStatus: set(TimestampStatuses, TIMESTAMP_STATUS_LABELS),
  StatisticsFilterKind: set(StatisticsFilterKinds, STATISTICS_FILTER_KIND_LABELS),
  TimelinessMeasure: set(TimelinessMeasures, TIMELINESS_MEASURE_LABELS),
  UserChange: set(UserChanges, USER_CHANGE_LABELS),
  ViewerAccess: set(ViewerAccesses, VIEWER_ACCESS_LABELS),
  WorkItemKind: set(WorkItemKinds, WORK_ITEM_KIND_LABELS),
} as const satisfies Record<string, LabelledSet>;

export type LabelledEnum = keyof typeof ENUM_LABELS;
