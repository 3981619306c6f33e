import { RpcSubjects, Roles, type Actor, type ReportChannel, type Role, type RpcSubject } from '@phoi-hop/contracts';
import { AuthError } from './auth.errors';

/**
 * The one policy table: which roles may call each operation, at the gateway (GraphQL operations)
 * and in the services (RPC subjects), with the class of data it touches. Services enforce it on
 * every NATS request from the actor they verified themselves; an operation with no entry is refused.
 */
export type DataClass = 'reference' | 'self' | 'case' | 'restricted' | 'aggregate' | 'audit';

export interface PolicyEntry {
  roles: readonly Role[];
  dataClass: DataClass;
  /**
   * GraphQL operations open to API_CLIENT: every RPC subject the operation causes, directly or
   * through the service it calls. An API key scoped to the operation may call exactly these.
   */
  subjects?: readonly RpcSubject[];
  /** RPC subjects only: platform services (not people) that may call it, e.g. the gateway. */
  services?: readonly string[];
}

const ALL_ROLES: readonly Role[] = Object.values(Roles);
/** Agencies that report content (Đ4.1, Đ7.1), including machine clients such as a monitoring feed. */
const REPORTERS: readonly Role[] = [Roles.COORDINATOR, Roles.OFFICER, Roles.INVESTIGATOR, Roles.ETHICS_OFFICER, Roles.API_CLIENT];
/** Who works on cases; which cases each sees is then decided by maySeeCase. */
const CASE_READERS: readonly Role[] = [Roles.COORDINATOR, Roles.OFFICER, Roles.INVESTIGATOR, Roles.ETHICS_OFFICER, Roles.LEADER];
const AUDIT_READERS: readonly Role[] = [Roles.AUDITOR, Roles.ADMIN];
/** The lead agency's coordinators steer the case workflow (Đ4.2, Đ6.1). */
const COORDINATORS: readonly Role[] = [Roles.COORDINATOR];
/** People of the agencies (machine clients excluded): who may read focal points' work contacts. */
const PEOPLE: readonly Role[] = ALL_ROLES.filter((role) => role !== Roles.API_CLIENT);
const DIRECTORY_EDITORS: readonly Role[] = [Roles.ADMIN, Roles.COORDINATOR];
/** Agencies that carry out handling actions; the service also checks the action is their agency's. */
const ACTION_TAKERS: readonly Role[] = [Roles.COORDINATOR, Roles.OFFICER, Roles.INVESTIGATOR, Roles.ETHICS_OFFICER];
const ROUTING_EXPLAINERS: readonly Role[] = [Roles.COORDINATOR, Roles.ADMIN, Roles.LEADER, Roles.AUDITOR];
const ADMINS: readonly Role[] = [Roles.ADMIN];
/** Platform services that verify callers' own tokens and ask the directory whom they name. */
const IDENTITY_RESOLVERS: readonly string[] = ['gateway', 'intake', 'consultation', 'notification'];
/** Who manages an agency's notification subscriptions; the service also checks it is their own agency (ADMIN: any). */
const NOTIFICATION_MANAGERS: readonly Role[] = [Roles.ADMIN, Roles.COORDINATOR, Roles.OFFICER, Roles.INVESTIGATOR, Roles.ETHICS_OFFICER];
/** Đ6.2: who keeps evidence in custody (legal holds, signed packages) and reads police referrals. */
const EVIDENCE_CUSTODIANS: readonly Role[] = [Roles.COORDINATOR, Roles.INVESTIGATOR];
/** The police report on a referral: its reference number, status and outcome. */
const POLICE: readonly Role[] = [Roles.INVESTIGATOR];
/** Đ6.3: the press association's ethics board rules on complaints and hears appeals. */
const ETHICS_BOARD: readonly Role[] = [Roles.ETHICS_OFFICER];
/** Đ7.3–7.4: aggregate figures for the province's leaders, the lead agency's coordinators and auditors. */
const STATISTICS_READERS: readonly Role[] = [Roles.LEADER, Roles.COORDINATOR, Roles.AUDITOR];
/** Đ6.1: the daily press review is read by the province's leaders and the lead agency's coordinators. */
const DIGEST_READERS: readonly Role[] = [Roles.LEADER, Roles.COORDINATOR];
/** Đ7.3: the agencies write their periodic report sections; the statistics' readers read them all. */
const REPORT_PERIOD_READERS: readonly Role[] = [...new Set([...STATISTICS_READERS, ...ACTION_TAKERS])];

export const GRAPHQL_POLICY = {
  submitReport: {
    roles: REPORTERS,
    dataClass: 'case',
    // The answer shows the case reported, with its reports when selected (read by the page).
    subjects: [
      RpcSubjects.intake.reportSubmit,
      RpcSubjects.intake.caseReports,
      RpcSubjects.intake.caseReportStats,
      RpcSubjects.directory.caseRoute,
      RpcSubjects.directory.routingSnapshot,
      RpcSubjects.directory.agencyList,
      RpcSubjects.directory.agencyGetMany,
    ],
  },
  case: { roles: CASE_READERS, dataClass: 'case' },
  cases: { roles: CASE_READERS, dataClass: 'case' },
  // The viewer's agency's work: actions assigned to it, opinions it owes, and (coordinators) cases to triage and decide.
  workQueue: { roles: ACTION_TAKERS, dataClass: 'case' },
  caseEvents: { roles: CASE_READERS, dataClass: 'case' },
  agencies: { roles: ALL_ROLES, dataClass: 'reference', subjects: [RpcSubjects.directory.agencyList] },
  // An API client's `me` is answered by the gateway from its key; only its agency is looked up.
  me: { roles: ALL_ROLES, dataClass: 'self', subjects: [RpcSubjects.directory.agencyList] },
  auditTrail: { roles: AUDIT_READERS, dataClass: 'audit' },
  triageCase: { roles: COORDINATORS, dataClass: 'case' },
  dismissCase: { roles: COORDINATORS, dataClass: 'case' },
  reopenCase: { roles: COORDINATORS, dataClass: 'case' },
  decideCase: { roles: COORDINATORS, dataClass: 'case' },
  closeCase: { roles: COORDINATORS, dataClass: 'case' },
  mergeCases: { roles: COORDINATORS, dataClass: 'case' },
  rejectDuplicate: { roles: COORDINATORS, dataClass: 'case' },
  splitReport: { roles: COORDINATORS, dataClass: 'case' },
  updateHandlingAction: { roles: ACTION_TAKERS, dataClass: 'case' },
  updateRemovalRequest: { roles: ACTION_TAKERS, dataClass: 'case' },
  explainRouting: { roles: ROUTING_EXPLAINERS, dataClass: 'reference' },
  reorganizeAgencies: { roles: [Roles.ADMIN], dataClass: 'reference' },
  editReference: { roles: [Roles.ADMIN], dataClass: 'reference' },
  referenceHistory: { roles: ROUTING_EXPLAINERS, dataClass: 'reference' },
  // What a front end (or a monitoring feed choosing a category) shows and submits with: public reference data.
  referenceData: { roles: ALL_ROLES, dataClass: 'reference', subjects: [RpcSubjects.directory.referenceData] },
  // Labels of the closed sets, answered by the gateway itself.
  enumLabels: { roles: ALL_ROLES, dataClass: 'reference', subjects: [] },
  focalPoints: { roles: PEOPLE, dataClass: 'reference' },
  setFocalPoint: { roles: DIRECTORY_EDITORS, dataClass: 'reference' },
  consultation: { roles: CASE_READERS, dataClass: 'case' },
  consultations: { roles: CASE_READERS, dataClass: 'case' },
  openConsultation: { roles: COORDINATORS, dataClass: 'case' },
  submitOpinion: { roles: ACTION_TAKERS, dataClass: 'case' },
  recordMeeting: { roles: COORDINATORS, dataClass: 'case' },
  resolveConsultation: { roles: COORDINATORS, dataClass: 'case' },
  notificationSubscriptions: { roles: NOTIFICATION_MANAGERS, dataClass: 'reference' },
  createNotificationSubscription: { roles: NOTIFICATION_MANAGERS, dataClass: 'reference' },
  revokeNotificationSubscription: { roles: NOTIFICATION_MANAGERS, dataClass: 'reference' },
  failedDeliveries: { roles: NOTIFICATION_MANAGERS, dataClass: 'reference' },
  replayDelivery: { roles: NOTIFICATION_MANAGERS, dataClass: 'reference' },
  users: { roles: ADMINS, dataClass: 'restricted' },
  createUser: { roles: ADMINS, dataClass: 'restricted' },
  updateUser: { roles: ADMINS, dataClass: 'restricted' },
  disableUser: { roles: ADMINS, dataClass: 'restricted' },
  enableUser: { roles: ADMINS, dataClass: 'restricted' },
  apiKeys: { roles: ADMINS, dataClass: 'restricted' },
  createApiKey: { roles: ADMINS, dataClass: 'restricted' },
  revokeApiKey: { roles: ADMINS, dataClass: 'restricted' },
  // Evidence (Đ6.2): participants see that items exist; content is for mayReadEvidenceContent, each read audited.
  evidenceItems: { roles: CASE_READERS, dataClass: 'case' },
  evidenceItem: { roles: CASE_READERS, dataClass: 'case' },
  evidenceContent: { roles: CASE_READERS, dataClass: 'restricted' },
  evidencePackages: { roles: CASE_READERS, dataClass: 'case' },
  policeReferrals: { roles: EVIDENCE_CUSTODIANS, dataClass: 'restricted' },
  publicSources: { roles: CASE_READERS, dataClass: 'case' },
  editPublicSource: { roles: COORDINATORS, dataClass: 'case' },
  addTextExcerpt: { roles: ACTION_TAKERS, dataClass: 'case' },
  // Đ6.1 daily media digest: the lead agency's coordinators configure the feeds and keywords; leaders read it.
  digestFeeds: { roles: COORDINATORS, dataClass: 'reference' },
  addDigestFeed: { roles: COORDINATORS, dataClass: 'reference' },
  updateDigestFeed: { roles: COORDINATORS, dataClass: 'reference' },
  disableDigestFeed: { roles: COORDINATORS, dataClass: 'reference' },
  digestKeywords: { roles: DIGEST_READERS, dataClass: 'reference' },
  setDigestKeywords: { roles: COORDINATORS, dataClass: 'reference' },
  dailyDigest: { roles: DIGEST_READERS, dataClass: 'reference' },
  dailyDigestDocument: { roles: DIGEST_READERS, dataClass: 'reference' },
  reportDigestItem: { roles: COORDINATORS, dataClass: 'case' },
  requestEvidenceUpload: { roles: ACTION_TAKERS, dataClass: 'case' },
  captureWebPage: { roles: ACTION_TAKERS, dataClass: 'case' },
  placeLegalHold: { roles: EVIDENCE_CUSTODIANS, dataClass: 'case' },
  releaseLegalHold: { roles: EVIDENCE_CUSTODIANS, dataClass: 'case' },
  exportEvidencePackage: { roles: EVIDENCE_CUSTODIANS, dataClass: 'restricted' },
  requestPoliceReferral: { roles: COORDINATORS, dataClass: 'restricted' },
  updatePoliceReferral: { roles: POLICE, dataClass: 'restricted' },
  handOverEvidencePackage: { roles: COORDINATORS, dataClass: 'restricted' },
  // The same picture in other cases the viewer may see (perceptual hashes).
  similarEvidence: { roles: CASE_READERS, dataClass: 'case' },
  caseSimilarEvidence: { roles: CASE_READERS, dataClass: 'case' },
  // Indicators printed in the content (domains, phone numbers, accounts): restricted like the content itself, every read audited.
  contentIndicators: { roles: CASE_READERS, dataClass: 'restricted' },
  addContentIndicator: { roles: ACTION_TAKERS, dataClass: 'restricted' },
  removeContentIndicator: { roles: ACTION_TAKERS, dataClass: 'restricted' },
  // Press ethics (Đ6.3): complaints, the right of reply, rulings and appeals; the service checks the agency too.
  pressComplaint: { roles: CASE_READERS, dataClass: 'case' },
  pressComplaints: { roles: CASE_READERS, dataClass: 'case' },
  pressComplaintRespondent: { roles: ETHICS_BOARD, dataClass: 'restricted' },
  filePressComplaint: { roles: ACTION_TAKERS, dataClass: 'case' },
  completePressComplaint: { roles: ACTION_TAKERS, dataClass: 'case' },
  replyToPressComplaint: { roles: ACTION_TAKERS, dataClass: 'case' },
  requestPressReplyUpload: { roles: ACTION_TAKERS, dataClass: 'case' },
  // Whoever reads the complaint's replies may download their files; the service checks the agency again.
  pressReplyAttachmentDownload: { roles: CASE_READERS, dataClass: 'case' },
  issuePressRuling: { roles: ETHICS_BOARD, dataClass: 'case' },
  reissuePressReplyLink: { roles: ETHICS_BOARD, dataClass: 'case' },
  lodgePressAppeal: { roles: ACTION_TAKERS, dataClass: 'case' },
  decidePressAppeal: { roles: ETHICS_BOARD, dataClass: 'case' },
  // Corrections (Press Law Art. 42): the service also checks the requester takes part in the case and the answer is the outlet's.
  correctionRequest: { roles: CASE_READERS, dataClass: 'case' },
  correctionRequests: { roles: CASE_READERS, dataClass: 'case' },
  requestCorrection: { roles: ACTION_TAKERS, dataClass: 'case' },
  publishCorrection: { roles: ACTION_TAKERS, dataClass: 'case' },
  refuseCorrection: { roles: ACTION_TAKERS, dataClass: 'case' },
  // Statements (Đ6.6–6.7): published ones are public (also in the Atom feed); drafts are their agency's.
  pressStatement: { roles: PEOPLE, dataClass: 'case' },
  pressStatements: { roles: PEOPLE, dataClass: 'case' },
  draftPressStatement: { roles: ACTION_TAKERS, dataClass: 'case' },
  updatePressStatementDraft: { roles: ACTION_TAKERS, dataClass: 'case' },
  publishPressStatement: { roles: ACTION_TAKERS, dataClass: 'case' },
  correctPressStatement: { roles: ACTION_TAKERS, dataClass: 'case' },
  withdrawPressStatement: { roles: ACTION_TAKERS, dataClass: 'case' },
  // Counts and durations over many cases: no case, person or text in the answer.
  statistics: { roles: STATISTICS_READERS, dataClass: 'aggregate' },
  // Đ7.3–7.4: periodic reports; the service shows an agency its own section only.
  reportPeriods: { roles: REPORT_PERIOD_READERS, dataClass: 'aggregate' },
  reportPeriod: { roles: REPORT_PERIOD_READERS, dataClass: 'aggregate' },
  openReportPeriod: { roles: COORDINATORS, dataClass: 'aggregate' },
  saveReportSection: { roles: ACTION_TAKERS, dataClass: 'aggregate' },
  closeReportPeriod: { roles: COORDINATORS, dataClass: 'aggregate' },
  reportPeriodDocument: { roles: STATISTICS_READERS, dataClass: 'aggregate' },
  // A case's dossier: each service leaves out what the reader may not see (restricted parts).
  caseDossier: { roles: CASE_READERS, dataClass: 'case' },
  statementsOfReasons: { roles: CASE_READERS, dataClass: 'case' },
  // Public: counts under 5 are suppressed, no case can be singled out.
  transparencyReport: { roles: ALL_ROLES, dataClass: 'aggregate', subjects: [RpcSubjects.reporting.transparencyReport] },
} as const satisfies Record<string, PolicyEntry>;

export type GraphQLOperation = keyof typeof GRAPHQL_POLICY;

export const RPC_POLICY: Record<RpcSubject, PolicyEntry> = {
  [RpcSubjects.directory.caseRoute]: { roles: REPORTERS, dataClass: 'reference' },
  [RpcSubjects.directory.routingExplain]: { roles: ROUTING_EXPLAINERS, dataClass: 'reference' },
  // What a service that routes reports itself reads, on the reporter's behalf: the rules and reference data in force today.
  [RpcSubjects.directory.routingSnapshot]: { roles: REPORTERS, dataClass: 'reference' },
  [RpcSubjects.directory.agencyList]: { roles: ALL_ROLES, dataClass: 'reference' },
  [RpcSubjects.directory.agencyGetMany]: { roles: ALL_ROLES, dataClass: 'reference' },
  [RpcSubjects.directory.userGet]: { roles: ALL_ROLES, dataClass: 'self' },
  // Names and agencies of the people on the cases a person works on (who opened, decided, changed).
  [RpcSubjects.directory.userNames]: { roles: PEOPLE, dataClass: 'reference' },
  [RpcSubjects.directory.userResolve]: { roles: [...COORDINATORS, Roles.ADMIN], dataClass: 'reference' },
  [RpcSubjects.directory.auditTrail]: { roles: AUDIT_READERS, dataClass: 'audit' },
  [RpcSubjects.directory.agencyReorganize]: { roles: [Roles.ADMIN], dataClass: 'reference' },
  [RpcSubjects.directory.referenceEdit]: { roles: [Roles.ADMIN], dataClass: 'reference' },
  [RpcSubjects.directory.referenceHistory]: { roles: ROUTING_EXPLAINERS, dataClass: 'reference' },
  // The reporting service's feed poller asks, as itself, for the localities' names it matches news against.
  [RpcSubjects.directory.referenceData]: { roles: ALL_ROLES, services: ['reporting'], dataClass: 'reference' },
  [RpcSubjects.directory.focalPointList]: { roles: PEOPLE, dataClass: 'reference' },
  [RpcSubjects.directory.focalPointSet]: { roles: DIRECTORY_EDITORS, dataClass: 'reference' },
  [RpcSubjects.directory.provisionResolve]: { roles: PEOPLE, dataClass: 'reference' },
  [RpcSubjects.directory.userList]: { roles: ADMINS, dataClass: 'restricted' },
  [RpcSubjects.directory.userCreate]: { roles: ADMINS, dataClass: 'restricted' },
  [RpcSubjects.directory.userUpdate]: { roles: ADMINS, dataClass: 'restricted' },
  [RpcSubjects.directory.userDisable]: { roles: ADMINS, dataClass: 'restricted' },
  [RpcSubjects.directory.userEnable]: { roles: ADMINS, dataClass: 'restricted' },
  // Only platform services, as themselves, ask who an (issuer, subject) is: no caller's token travels for it.
  [RpcSubjects.directory.actorResolve]: { roles: [], services: IDENTITY_RESOLVERS, dataClass: 'restricted' },
  [RpcSubjects.directory.apiKeyCreate]: { roles: ADMINS, dataClass: 'restricted' },
  [RpcSubjects.directory.apiKeyList]: { roles: ADMINS, dataClass: 'restricted' },
  [RpcSubjects.directory.apiKeyRevoke]: { roles: ADMINS, dataClass: 'restricted' },
  // Only the gateway verifies API keys, as itself (see InternalTokenIssuer, `service`).
  [RpcSubjects.directory.apiKeyVerify]: { roles: [], services: ['gateway'], dataClass: 'restricted' },
  [RpcSubjects.intake.reportSubmit]: { roles: REPORTERS, dataClass: 'case' },
  [RpcSubjects.intake.caseGet]: { roles: CASE_READERS, dataClass: 'case' },
  [RpcSubjects.intake.caseList]: { roles: CASE_READERS, dataClass: 'case' },
  // Reporters too: the answer to submitReport shows the case's reports (only of cases the caller may see).
  [RpcSubjects.intake.caseReports]: { roles: [...new Set([...CASE_READERS, ...REPORTERS])], dataClass: 'case' },
  [RpcSubjects.intake.caseReportStats]: { roles: [...new Set([...CASE_READERS, ...REPORTERS])], dataClass: 'case' },
  [RpcSubjects.intake.caseQueue]: { roles: ACTION_TAKERS, dataClass: 'case' },
  [RpcSubjects.intake.caseTransition]: { roles: COORDINATORS, dataClass: 'case' },
  [RpcSubjects.intake.caseDecide]: { roles: COORDINATORS, dataClass: 'case' },
  [RpcSubjects.intake.caseMerge]: { roles: COORDINATORS, dataClass: 'case' },
  [RpcSubjects.intake.duplicateReject]: { roles: COORDINATORS, dataClass: 'case' },
  [RpcSubjects.intake.caseSplit]: { roles: COORDINATORS, dataClass: 'case' },
  [RpcSubjects.intake.actionUpdate]: { roles: ACTION_TAKERS, dataClass: 'case' },
  [RpcSubjects.intake.removalUpdate]: { roles: ACTION_TAKERS, dataClass: 'case' },
  [RpcSubjects.intake.auditTrail]: { roles: AUDIT_READERS, dataClass: 'audit' },
  [RpcSubjects.consultation.open]: { roles: COORDINATORS, dataClass: 'case' },
  [RpcSubjects.consultation.get]: { roles: CASE_READERS, dataClass: 'case' },
  [RpcSubjects.consultation.list]: { roles: CASE_READERS, dataClass: 'case' },
  [RpcSubjects.consultation.resolve]: { roles: COORDINATORS, dataClass: 'case' },
  [RpcSubjects.consultation.opinionSubmit]: { roles: ACTION_TAKERS, dataClass: 'case' },
  [RpcSubjects.consultation.opinionQueue]: { roles: ACTION_TAKERS, dataClass: 'case' },
  [RpcSubjects.consultation.meetingRecord]: { roles: COORDINATORS, dataClass: 'case' },
  [RpcSubjects.consultation.auditTrail]: { roles: AUDIT_READERS, dataClass: 'audit' },
  [RpcSubjects.notification.subscriptionCreate]: { roles: NOTIFICATION_MANAGERS, dataClass: 'reference' },
  [RpcSubjects.notification.subscriptionList]: { roles: NOTIFICATION_MANAGERS, dataClass: 'reference' },
  [RpcSubjects.notification.subscriptionRevoke]: { roles: NOTIFICATION_MANAGERS, dataClass: 'reference' },
  [RpcSubjects.notification.deliveryList]: { roles: NOTIFICATION_MANAGERS, dataClass: 'reference' },
  [RpcSubjects.notification.deliveryReplay]: { roles: NOTIFICATION_MANAGERS, dataClass: 'reference' },
  [RpcSubjects.notification.auditTrail]: { roles: AUDIT_READERS, dataClass: 'audit' },
  [RpcSubjects.evidence.itemList]: { roles: CASE_READERS, dataClass: 'case' },
  [RpcSubjects.evidence.itemGet]: { roles: CASE_READERS, dataClass: 'case' },
  [RpcSubjects.evidence.itemContent]: { roles: CASE_READERS, dataClass: 'restricted' },
  [RpcSubjects.evidence.excerptAdd]: { roles: ACTION_TAKERS, dataClass: 'case' },
  [RpcSubjects.evidence.uploadRequest]: { roles: ACTION_TAKERS, dataClass: 'case' },
  [RpcSubjects.evidence.captureRequest]: { roles: ACTION_TAKERS, dataClass: 'case' },
  [RpcSubjects.evidence.holdPlace]: { roles: EVIDENCE_CUSTODIANS, dataClass: 'case' },
  [RpcSubjects.evidence.holdRelease]: { roles: EVIDENCE_CUSTODIANS, dataClass: 'case' },
  [RpcSubjects.evidence.packageExport]: { roles: EVIDENCE_CUSTODIANS, dataClass: 'restricted' },
  [RpcSubjects.evidence.packageList]: { roles: CASE_READERS, dataClass: 'case' },
  [RpcSubjects.evidence.referralRequest]: { roles: COORDINATORS, dataClass: 'restricted' },
  [RpcSubjects.evidence.referralUpdate]: { roles: POLICE, dataClass: 'restricted' },
  [RpcSubjects.evidence.referralHandOver]: { roles: COORDINATORS, dataClass: 'restricted' },
  [RpcSubjects.evidence.referralList]: { roles: EVIDENCE_CUSTODIANS, dataClass: 'restricted' },
  [RpcSubjects.evidence.sourceList]: { roles: CASE_READERS, dataClass: 'case' },
  [RpcSubjects.evidence.sourceEdit]: { roles: COORDINATORS, dataClass: 'case' },
  [RpcSubjects.evidence.auditTrail]: { roles: AUDIT_READERS, dataClass: 'audit' },
  [RpcSubjects.evidence.itemSimilar]: { roles: CASE_READERS, dataClass: 'case' },
  [RpcSubjects.evidence.caseSimilar]: { roles: CASE_READERS, dataClass: 'case' },
  [RpcSubjects.evidence.indicatorList]: { roles: CASE_READERS, dataClass: 'restricted' },
  [RpcSubjects.evidence.indicatorAdd]: { roles: ACTION_TAKERS, dataClass: 'restricted' },
  [RpcSubjects.evidence.indicatorRemove]: { roles: ACTION_TAKERS, dataClass: 'restricted' },
  // Press ethics (Đ6.3): the service also checks the agency (complainant, outlet, press association).
  // Only the press service, as itself: the notices of the right of reply go to journalists' work addresses.
  [RpcSubjects.notification.emailSend]: { roles: [], services: ['press'], dataClass: 'restricted' },
  [RpcSubjects.press.complaintFile]: { roles: ACTION_TAKERS, dataClass: 'case' },
  [RpcSubjects.press.complaintComplete]: { roles: ACTION_TAKERS, dataClass: 'case' },
  [RpcSubjects.press.complaintGet]: { roles: CASE_READERS, dataClass: 'case' },
  [RpcSubjects.press.complaintList]: { roles: CASE_READERS, dataClass: 'case' },
  [RpcSubjects.press.replySubmit]: { roles: ACTION_TAKERS, dataClass: 'case' },
  [RpcSubjects.press.replyRequestUpload]: { roles: ACTION_TAKERS, dataClass: 'case' },
  [RpcSubjects.press.replyAttachmentDownload]: { roles: CASE_READERS, dataClass: 'case' },
  [RpcSubjects.press.rulingIssue]: { roles: ETHICS_BOARD, dataClass: 'case' },
  [RpcSubjects.press.replyLinkReissue]: { roles: ETHICS_BOARD, dataClass: 'case' },
  [RpcSubjects.press.appealLodge]: { roles: ACTION_TAKERS, dataClass: 'case' },
  [RpcSubjects.press.appealDecide]: { roles: ETHICS_BOARD, dataClass: 'case' },
  [RpcSubjects.press.respondentGet]: { roles: ETHICS_BOARD, dataClass: 'restricted' },
  [RpcSubjects.press.auditTrail]: { roles: AUDIT_READERS, dataClass: 'audit' },
  [RpcSubjects.press.correctionRequest]: { roles: ACTION_TAKERS, dataClass: 'case' },
  [RpcSubjects.press.correctionPublish]: { roles: ACTION_TAKERS, dataClass: 'case' },
  [RpcSubjects.press.correctionRefuse]: { roles: ACTION_TAKERS, dataClass: 'case' },
  [RpcSubjects.press.correctionGet]: { roles: CASE_READERS, dataClass: 'case' },
  [RpcSubjects.press.correctionList]: { roles: CASE_READERS, dataClass: 'case' },
  [RpcSubjects.press.statementDraft]: { roles: ACTION_TAKERS, dataClass: 'case' },
  [RpcSubjects.press.statementUpdateDraft]: { roles: ACTION_TAKERS, dataClass: 'case' },
  [RpcSubjects.press.statementPublish]: { roles: ACTION_TAKERS, dataClass: 'case' },
  [RpcSubjects.press.statementCorrect]: { roles: ACTION_TAKERS, dataClass: 'case' },
  [RpcSubjects.press.statementWithdraw]: { roles: ACTION_TAKERS, dataClass: 'case' },
  [RpcSubjects.press.statementGet]: { roles: PEOPLE, dataClass: 'case' },
  [RpcSubjects.press.statementList]: { roles: PEOPLE, dataClass: 'case' },
  [RpcSubjects.reporting.statisticsPeriod]: { roles: STATISTICS_READERS, dataClass: 'aggregate' },
  [RpcSubjects.reporting.auditTrail]: { roles: AUDIT_READERS, dataClass: 'audit' },
  [RpcSubjects.reporting.digestFeedList]: { roles: COORDINATORS, dataClass: 'reference' },
  [RpcSubjects.reporting.digestFeedAdd]: { roles: COORDINATORS, dataClass: 'reference' },
  [RpcSubjects.reporting.digestFeedUpdate]: { roles: COORDINATORS, dataClass: 'reference' },
  [RpcSubjects.reporting.digestFeedDisable]: { roles: COORDINATORS, dataClass: 'reference' },
  [RpcSubjects.reporting.digestKeywordsGet]: { roles: DIGEST_READERS, dataClass: 'reference' },
  [RpcSubjects.reporting.digestKeywordsSet]: { roles: COORDINATORS, dataClass: 'reference' },
  [RpcSubjects.reporting.digestDay]: { roles: DIGEST_READERS, dataClass: 'reference' },
  [RpcSubjects.reporting.digestDocumentLink]: { roles: DIGEST_READERS, dataClass: 'reference' },
  [RpcSubjects.reporting.digestItemReport]: { roles: COORDINATORS, dataClass: 'case' },
  [RpcSubjects.reporting.periodOpen]: { roles: COORDINATORS, dataClass: 'aggregate' },
  [RpcSubjects.reporting.periodGet]: { roles: REPORT_PERIOD_READERS, dataClass: 'aggregate' },
  [RpcSubjects.reporting.periodList]: { roles: REPORT_PERIOD_READERS, dataClass: 'aggregate' },
  [RpcSubjects.reporting.periodClose]: { roles: COORDINATORS, dataClass: 'aggregate' },
  [RpcSubjects.reporting.periodDocument]: { roles: STATISTICS_READERS, dataClass: 'aggregate' },
  [RpcSubjects.reporting.sectionSave]: { roles: ACTION_TAKERS, dataClass: 'aggregate' },
  [RpcSubjects.reporting.dossierDocument]: { roles: CASE_READERS, dataClass: 'case' },
  [RpcSubjects.reporting.statementOfReasons]: { roles: CASE_READERS, dataClass: 'case' },
  [RpcSubjects.reporting.transparencyReport]: { roles: ALL_ROLES, dataClass: 'aggregate' },
};

/**
 * Restricted data and the named roles that may read it (each read is audited): police referral
 * details for the lead agency's coordinators and police investigators.
 */
export const RESTRICTED_DATA_READERS = {
  policeReferral: [Roles.COORDINATOR, Roles.INVESTIGATOR],
  // Đ6.2: evidence content (captured pages, files, excerpts); the capturing agency sees its own too.
  evidenceContent: [Roles.COORDINATOR, Roles.INVESTIGATOR],
  // Đ6.3: the name and work contact of the journalist a complaint is about.
  pressRespondent: [Roles.ETHICS_OFFICER],
} as const satisfies Record<string, readonly Role[]>;

export function mayReadRestricted(actor: Actor, kind: keyof typeof RESTRICTED_DATA_READERS): boolean {
  return actor.roles.some((role) => (RESTRICTED_DATA_READERS[kind] as readonly Role[]).includes(role));
}

/**
 * Who may read an evidence item's content (its bytes, text and source address): the agency that
 * captured or uploaded it, coordinators and police investigators. Other participants of the case
 * only see that the item exists.
 */
export function mayReadEvidenceContent(actor: Actor, capturedByAgency: string): boolean {
  return actor.agencyCode === capturedByAgency || mayReadRestricted(actor, 'evidenceContent');
}

/**
 * Who may say a report came by a channel: any reporter its own agency's detection or a tip it took
 * in; the lead agency's channels (its press review and monitoring, the Ministry's systems, Đ6.1)
 * only its coordinators, the one role the directory gives the lead agency alone. An API client
 * cannot claim them: its role does not say whose agency it is.
 */
export const REPORT_CHANNEL_CLAIMANTS = {
  AGENCY: REPORTERS,
  PUBLIC_TIP: REPORTERS,
  MEDIA_MONITORING: COORDINATORS,
  MINISTRY_SYSTEM: COORDINATORS,
} as const satisfies Record<ReportChannel, readonly Role[]>;

export function mayClaimReportChannel(actor: Actor, channel: ReportChannel): boolean {
  return actor.roles.some((role) => (REPORT_CHANNEL_CLAIMANTS[channel] as readonly Role[]).includes(role));
}

const GRAPHQL_ENTRIES = GRAPHQL_POLICY as Record<string, PolicyEntry>;

/** GraphQL operations an API key may be scoped to: those the table opens to API_CLIENT. */
export const API_CLIENT_OPERATIONS: readonly string[] = Object.keys(GRAPHQL_ENTRIES).filter((op) => GRAPHQL_ENTRIES[op]!.roles.includes(Roles.API_CLIENT));

/** The scopes an API key may not have (unknown operations, or not open to API_CLIENT); [] when all are fine. */
export function invalidApiKeyScopes(scopes: readonly string[]): string[] {
  return scopes.filter((scope) => !API_CLIENT_OPERATIONS.includes(scope));
}

/** The RPC subjects that scoped operations may cause. */
function subjectsOfScopes(scopes: readonly string[]): Set<string> {
  return new Set(scopes.flatMap((scope) => GRAPHQL_ENTRIES[scope]?.subjects ?? []));
}

function allowed(entry: PolicyEntry | undefined, actor: Actor): boolean {
  if (!entry) return false;
  if (actor.service && entry.services?.includes(actor.service)) return true;
  return actor.roles.some((role) => entry.roles.includes(role));
}

/** Whether the table lets the actor call the GraphQL operation, within its API key's scopes if it has one. */
export function mayCallOperation(actor: Actor, operation: string): boolean {
  if (actor.scopes && !actor.scopes.includes(operation)) return false;
  return allowed(GRAPHQL_ENTRIES[operation], actor);
}

/**
 * Throws FORBIDDEN unless the actor's roles may call the RPC subject (unknown subjects are
 * refused) and, for an API key, one of its scoped operations causes that subject.
 */
export function authorizeRpc(actor: Actor, subject: string): void {
  if (!allowed((RPC_POLICY as Record<string, PolicyEntry>)[subject], actor)) {
    throw AuthError.forbidden(`Not allowed: ${subject}`);
  }
  if (actor.scopes && !subjectsOfScopes(actor.scopes).has(subject)) {
    throw AuthError.forbidden(`Not within the API key's scopes: ${subject}`);
  }
}

export function authorizeOperation(actor: Actor, operation: GraphQLOperation): void {
  if (actor.scopes && !actor.scopes.includes(operation)) throw AuthError.forbidden(`Not within the API key's scopes: ${operation}`);
  if (!mayCallOperation(actor, operation)) throw AuthError.forbidden(`Not allowed: ${operation}`);
}
