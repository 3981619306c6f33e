import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { Roles, type Role } from '@phoi-hop/contracts';
import { API_CLIENT_OPERATIONS, GRAPHQL_POLICY, mayCallOperation } from '@phoi-hop/auth';
import { graphqlRequest } from '@phoi-hop/testing';
import { startPlatform, type Platform } from './support/platform';

const PRESS_DETAILS = {
  articleUrl: 'https://baoquangbinh.vn/ma-tran',
  outletName: 'Báo Quảng Bình',
  publicationDate: '2026-11-20',
  byline: 'Thử quyền',
  ruleCodes: ['DDNB_2017_D2'],
  account: 'Kiểm tra ma trận quyền, không có khiếu nại này.',
  journalistName: 'Thử quyền',
  journalistEmail: 'thu.quyen@baoquangbinh.vn',
};

/** One document per GraphQL operation, so that every operation is called as every role. */
const DOCUMENTS: Record<string, () => { query: string; variables?: Record<string, unknown> }> = {
  submitReport: () => ({
    query: 'mutation($i: SubmitReportInput!) { submitReport(input: $i) { merged } }',
    variables: { i: { url: `https://example.vn/matrix/${Math.random()}`, excerpt: `Nội dung kiểm tra ma trận quyền ${Math.random()}`, categoryCode: 'OTHER' } },
  }),
  case: () => ({ query: 'query { case(id: "00000000-0000-4000-8000-000000000000") { id } }' }),
  cases: () => ({ query: 'query { cases(first: 1) { edges { node { id } } } }' }),
  agencies: () => ({ query: 'query { agencies { code } }' }),
  me: () => ({ query: 'query { me { username } }' }),
  caseEvents: () => ({ query: 'subscription { caseEvents { id } }' }),
  // Authorised callers get BAD_USER_INPUT (no such agency), so the matrix changes nothing.
  reorganizeAgencies: () => ({
    query: 'mutation($i: ReorganizeAgenciesInput!) { reorganizeAgencies(input: $i) { successor { code } } }',
    variables: { i: { effectiveDate: '2026-12-01', retire: ['GHOST'], successorCode: 'STNMT', reason: 'kiểm tra quyền' } },
  }),
  // Authorised callers get NOT_FOUND (no such case), so the matrix changes nothing.
  triageCase: () => ({ query: 'mutation { triageCase(id: "00000000-0000-4000-8000-000000000000") { id } }' }),
  dismissCase: () => ({ query: 'mutation { dismissCase(id: "00000000-0000-4000-8000-000000000000", reason: "thử quyền") { id } }' }),
  reopenCase: () => ({ query: 'mutation { reopenCase(id: "00000000-0000-4000-8000-000000000000", reason: "thử quyền") { id } }' }),
  focalPoints: () => ({ query: 'query { focalPoints(agencyCode: "CA") { id } }' }),
  // Authorised callers get BAD_USER_INPUT (no such agency), so the matrix changes nothing.
  setFocalPoint: () => ({ query: 'mutation { setFocalPoint(input: { agencyCode: "GHOST", displayName: "Thử", title: "Chuyên viên" }) { id } }' }),
  decideCase: () => ({
    query: 'mutation($i: DecideCaseInput!) { decideCase(input: $i) { decisionId } }',
    variables: {
      i: {
        caseId: '00000000-0000-4000-8000-000000000000',
        finding: 'TRUE',
        provisionCodes: [],
        statementOfReasons: 'Kiểm tra ma trận quyền, không có vụ việc này.',
        actions: [],
      },
    },
  }),
  mergeCases: () => ({
    query:
      'mutation { mergeCases(caseId: "00000000-0000-4000-8000-000000000000", intoCaseId: "00000000-0000-4000-8000-000000000001", reason: "thử quyền") { id } }',
  }),
  rejectDuplicate: () => ({
    query: 'mutation { rejectDuplicate(caseId: "00000000-0000-4000-8000-000000000000", duplicateCaseId: "00000000-0000-4000-8000-000000000001") { id } }',
  }),
  splitReport: () => ({
    query:
      'mutation { splitReport(caseId: "00000000-0000-4000-8000-000000000000", reportId: "00000000-0000-4000-8000-000000000001", reason: "khác nội dung") { newCase { id } } }',
  }),
  closeCase: () => ({ query: 'mutation { closeCase(id: "00000000-0000-4000-8000-000000000000", outcome: "Kiểm tra quyền, không có vụ việc") { id } }' }),
  updateHandlingAction: () => ({
    query: 'mutation { updateHandlingAction(input: { actionId: "00000000-0000-4000-8000-000000000000", status: IN_PROGRESS }) { id } }',
  }),
  updateRemovalRequest: () => ({
    query: 'mutation { updateRemovalRequest(input: { actionId: "00000000-0000-4000-8000-000000000000", requestReference: "CV-1" }) { id } }',
  }),
  // Authorised callers get BAD_USER_INPUT (the rule targets no known agency), so the matrix changes nothing.
  editReference: () => ({
    query: 'mutation($i: EditReferenceInput!) { editReference(input: $i) { id } }',
    variables: {
      i: {
        kind: 'RULE',
        code: 'MATRIX_RULE',
        recordJson: JSON.stringify({ article: 'Đ6.7', description: 'thử quyền', when: { always: true }, target: { agency: 'GHOST' }, role: 'INFORMED' }),
        reason: 'kiểm tra quyền',
      },
    },
  }),
  referenceHistory: () => ({ query: 'query { referenceHistory(kind: RULE, code: "D6_1_LEAD") { id } }' }),
  referenceData: () => ({ query: 'query { referenceData { day categories { code } } }' }),
  enumLabels: () => ({ query: 'query { enumLabels(names: ["CaseStatus"]) { name } }' }),
  workQueue: () => ({ query: 'query { workQueue(first: 5) { totalCount } }' }),
  explainRouting: () => ({ query: 'query { explainRouting(input: { categoryCode: "IMPERSONATION_SCAM" }) { participants { role } } }' }),
  auditTrail: () => ({ query: 'query { auditTrail(targetId: "QUANG_BINH", first: 5) { edges { node { action } } pageInfo { hasNextPage } } }' }),
  reportPeriods: () => ({ query: 'query { reportPeriods { id } }' }),
  reportPeriod: () => ({ query: 'query { reportPeriod(id: "00000000-0000-4000-8000-000000000000") { id } }' }),
  // Authorised callers get BAD_USER_INPUT (a deadline in the past) or NOT_FOUND (no such period), so the matrix changes nothing.
  openReportPeriod: () => ({
    query: 'mutation($i: OpenReportPeriodInput!) { openReportPeriod(input: $i) { id } }',
    variables: { i: { kind: 'AD_HOC', from: '2026-01-01', to: '2026-01-31', deadline: '2020-01-01T00:00:00Z', agencyCodes: ['CA'] } },
  }),
  saveReportSection: () => ({
    query: 'mutation($i: SaveReportSectionInput!) { saveReportSection(input: $i) { id } }',
    variables: { i: { periodId: '00000000-0000-4000-8000-000000000000', accomplishments: 'Thử quyền', difficulties: '', proposals: '', submit: false } },
  }),
  closeReportPeriod: () => ({ query: 'mutation { closeReportPeriod(periodId: "00000000-0000-4000-8000-000000000000") { id } }' }),
  reportPeriodDocument: () => ({ query: 'query { reportPeriodDocument(periodId: "00000000-0000-4000-8000-000000000000", format: CSV) { sha256 } }' }),
  caseDossier: () => ({ query: 'query { caseDossier(caseId: "00000000-0000-4000-8000-000000000000", format: DOCX) { sha256 } }' }),
  statementsOfReasons: () => ({ query: 'query { statementsOfReasons(caseId: "00000000-0000-4000-8000-000000000000") { puid } }' }),
  transparencyReport: () => ({ query: 'query { transparencyReport(from: "2026-01-01", to: "2026-06-30") { threshold } }' }),
  // Consultations: authorised callers get NOT_FOUND (no such case or consultation) or an empty list.
  consultation: () => ({ query: 'query { consultation(id: "00000000-0000-4000-8000-000000000000") { id } }' }),
  consultations: () => ({ query: 'query { consultations(caseId: "00000000-0000-4000-8000-000000000000") { id } }' }),
  openConsultation: () => ({
    query: 'mutation($i: OpenConsultationInput!) { openConsultation(input: $i) { id } }',
    variables: {
      i: {
        caseId: '00000000-0000-4000-8000-000000000000',
        mode: 'WRITTEN',
        invitedAgencyCodes: ['CA'],
        subject: 'Kiểm tra ma trận quyền',
        deadline: '2030-01-01T00:00:00Z',
      },
    },
  }),
  submitOpinion: () => ({
    query:
      'mutation { submitOpinion(input: { consultationId: "00000000-0000-4000-8000-000000000000", position: AGREE, reasoning: "Kiểm tra ma trận quyền" }) { id } }',
  }),
  recordMeeting: () => ({
    query:
      'mutation { recordMeeting(input: { consultationId: "00000000-0000-4000-8000-000000000000", attendance: [], minutes: "Kiểm tra ma trận quyền" }) { id } }',
  }),
  resolveConsultation: () => ({
    query:
      'mutation { resolveConsultation(input: { consultationId: "00000000-0000-4000-8000-000000000000", summary: "Kiểm tra ma trận quyền", plan: [] }) { id } }',
  }),
  // Notifications: authorised callers get their own (empty) lists, BAD_USER_INPUT or NOT_FOUND, so the matrix changes nothing.
  notificationSubscriptions: () => ({ query: 'query { notificationSubscriptions { id } }' }),
  createNotificationSubscription: () => ({
    query: 'mutation { createNotificationSubscription(input: { channel: EMAIL, target: "not-an-address" }) { secret } }',
  }),
  revokeNotificationSubscription: () => ({ query: 'mutation { revokeNotificationSubscription(id: "00000000-0000-4000-8000-000000000000") { id } }' }),
  failedDeliveries: () => ({ query: 'query { failedDeliveries(first: 1) { pageInfo { hasNextPage } } }' }),
  replayDelivery: () => ({ query: 'mutation { replayDelivery(id: "00000000-0000-4000-8000-000000000000") { id } }' }),
  // Users and API keys: authorised callers get a list, BAD_USER_INPUT or NOT_FOUND, so the matrix changes nothing.
  users: () => ({ query: 'query { users(first: 1) { edges { cursor } } }' }),
  createUser: () => ({
    query: 'mutation { createUser(input: { username: "matrix.ghost", displayName: "Thử quyền", agencyCode: "GHOST", roles: [OFFICER] }) { id } }',
  }),
  updateUser: () => ({ query: 'mutation { updateUser(username: "no.such.user", input: { displayName: "Thử quyền" }) { id } }' }),
  disableUser: () => ({ query: 'mutation { disableUser(username: "no.such.user", reason: "thử quyền") { id } }' }),
  enableUser: () => ({ query: 'mutation { enableUser(username: "no.such.user") { id } }' }),
  apiKeys: () => ({ query: 'query { apiKeys { id } }' }),
  createApiKey: () => ({ query: 'mutation { createApiKey(input: { agencyCode: "STTTT", name: "Thử quyền", scopes: ["cases"] }) { secret } }' }),
  revokeApiKey: () => ({ query: 'mutation { revokeApiKey(id: "00000000-0000-4000-8000-000000000000", reason: "thử quyền") { id } }' }),
  // Evidence: authorised callers get NOT_FOUND (no such case, item or referral), null, or BAD_USER_INPUT (a refused address), so the matrix changes nothing.
  evidenceItems: () => ({ query: 'query { evidenceItems(caseId: "00000000-0000-4000-8000-000000000000") { id } }' }),
  evidenceItem: () => ({ query: 'query { evidenceItem(id: "00000000-0000-4000-8000-000000000000") { id } }' }),
  evidenceContent: () => ({ query: 'query { evidenceContent(itemId: "00000000-0000-4000-8000-000000000000") { itemId } }' }),
  evidencePackages: () => ({ query: 'query { evidencePackages(caseId: "00000000-0000-4000-8000-000000000000") { id } }' }),
  policeReferrals: () => ({ query: 'query { policeReferrals(caseId: "00000000-0000-4000-8000-000000000000") { id } }' }),
  editPublicSource: () => ({
    query: 'mutation { editPublicSource(input: { sourceId: "00000000-0000-4000-8000-000000000000", displayName: "Thử quyền" }) { id } }',
  }),
  publicSources: () => ({ query: 'query { publicSources(caseId: "00000000-0000-4000-8000-000000000000") { id } }' }),
  addTextExcerpt: () => ({
    query: 'mutation { addTextExcerpt(input: { caseId: "00000000-0000-4000-8000-000000000000", text: "Kiểm tra ma trận quyền" }) { id } }',
  }),
  requestEvidenceUpload: () => ({
    query: 'mutation { requestEvidenceUpload(input: { caseId: "00000000-0000-4000-8000-000000000000", fileName: "thu-quyen.png" }) { ticketId } }',
  }),
  captureWebPage: () => ({ query: 'mutation { captureWebPage(input: { caseId: "00000000-0000-4000-8000-000000000000", url: "http://127.0.0.1/" }) { id } }' }),
  placeLegalHold: () => ({
    query: 'mutation { placeLegalHold(input: { itemId: "00000000-0000-4000-8000-000000000000", reason: "Kiểm tra ma trận quyền" }) { id } }',
  }),
  releaseLegalHold: () => ({
    query: 'mutation { releaseLegalHold(input: { itemId: "00000000-0000-4000-8000-000000000000", reason: "Kiểm tra ma trận quyền" }) { id } }',
  }),
  exportEvidencePackage: () => ({ query: 'mutation { exportEvidencePackage(input: { caseId: "00000000-0000-4000-8000-000000000000" }) { id } }' }),
  requestPoliceReferral: () => ({
    query:
      'mutation { requestPoliceReferral(input: { caseId: "00000000-0000-4000-8000-000000000000", actionId: "00000000-0000-4000-8000-000000000001" }) { id } }',
  }),
  updatePoliceReferral: () => ({
    query:
      'mutation { updatePoliceReferral(input: { referralId: "00000000-0000-4000-8000-000000000000", status: ACCEPTED, policeReference: "1/PA05" }) { id } }',
  }),
  handOverEvidencePackage: () => ({
    query:
      'mutation { handOverEvidencePackage(input: { referralId: "00000000-0000-4000-8000-000000000000", packageId: "00000000-0000-4000-8000-000000000001", receivedByAgency: "CA" }) { id } }',
  }),
  similarEvidence: () => ({ query: 'query { similarEvidence(itemId: "00000000-0000-4000-8000-000000000000") { similarItemId } }' }),
  caseSimilarEvidence: () => ({ query: 'query { caseSimilarEvidence(caseId: "00000000-0000-4000-8000-000000000000") { similarItemId } }' }),
  contentIndicators: () => ({ query: 'query { contentIndicators(caseId: "00000000-0000-4000-8000-000000000000") { id } }' }),
  addContentIndicator: () => ({
    query: 'mutation { addContentIndicator(input: { itemId: "00000000-0000-4000-8000-000000000000", kind: PHONE, value: "0912 345 678" }) { id } }',
  }),
  removeContentIndicator: () => ({
    query: 'mutation { removeContentIndicator(input: { indicatorId: "00000000-0000-4000-8000-000000000000", reason: "Kiểm tra ma trận quyền" }) { id } }',
  }),
  // Press ethics: authorised callers get NOT_FOUND (no such complaint or case), null or [], so the matrix changes nothing.
  pressComplaint: () => ({ query: 'query { pressComplaint(id: "00000000-0000-4000-8000-000000000000") { id } }' }),
  pressComplaints: () => ({ query: 'query { pressComplaints(caseId: "00000000-0000-4000-8000-000000000000") { id } }' }),
  pressComplaintRespondent: () => ({ query: 'query { pressComplaintRespondent(complaintId: "00000000-0000-4000-8000-000000000000") { complaintId } }' }),
  filePressComplaint: () => ({
    query: 'mutation($i: FilePressComplaintInput!) { filePressComplaint(input: $i) { id } }',
    variables: { i: { caseId: '00000000-0000-4000-8000-000000000000', ...PRESS_DETAILS } },
  }),
  completePressComplaint: () => ({
    query: 'mutation($i: CompletePressComplaintInput!) { completePressComplaint(input: $i) { id } }',
    variables: { i: { complaintId: '00000000-0000-4000-8000-000000000000', ...PRESS_DETAILS } },
  }),
  replyToPressComplaint: () => ({
    query: 'mutation { replyToPressComplaint(input: { complaintId: "00000000-0000-4000-8000-000000000000", text: "Kiểm tra ma trận quyền" }) { id } }',
  }),
  requestPressReplyUpload: () => ({
    query: 'mutation { requestPressReplyUpload(input: { complaintId: "00000000-0000-4000-8000-000000000000", fileName: "thu-quyen.pdf" }) { uploadUrl } }',
  }),
  pressReplyAttachmentDownload: () => ({ query: 'query { pressReplyAttachmentDownload(attachmentId: "00000000-0000-4000-8000-000000000000") { url } }' }),
  issuePressRuling: () => ({
    query:
      'mutation { issuePressRuling(input: { complaintId: "00000000-0000-4000-8000-000000000000", outcome: NO_VIOLATION, ruleCodes: ["DDNB_2017_D2"], reasons: "Kiểm tra ma trận quyền, không có khiếu nại" }) { id } }',
  }),
  reissuePressReplyLink: () => ({
    query:
      'mutation { reissuePressReplyLink(input: { complaintId: "00000000-0000-4000-8000-000000000000", recipientRole: JOURNALIST, reason: "Kiểm tra ma trận quyền" }) { id } }',
  }),
  lodgePressAppeal: () => ({
    query:
      'mutation { lodgePressAppeal(input: { complaintId: "00000000-0000-4000-8000-000000000000", party: COMPLAINANT, grounds: [PROCEDURAL_ERROR], statement: "Kiểm tra ma trận quyền, không có khiếu nại" }) { id } }',
  }),
  decidePressAppeal: () => ({
    query:
      'mutation { decidePressAppeal(input: { complaintId: "00000000-0000-4000-8000-000000000000", decision: UPHELD, reasons: "Kiểm tra ma trận quyền, không có khiếu nại" }) { id } }',
  }),
  // Corrections and statements: authorised callers get null, a list, NOT_FOUND (no such request, statement or case) or BAD_USER_INPUT (no such outlet).
  correctionRequest: () => ({ query: 'query { correctionRequest(id: "00000000-0000-4000-8000-000000000000") { id } }' }),
  correctionRequests: () => ({ query: 'query { correctionRequests(first: 1) { totalCount } }' }),
  requestCorrection: () => ({
    query: 'mutation($i: RequestCorrectionInput!) { requestCorrection(input: $i) { correctionRequest { id } } }',
    variables: {
      i: {
        outletAgencyCode: 'GHOST',
        workTitle: 'Kiểm tra ma trận quyền',
        workPublishedOn: '2026-11-01',
        whatIsWrong: 'Kiểm tra ma trận quyền',
        falseContent: 'Không có',
        correctedContent: 'Không có',
        requestedText: 'Kiểm tra ma trận quyền, không có cơ quan báo chí này',
        deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
    },
  }),
  publishCorrection: () => ({
    query:
      'mutation { publishCorrection(input: { correctionId: "00000000-0000-4000-8000-000000000000", publishedUrl: "https://example.vn/cc", publishedAt: "2026-11-01T00:00:00Z" }) { correctionRequest { id } } }',
  }),
  refuseCorrection: () => ({
    query:
      'mutation { refuseCorrection(input: { correctionId: "00000000-0000-4000-8000-000000000000", reasons: "Kiểm tra ma trận quyền, không có yêu cầu này" }) { correctionRequest { id } } }',
  }),
  pressStatement: () => ({ query: 'query { pressStatement(id: "00000000-0000-4000-8000-000000000000") { id } }' }),
  pressStatements: () => ({ query: 'query { pressStatements(first: 1) { totalCount } }' }),
  draftPressStatement: () => ({
    query:
      'mutation { draftPressStatement(input: { caseIds: ["00000000-0000-4000-8000-000000000000"], title: "Thử quyền", body: "Kiểm tra ma trận quyền, không có vụ việc này" }) { statement { id } } }',
  }),
  updatePressStatementDraft: () => ({
    query: 'mutation { updatePressStatementDraft(input: { statementId: "00000000-0000-4000-8000-000000000000", title: "Thử quyền" }) { statement { id } } }',
  }),
  publishPressStatement: () => ({
    query: 'mutation { publishPressStatement(input: { statementId: "00000000-0000-4000-8000-000000000000" }) { statement { id } } }',
  }),
  correctPressStatement: () => ({
    query:
      'mutation { correctPressStatement(input: { statementId: "00000000-0000-4000-8000-000000000000", body: "Kiểm tra ma trận quyền đủ dài", note: "Kiểm tra ma trận quyền" }) { statement { id } } }',
  }),
  withdrawPressStatement: () => ({
    query:
      'mutation { withdrawPressStatement(input: { statementId: "00000000-0000-4000-8000-000000000000", reason: "Kiểm tra ma trận quyền" }) { statement { id } } }',
  }),
  statistics: () => ({ query: 'query { statistics(input: { from: "2026-01-01", to: "2026-06-30" }) { casesOpened byStatus { status count } } }' }),
  // Daily media digest: reads change nothing; authorised writers get BAD_USER_INPUT (a refused address, a blank keyword) or NOT_FOUND.
  digestFeeds: () => ({ query: 'query { digestFeeds { id } }' }),
  digestKeywords: () => ({ query: 'query { digestKeywords { keywords } }' }),
  dailyDigest: () => ({ query: 'query { dailyDigest(day: "2026-11-30") { itemCount } }' }),
  dailyDigestDocument: () => ({ query: 'query { dailyDigestDocument(input: { day: "2026-11-30" }) { fileName } }' }),
  addDigestFeed: () => ({ query: 'mutation { addDigestFeed(input: { name: "Thử quyền", url: "file:///etc/passwd" }) { id } }' }),
  updateDigestFeed: () => ({ query: 'mutation { updateDigestFeed(input: { feedId: "00000000-0000-4000-8000-000000000000", name: "Thử quyền" }) { id } }' }),
  disableDigestFeed: () => ({ query: 'mutation { disableDigestFeed(input: { feedId: "00000000-0000-4000-8000-000000000000" }) { id } }' }),
  setDigestKeywords: () => ({ query: 'mutation { setDigestKeywords(input: { keywords: ["  "] }) { keywords } }' }),
  reportDigestItem: () => ({
    query: 'mutation { reportDigestItem(input: { itemId: "00000000-0000-4000-8000-000000000000", categoryCode: "OTHER" }) { created } }',
  }),
};

/** The agency each role's test user belongs to (roles must fit their agency). */
const AGENCY_OF_ROLE: Partial<Record<Role, string>> = { INVESTIGATOR: 'CA', ETHICS_OFFICER: 'HNB' };

describe('role × operation matrix against the policy table', () => {
  let platform: Platform;
  /** Per role, the header a caller of that role sends: a user of the directory, or an API key. */
  const credentials = new Map<Role, string>();

  beforeAll(async () => {
    platform = await startPlatform();
    const admin = await platform.env.token({ username: 'admin', agencyCode: 'STTTT', roles: ['ADMIN'] });
    for (const role of Object.values(Roles) as Role[]) {
      if (role === Roles.API_CLIENT) {
        // A machine client is an API key scoped to everything the table opens to API clients.
        const created = await graphqlRequest<{ createApiKey: { secret: string } }>(
          platform.graphqlUrl,
          'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }',
          { i: { agencyCode: 'STTTT', name: 'matrix', scopes: API_CLIENT_OPERATIONS } },
          admin,
        );
        credentials.set(role, `ApiKey ${created.data!.createApiKey.secret}`);
        continue;
      }
      const user = { username: `matrix.${role.toLowerCase().replace('_', '-')}`, agencyCode: AGENCY_OF_ROLE[role] ?? 'STTTT', roles: [role] };
      const created = await graphqlRequest(
        platform.graphqlUrl,
        'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
        { i: { ...user, displayName: `Thử quyền ${role}` } },
        admin,
      );
      expect(created.errors).toBeUndefined();
      credentials.set(role, `Bearer ${await platform.env.token(user)}`);
    }
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('has a policy entry for every GraphQL operation and a document to test it', async () => {
    const introspection = await graphqlRequest<{ __schema: Record<string, { fields: { name: string }[] } | null> }>(
      platform.graphqlUrl,
      '{ __schema { queryType { fields { name } } mutationType { fields { name } } subscriptionType { fields { name } } } }',
    );
    const operations = ['queryType', 'mutationType', 'subscriptionType'].flatMap((t) => introspection.data!.__schema[t]?.fields.map((f) => f.name) ?? []);
    expect(operations.sort()).toEqual(Object.keys(GRAPHQL_POLICY).sort());
    expect(Object.keys(DOCUMENTS).sort()).toEqual(Object.keys(GRAPHQL_POLICY).sort());
  });

  async function subscriptionOutcome(authorization: string): Promise<string> {
    return new Promise((resolve) => {
      const client = createClient({ url: platform.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization } });
      const done = (value: string) => {
        clearTimeout(timer);
        void client.dispose();
        resolve(value);
      };
      const timer = setTimeout(() => done('OPEN'), 400);
      client.subscribe(DOCUMENTS['caseEvents']!(), {
        next: (message) => done(String((message.errors?.[0]?.extensions as { code?: string } | undefined)?.code ?? 'DATA')),
        error: (error) => done(String((Array.isArray(error) ? (error[0] as { extensions?: { code?: string } })?.extensions?.code : undefined) ?? 'ERROR')),
        complete: () => undefined,
      });
    });
  }

  const roles = Object.values(Roles) as Role[];
  it.each(roles)('gives %s exactly what the table grants', async (role) => {
    const authorization = credentials.get(role)!;
    const outcomes: Record<string, boolean> = {};
    const unauthenticated: string[] = [];
    for (const operation of Object.keys(GRAPHQL_POLICY)) {
      let forbidden: boolean;
      if (operation === 'caseEvents') {
        forbidden = (await subscriptionOutcome(authorization)) === 'FORBIDDEN';
      } else {
        const { query, variables } = DOCUMENTS[operation]!();
        const result = await graphqlRequest(platform.graphqlUrl, query, variables, undefined, { authorization });
        forbidden = !!result.errors?.some((e) => e.extensions?.['code'] === 'FORBIDDEN');
        if (result.errors?.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED')) unauthenticated.push(operation);
      }
      outcomes[operation] = !forbidden;
    }
    const expected = Object.fromEntries(
      Object.keys(GRAPHQL_POLICY).map((op) => [op, mayCallOperation({ userId: 'x', username: 'x', agencyCode: 'STTTT', roles: [role] }, op)]),
    );
    // Every caller was authenticated: a refusal there would be an identity problem, not the table.
    expect(unauthenticated).toEqual([]);
    expect(outcomes).toEqual(expected);
  });
});
