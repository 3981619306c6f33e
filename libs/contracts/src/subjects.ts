/**
 * Every NATS subject of the platform. RPC subjects (`<service>.<aggregate>.<verb>`) and event
 * subjects (`evt.<service>.<aggregate>.<past-tense>`) never overlap: a request on a subject that a
 * JetStream stream captures would be answered by the stream's publish ack.
 */
export const RpcSubjects = {
  directory: {
    caseRoute: 'directory.case.route',
    routingExplain: 'directory.routing.explain',
    routingSnapshot: 'directory.routing.snapshot',
    agencyList: 'directory.agency.list',
    agencyGetMany: 'directory.agency.get-many',
    userGet: 'directory.user.get',
    userResolve: 'directory.user.resolve',
    userNames: 'directory.user.names',
    auditTrail: 'directory.audit.trail',
    agencyReorganize: 'directory.agency.reorganize',
    focalPointList: 'directory.focal-point.list',
    focalPointSet: 'directory.focal-point.set',
    provisionResolve: 'directory.provision.resolve',
    referenceEdit: 'directory.reference.edit',
    referenceHistory: 'directory.reference.history',
    referenceData: 'directory.reference.data',
    userList: 'directory.user.list',
    userCreate: 'directory.user.create',
    userUpdate: 'directory.user.update',
    userDisable: 'directory.user.disable',
    userEnable: 'directory.user.enable',
    actorResolve: 'directory.actor.resolve',
    apiKeyCreate: 'directory.api-key.create',
    apiKeyList: 'directory.api-key.list',
    apiKeyRevoke: 'directory.api-key.revoke',
    apiKeyVerify: 'directory.api-key.verify',
  },
  intake: {
    reportSubmit: 'intake.report.submit',
    caseGet: 'intake.case.get',
    caseList: 'intake.case.list',
    caseReports: 'intake.case.reports',
    caseReportStats: 'intake.case.report-stats',
    caseQueue: 'intake.case.queue',
    caseTransition: 'intake.case.transition',
    caseDecide: 'intake.case.decide',
    caseMerge: 'intake.case.merge',
    caseSplit: 'intake.case.split',
    duplicateReject: 'intake.duplicate.reject',
    actionUpdate: 'intake.action.update',
    removalUpdate: 'intake.action.removal.update',
    auditTrail: 'intake.audit.trail',
  },
  consultation: {
    open: 'consultation.consultation.open',
    get: 'consultation.consultation.get',
    list: 'consultation.consultation.list',
    resolve: 'consultation.consultation.resolve',
    opinionSubmit: 'consultation.opinion.submit',
    opinionQueue: 'consultation.opinion.queue',
    meetingRecord: 'consultation.meeting.record',
    auditTrail: 'consultation.audit.trail',
  },
  notification: {
    subscriptionCreate: 'notification.subscription.create',
    subscriptionList: 'notification.subscription.list',
    subscriptionRevoke: 'notification.subscription.revoke',
    deliveryList: 'notification.delivery.list',
    deliveryReplay: 'notification.delivery.replay',
    auditTrail: 'notification.audit.trail',
  },
  evidence: {
    itemList: 'evidence.item.list',
    itemGet: 'evidence.item.get',
    itemContent: 'evidence.item.content',
    excerptAdd: 'evidence.item.add-excerpt',
    uploadRequest: 'evidence.upload.request',
    captureRequest: 'evidence.capture.request',
    holdPlace: 'evidence.item.hold',
    holdRelease: 'evidence.item.release',
    packageExport: 'evidence.package.export',
    packageList: 'evidence.package.list',
    referralRequest: 'evidence.referral.request',
    referralUpdate: 'evidence.referral.update',
    referralHandOver: 'evidence.referral.hand-over',
    referralList: 'evidence.referral.list',
    sourceList: 'evidence.source.list',
    sourceEdit: 'evidence.source.edit',
    auditTrail: 'evidence.audit.trail',
  },
  reporting: {
    statisticsPeriod: 'reporting.statistics.period',
    auditTrail: 'reporting.audit.trail',
    periodOpen: 'reporting.period.open',
    periodGet: 'reporting.period.get',
    periodList: 'reporting.period.list',
    periodClose: 'reporting.period.close',
    periodDocument: 'reporting.period.document',
    sectionSave: 'reporting.section.save',
    dossierDocument: 'reporting.dossier.document',
    transparencyReport: 'reporting.transparency.report',
    statementOfReasons: 'reporting.decision.statement-of-reasons',
  },
} as const;

export const EventSubjects = {
  directory: {
    agenciesReorganized: 'evt.directory.agency.reorganized',
    referenceChanged: 'evt.directory.reference.changed',
    userChanged: 'evt.directory.user.changed',
    apiKeyRevoked: 'evt.directory.api-key.revoked',
  },
  intake: {
    caseOpened: 'evt.intake.case.opened',
    reportAttached: 'evt.intake.report.attached',
    caseReassigned: 'evt.intake.case.reassigned',
    caseStatusChanged: 'evt.intake.case.status-changed',
    caseDecided: 'evt.intake.case.decided',
    actionUpdated: 'evt.intake.action.updated',
    caseMerged: 'evt.intake.case.merged',
    reportSplit: 'evt.intake.case.report-split',
    deadlineReminded: 'evt.intake.deadline.reminded',
    deadlineEscalated: 'evt.intake.deadline.escalated',
  },
  consultation: {
    opened: 'evt.consultation.consultation.opened',
    resolved: 'evt.consultation.consultation.resolved',
    opinionSubmitted: 'evt.consultation.opinion.submitted',
    opinionReminded: 'evt.consultation.opinion.reminded',
    opinionEscalated: 'evt.consultation.opinion.escalated',
    meetingRecorded: 'evt.consultation.meeting.recorded',
  },
  evidence: {
    itemAdded: 'evt.evidence.item.added',
    integrityFailed: 'evt.evidence.integrity.failed',
    packageExported: 'evt.evidence.package.exported',
    referralChanged: 'evt.evidence.referral.changed',
  },
  reporting: {
    periodOpened: 'evt.reporting.period.opened',
    sectionSubmitted: 'evt.reporting.section.submitted',
    sectionReminded: 'evt.reporting.section.reminded',
    sectionEscalated: 'evt.reporting.section.escalated',
  },
} as const;

/**
 * Core NATS notices: no stream, no reply, no payload of record. A notice is a hint sent at once,
 * before the outbox event that records the same change reaches the stream, so that caches of
 * other services are dropped before the caller who made the change can ask again.
 */
export const NoticeSubjects = {
  /** The directory's reference data or rules changed (edit or reorganisation). */
  directoryChanged: 'notice.directory.changed',
} as const;

/** The JetStream stream that holds every domain event. */
export const EVENTS_STREAM = 'EVENTS';
/** The JetStream stream of per-agency notification copies: `agency.<AGENCY_CODE>.<event subject>`. */
export const AGENCY_FEED_STREAM = 'AGENCY_FEED';
export const AGENCY_FEED_SUBJECT_ROOT = 'agency';
export const EVENT_SUBJECT_ROOT = 'evt';

type Leaves<T> = T extends string ? T : { [K in keyof T]: Leaves<T[K]> }[keyof T];
export type RpcSubject = Leaves<typeof RpcSubjects>;
export type EventSubject = Leaves<typeof EventSubjects>;
