import { Client } from 'pg';
import { FLOOD_RUMOUR, JOB_SCAM, SeededUsers, eventually, graphqlRequest, type TestUser } from '@phoi-hop/testing';
import { startPlatform, type Platform } from './support/platform';
import { SUBMIT_REPORT } from './support/queries';

/** Strings an attacker or a broken client sends. */
const HOSTILE = {
  nul: 'tin\u0000 đồn',
  rtl: '\u202Egpj.exe',
  huge: 'x'.repeat(100_000),
  script: '<script>alert(1)</script>',
  sql: "'; DROP TABLE handling_case; --",
};
const GHOST = '00000000-0000-4000-8000-00000000dead';

interface Refusal {
  /** What is wrong with the call. */
  what: string;
  query: string;
  variables?: Record<string, unknown>;
  as?: TestUser;
  code: string;
  field?: string;
}

interface Fixtures {
  openCaseId: string;
  openReportId: string;
  triagedCaseId: string;
  consultationId: string;
  actingCaseId: string;
  clarificationId: string;
  removalId: string;
  inAWeek: string;
}

const m = (name: string, args: string, input: string) => `mutation${args ? `(${args})` : ''} { ${name}${input ? `(${input})` : ''} { __typename } }`;
const SUBMIT = m('submitReport', '$i: SubmitReportInput!', 'input: $i');
const TRANSITION = (name: string, extra = '') => m(name, `$id: ID!${extra ? `, ${extra}` : ''}`, `id: $id${extra ? `, ${extra.replace(/\$(\w+): \w+!?/g, (_, v: string) => `${v === 'r' ? (name === 'closeCase' ? 'outcome' : 'reason') : v}: $${v}`)}` : ''}`);
const DECIDE = m('decideCase', '$i: DecideCaseInput!', 'input: $i');
const MERGE = m('mergeCases', '$c: ID!, $into: ID!, $r: String!', 'caseId: $c, intoCaseId: $into, reason: $r');
const REJECT = m('rejectDuplicate', '$c: ID!, $d: ID!', 'caseId: $c, duplicateCaseId: $d');
const SPLIT = m('splitReport', '$c: ID!, $rep: ID!, $r: String!', 'caseId: $c, reportId: $rep, reason: $r');
const ACTION = m('updateHandlingAction', '$i: UpdateHandlingActionInput!', 'input: $i');
const REMOVAL = m('updateRemovalRequest', '$i: UpdateRemovalRequestInput!', 'input: $i');
const OPEN = m('openConsultation', '$i: OpenConsultationInput!', 'input: $i');
const OPINION = m('submitOpinion', '$i: SubmitOpinionInput!', 'input: $i');
const MEETING = m('recordMeeting', '$i: RecordMeetingInput!', 'input: $i');
const RESOLVE = m('resolveConsultation', '$i: ResolveConsultationInput!', 'input: $i');
const SUBSCRIBE = m('createNotificationSubscription', '$i: CreateNotificationSubscriptionInput!', 'input: $i');
const REVOKE = m('revokeNotificationSubscription', '$id: ID!', 'id: $id');
const REPLAY = m('replayDelivery', '$id: ID!', 'id: $id');
const FOCAL = m('setFocalPoint', '$i: FocalPointInput!', 'input: $i');
const REORGANIZE = m('reorganizeAgencies', '$i: ReorganizeAgenciesInput!', 'input: $i');
const EDIT = m('editReference', '$i: EditReferenceInput!', 'input: $i');
const CREATE_USER = m('createUser', '$i: CreateUserInput!', 'input: $i');
const UPDATE_USER = m('updateUser', '$u: String!, $i: UpdateUserInput!', 'username: $u, input: $i');
const DISABLE_USER = m('disableUser', '$u: String!, $r: String!', 'username: $u, reason: $r');
const ENABLE_USER = m('enableUser', '$u: String!', 'username: $u');
const CREATE_KEY = m('createApiKey', '$i: CreateApiKeyInput!', 'input: $i');
const REVOKE_KEY = m('revokeApiKey', '$id: ID!, $r: String!', 'id: $id, reason: $r');
const ADMIN = { username: 'admin', agencyCode: 'STTTT', roles: ['ADMIN'] } as const satisfies TestUser;

const report = (over: Record<string, unknown>) => ({ i: { url: 'https://example.vn/bad-input', excerpt: 'Một nội dung kiểm tra dữ liệu đầu vào', categoryCode: 'OTHER', ...over } });
const grounds = {
  isFactualClaim: true,
  verifiedFalseBy: 'Ban Chỉ huy PCTT',
  isPublicInterestReporting: false,
  isGenuineGrievance: false,
  proportionality: 'Biện pháp tối thiểu',
  concludesNotProtected: true,
};
const reasons = 'Xác minh với các cơ quan: thông tin sai sự thật gây hoang mang.';

/**
 * Every mutation of the schema, with the ways it can be called wrongly: malformed or wrongly typed
 * input, oversized and hostile strings, unknown ids, and moves the case's state does not allow. A
 * mutation missing here fails the test, so a new one comes with its refusals.
 */
const REFUSALS: Record<string, (f: Fixtures) => Refusal[]> = {
  submitReport: () => [
    { what: 'wrong type', query: SUBMIT, variables: report({ excerpt: 42 }), code: 'BAD_USER_INPUT' },
    { what: 'not a link', query: SUBMIT, variables: report({ url: 'javascript:alert(1)' }), code: 'BAD_USER_INPUT', field: 'url' },
    { what: 'oversized excerpt', query: SUBMIT, variables: report({ excerpt: HOSTILE.huge }), code: 'BAD_USER_INPUT', field: 'excerpt' },
    { what: 'NUL byte', query: SUBMIT, variables: report({ excerpt: HOSTILE.nul }), code: 'BAD_USER_INPUT', field: 'excerpt' },
    { what: 'unknown category', query: SUBMIT, variables: report({ categoryCode: HOSTILE.sql }), code: 'BAD_USER_INPUT', field: 'categoryCode' },
    { what: 'unknown locality', query: SUBMIT, variables: report({ localityCode: 'ATLANTIS' }), code: 'BAD_USER_INPUT', field: 'localityCode' },
    { what: 'negative reach', query: SUBMIT, variables: report({ estimatedReach: -5 }), code: 'BAD_USER_INPUT', field: 'estimatedReach' },
  ],
  triageCase: (f) => [
    { what: 'not an id', query: TRANSITION('triageCase'), variables: { id: HOSTILE.script }, code: 'BAD_USER_INPUT', field: 'caseId' },
    { what: 'unknown case', query: TRANSITION('triageCase'), variables: { id: GHOST }, code: 'NOT_FOUND' },
    { what: 'already triaged', query: TRANSITION('triageCase'), variables: { id: f.triagedCaseId }, code: 'INVALID_STATE' },
    { what: 'unknown officer', query: m('triageCase', '$id: ID!, $o: [String!]', 'id: $id, assignedOfficers: $o'), variables: { id: f.openCaseId, o: ['no.such.user'] }, code: 'BAD_USER_INPUT', field: 'assignedOfficers' },
    { what: 'unknown severity', query: m('triageCase', '$id: ID!', 'id: $id, severity: APOCALYPTIC'), variables: { id: f.openCaseId }, code: 'BAD_USER_INPUT' },
  ],
  dismissCase: (f) => [
    { what: 'unknown case', query: TRANSITION('dismissCase', '$r: String!'), variables: { id: GHOST, r: 'không rõ' }, code: 'NOT_FOUND' },
    { what: 'oversized reason', query: TRANSITION('dismissCase', '$r: String!'), variables: { id: f.openCaseId, r: HOSTILE.huge }, code: 'BAD_USER_INPUT', field: 'reason' },
  ],
  reopenCase: (f) => [
    { what: 'an open case', query: TRANSITION('reopenCase', '$r: String!'), variables: { id: f.openCaseId, r: 'mở lại để kiểm tra' }, code: 'INVALID_STATE' },
    { what: 'wrong type', query: TRANSITION('reopenCase', '$r: String!'), variables: { id: f.openCaseId, r: ['a'] }, code: 'BAD_USER_INPUT' },
  ],
  closeCase: (f) => [
    { what: 'actions not done', query: TRANSITION('closeCase', '$r: String!'), variables: { id: f.actingCaseId, r: 'Đã xử lý xong toàn bộ' }, code: 'INVALID_STATE' },
    { what: 'an open case', query: TRANSITION('closeCase', '$r: String!'), variables: { id: f.openCaseId, r: 'Đã xử lý xong toàn bộ' }, code: 'INVALID_STATE' },
    { what: 'no outcome summary', query: TRANSITION('closeCase', '$r: String!'), variables: { id: f.actingCaseId, r: ' ' }, code: 'BAD_USER_INPUT', field: 'reason' },
  ],
  decideCase: (f) => [
    { what: 'untriaged case', query: DECIDE, variables: { i: { caseId: f.openCaseId, finding: 'TRUE', provisionCodes: [], statementOfReasons: reasons, actions: [] } }, code: 'INVALID_STATE' },
    { what: 'unknown finding', query: DECIDE, variables: { i: { caseId: f.triagedCaseId, finding: 'MAYBE', provisionCodes: [], statementOfReasons: reasons, actions: [] } }, code: 'BAD_USER_INPUT', field: 'finding' },
    {
      what: 'removal without grounds',
      query: DECIDE,
      variables: { i: { caseId: f.triagedCaseId, finding: 'OPINION', provisionCodes: [], statementOfReasons: reasons, actions: [{ type: 'REQUEST_REMOVAL', assigneeAgencyCode: 'STTTT', dueDate: f.inAWeek }] } },
      code: 'RESTRICTIVE_ACTION_NOT_GROUNDED',
    },
    {
      what: 'due date not a date',
      query: DECIDE,
      variables: { i: { caseId: f.triagedCaseId, finding: 'FALSE', provisionCodes: ['ND15_2020_D101'], assessment: grounds, statementOfReasons: reasons, actions: [{ type: 'MONITOR', assigneeAgencyCode: 'STTTT', dueDate: '31/12/2026' }] } },
      code: 'BAD_USER_INPUT',
      field: 'actions.0.dueDate',
    },
    { what: 'decided case', query: DECIDE, variables: { i: { caseId: f.actingCaseId, finding: 'TRUE', provisionCodes: [], statementOfReasons: reasons, actions: [] } }, code: 'INVALID_STATE' },
  ],
  mergeCases: (f) => [
    { what: 'into itself', query: MERGE, variables: { c: f.openCaseId, into: f.openCaseId, r: 'cùng nội dung' }, code: 'BAD_USER_INPUT', field: 'intoCaseId' },
    { what: 'into an unknown case', query: MERGE, variables: { c: f.openCaseId, into: GHOST, r: 'cùng nội dung' }, code: 'NOT_FOUND', field: 'intoCaseId' },
    { what: 'a decided case', query: MERGE, variables: { c: f.actingCaseId, into: f.openCaseId, r: 'cùng nội dung' }, code: 'INVALID_STATE' },
  ],
  rejectDuplicate: (f) => [
    { what: 'not a suggestion', query: REJECT, variables: { c: f.openCaseId, d: f.actingCaseId }, code: 'BAD_USER_INPUT', field: 'duplicateCaseId' },
    { what: 'unknown case', query: REJECT, variables: { c: GHOST, d: f.openCaseId }, code: 'NOT_FOUND' },
  ],
  splitReport: (f) => [
    { what: 'the only report', query: SPLIT, variables: { c: f.openCaseId, rep: f.openReportId, r: 'khác nội dung' }, code: 'INVALID_STATE', field: 'reportId' },
    { what: 'a report of another case', query: SPLIT, variables: { c: f.triagedCaseId, rep: f.openReportId, r: 'khác nội dung' }, code: 'NOT_FOUND', field: 'reportId' },
    { what: 'a decided case', query: SPLIT, variables: { c: f.actingCaseId, rep: f.openReportId, r: 'khác nội dung' }, code: 'NOT_FOUND', field: 'reportId' },
  ],
  updateHandlingAction: (f) => [
    { what: 'unknown status', query: ACTION, variables: { i: { actionId: f.clarificationId, status: 'FINISHED' } }, code: 'BAD_USER_INPUT', field: 'status' },
    { what: 'done without result', query: ACTION, variables: { i: { actionId: f.clarificationId, status: 'DONE' } }, code: 'BAD_USER_INPUT', field: 'result' },
    { what: 'unknown action', query: ACTION, variables: { i: { actionId: GHOST, status: 'IN_PROGRESS' } }, code: 'NOT_FOUND' },
    { what: 'another agency’s action', query: ACTION, variables: { i: { actionId: f.clarificationId, status: 'IN_PROGRESS' } }, as: SeededUsers.sytOfficer, code: 'NOT_FOUND' },
    { what: 'too many links', query: ACTION, variables: { i: { actionId: f.clarificationId, status: 'IN_PROGRESS', links: Array.from({ length: 50 }, (_, i) => `https://a.vn/${i}`) } }, code: 'BAD_USER_INPUT', field: 'links' },
  ],
  updateRemovalRequest: (f) => [
    { what: 'not a removal request', query: REMOVAL, variables: { i: { actionId: f.clarificationId, requestReference: 'CV-1' } }, code: 'BAD_USER_INPUT', field: 'actionId' },
    { what: 'outcome before sending', query: REMOVAL, variables: { i: { actionId: f.removalId, outcome: 'REFUSED' } }, code: 'BAD_USER_INPUT', field: 'outcome' },
    { what: 'time in the future', query: REMOVAL, variables: { i: { actionId: f.removalId, sentAt: '2099-01-01T00:00:00Z' } }, code: 'BAD_USER_INPUT', field: 'sentAt' },
    { what: 'oversized reference', query: REMOVAL, variables: { i: { actionId: f.removalId, requestReference: HOSTILE.huge } }, code: 'BAD_USER_INPUT', field: 'requestReference' },
  ],
  openConsultation: (f) => [
    { what: 'an open case', query: OPEN, variables: { i: { caseId: f.openCaseId, mode: 'WRITTEN', invitedAgencyCodes: ['CA'], subject: 'Xin ý kiến', deadline: new Date(Date.now() + 86400_000).toISOString() } }, code: 'INVALID_STATE' },
    { what: 'unknown mode', query: OPEN, variables: { i: { caseId: f.triagedCaseId, mode: 'TELEPATHY', invitedAgencyCodes: ['CA'], subject: 'Xin ý kiến' } }, code: 'BAD_USER_INPUT', field: 'mode' },
    { what: 'deadline in the past', query: OPEN, variables: { i: { caseId: f.triagedCaseId, mode: 'WRITTEN', invitedAgencyCodes: ['CA'], subject: 'Xin ý kiến', deadline: '2020-01-01T00:00:00Z' } }, code: 'BAD_USER_INPUT', field: 'deadline' },
    { what: 'unknown agency', query: OPEN, variables: { i: { caseId: f.triagedCaseId, mode: 'WRITTEN', invitedAgencyCodes: ['GHOST'], subject: 'Xin ý kiến', deadline: new Date(Date.now() + 86400_000).toISOString() } }, code: 'BAD_USER_INPUT', field: 'invitedAgencyCodes' },
  ],
  submitOpinion: (f) => [
    { what: 'not invited', query: OPINION, variables: { i: { consultationId: f.consultationId, position: 'AGREE', reasoning: 'Đồng ý với đề xuất của Sở' } }, as: SeededUsers.sytOfficer, code: 'NOT_FOUND' },
    { what: 'unknown position', query: OPINION, variables: { i: { consultationId: f.consultationId, position: 'SHRUG', reasoning: 'Đồng ý với đề xuất của Sở' } }, as: SeededUsers.caOfficer, code: 'BAD_USER_INPUT', field: 'position' },
    { what: 'alternative without proposal', query: OPINION, variables: { i: { consultationId: f.consultationId, position: 'ALTERNATIVE', reasoning: 'Đề xuất một cách xử lý khác' } }, as: SeededUsers.caOfficer, code: 'BAD_USER_INPUT', field: 'alternativeProposal' },
    { what: 'attachment not a link', query: OPINION, variables: { i: { consultationId: f.consultationId, position: 'AGREE', reasoning: 'Đồng ý với đề xuất của Sở', attachments: [{ name: HOSTILE.rtl, url: 'file:///etc/passwd' }] } }, as: SeededUsers.caOfficer, code: 'BAD_USER_INPUT' },
    { what: 'unknown consultation', query: OPINION, variables: { i: { consultationId: GHOST, position: 'AGREE', reasoning: 'Đồng ý với đề xuất của Sở' } }, as: SeededUsers.caOfficer, code: 'NOT_FOUND' },
  ],
  recordMeeting: (f) => [
    { what: 'a written consultation', query: MEETING, variables: { i: { consultationId: f.consultationId, attendance: [], minutes: 'Biên bản họp' } }, code: 'INVALID_STATE' },
    { what: 'unknown consultation', query: MEETING, variables: { i: { consultationId: GHOST, attendance: [], minutes: 'Biên bản họp' } }, code: 'NOT_FOUND' },
  ],
  resolveConsultation: (f) => [
    { what: 'opinions outstanding before the deadline', query: RESOLVE, variables: { i: { consultationId: f.consultationId, summary: 'Kết luận của cuộc lấy ý kiến', plan: [] } }, code: 'INVALID_STATE' },
    { what: 'unknown plan action', query: RESOLVE, variables: { i: { consultationId: f.consultationId, summary: 'Kết luận của cuộc lấy ý kiến', plan: [{ type: 'BURN_IT', assigneeAgencyCode: 'STTTT', dueDate: f.inAWeek }] } }, code: 'BAD_USER_INPUT' },
  ],
  createNotificationSubscription: () => [
    { what: 'unknown channel', query: SUBSCRIBE, variables: { i: { channel: 'PIGEON', target: 'a@b.vn' } }, code: 'BAD_USER_INPUT', field: 'channel' },
    { what: 'webhook over http to another host', query: SUBSCRIBE, variables: { i: { channel: 'WEBHOOK', target: 'http://example.com/hook' } }, code: 'BAD_USER_INPUT', field: 'target' },
    { what: 'another agency', query: SUBSCRIBE, variables: { i: { agencyCode: 'CA', channel: 'EMAIL', target: 'a@ca.gov.vn' } }, code: 'FORBIDDEN' },
    { what: 'unknown event type', query: SUBSCRIBE, variables: { i: { channel: 'EMAIL', target: 'a@stttt.gov.vn', eventTypes: ['evt.directory.agency.reorganized'] } }, code: 'BAD_USER_INPUT', field: 'eventTypes' },
  ],
  revokeNotificationSubscription: () => [
    { what: 'unknown subscription', query: REVOKE, variables: { id: GHOST }, code: 'NOT_FOUND' },
    { what: 'not an id', query: REVOKE, variables: { id: HOSTILE.sql }, code: 'BAD_USER_INPUT' },
  ],
  replayDelivery: () => [
    { what: 'unknown delivery', query: REPLAY, variables: { id: GHOST }, code: 'NOT_FOUND' },
    { what: 'not an id', query: REPLAY, variables: { id: HOSTILE.rtl }, code: 'BAD_USER_INPUT' },
  ],
  setFocalPoint: () => [
    { what: 'unknown agency', query: FOCAL, variables: { i: { agencyCode: 'GHOST', displayName: 'Thử', title: 'Chuyên viên' } }, code: 'BAD_USER_INPUT', field: 'agencyCode' },
    { what: 'oversized name', query: FOCAL, variables: { i: { agencyCode: 'STTTT', displayName: HOSTILE.huge, title: 'Chuyên viên' } }, code: 'BAD_USER_INPUT', field: 'displayName' },
  ],
  editReference: () => [
    { what: 'unknown kind', query: EDIT, variables: { i: { kind: 'PLANET', code: 'EARTH', recordJson: '{}', reason: 'thử' } }, as: ADMIN, code: 'BAD_USER_INPUT', field: 'kind' },
    { what: 'record not JSON', query: EDIT, variables: { i: { kind: 'SECTOR', code: 'HEALTH', recordJson: '{name: ', reason: 'sửa tên' } }, as: ADMIN, code: 'BAD_USER_INPUT', field: 'recordJson' },
    { what: 'in the past', query: EDIT, variables: { i: { kind: 'SLA', code: 'LOW', validFrom: '2020-01-01', recordJson: '{"triageHours":1,"decisionHours":2}', reason: 'hồi tố' } }, as: ADMIN, code: 'BAD_USER_INPUT', field: 'validFrom' },
    { what: 'rule naming a missing agency', query: EDIT, variables: { i: { kind: 'RULE', code: 'D6_X', recordJson: JSON.stringify({ article: 'Đ6.7', description: 'thử', when: { always: true }, target: { agency: 'GHOST' }, role: 'INFORMED' }), reason: 'thêm quy tắc' } }, as: ADMIN, code: 'BAD_USER_INPUT', field: 'record' },
    { what: 'hostile code', query: EDIT, variables: { i: { kind: 'RULE', code: HOSTILE.sql, retire: true, reason: 'xóa' } }, as: ADMIN, code: 'BAD_USER_INPUT', field: 'code' },
  ],
  createUser: () => [
    { what: 'unknown agency', query: CREATE_USER, variables: { i: { username: 'new.officer', displayName: 'Cán bộ mới', agencyCode: 'GHOST', roles: ['OFFICER'] } }, as: ADMIN, code: 'BAD_USER_INPUT', field: 'agencyCode' },
    { what: 'unknown role', query: CREATE_USER, variables: { i: { username: 'new.officer', displayName: 'Cán bộ mới', agencyCode: 'SYT', roles: ['EMPEROR'] } }, as: ADMIN, code: 'BAD_USER_INPUT' },
    { what: 'existing username', query: CREATE_USER, variables: { i: { username: 'ca.officer', displayName: 'Trùng tên', agencyCode: 'CA', roles: ['OFFICER'] } }, as: ADMIN, code: 'CONFLICT' },
    { what: 'hostile username', query: CREATE_USER, variables: { i: { username: HOSTILE.script, displayName: 'Thử', agencyCode: 'SYT', roles: ['OFFICER'] } }, as: ADMIN, code: 'BAD_USER_INPUT', field: 'username' },
  ],
  updateUser: () => [
    { what: 'unknown user', query: UPDATE_USER, variables: { u: 'no.such.user', i: { displayName: 'Không có' } }, as: ADMIN, code: 'NOT_FOUND' },
    { what: 'investigator outside the police', query: UPDATE_USER, variables: { u: 'syt.officer', i: { roles: ['INVESTIGATOR'] } }, as: ADMIN, code: 'BAD_USER_INPUT' },
  ],
  disableUser: () => [
    { what: 'oneself', query: DISABLE_USER, variables: { u: 'admin', r: 'tự khóa' }, as: ADMIN, code: 'BAD_USER_INPUT' },
    { what: 'unknown user', query: DISABLE_USER, variables: { u: 'no.such.user', r: 'không có' }, as: ADMIN, code: 'NOT_FOUND' },
  ],
  enableUser: () => [
    { what: 'an active user', query: ENABLE_USER, variables: { u: 'ca.officer' }, as: ADMIN, code: 'INVALID_STATE' },
    { what: 'unknown user', query: ENABLE_USER, variables: { u: 'no.such.user' }, as: ADMIN, code: 'NOT_FOUND' },
  ],
  createApiKey: () => [
    { what: 'scope not open to machine clients', query: CREATE_KEY, variables: { i: { agencyCode: 'CA', name: 'Hệ thống giám sát', scopes: ['reorganizeAgencies'] } }, as: ADMIN, code: 'BAD_USER_INPUT', field: 'scopes' },
    { what: 'unknown agency', query: CREATE_KEY, variables: { i: { agencyCode: 'GHOST', name: 'Hệ thống giám sát', scopes: ['submitReport'] } }, as: ADMIN, code: 'BAD_USER_INPUT', field: 'agencyCode' },
    { what: 'expiry in the past', query: CREATE_KEY, variables: { i: { agencyCode: 'CA', name: 'Hệ thống giám sát', scopes: ['submitReport'], expiresAt: '2020-01-01T00:00:00Z' } }, as: ADMIN, code: 'BAD_USER_INPUT', field: 'expiresAt' },
  ],
  revokeApiKey: () => [
    { what: 'unknown key', query: REVOKE_KEY, variables: { id: GHOST, r: 'thu hồi' }, as: ADMIN, code: 'NOT_FOUND' },
    { what: 'not an id', query: REVOKE_KEY, variables: { id: HOSTILE.sql, r: 'thu hồi' }, as: ADMIN, code: 'BAD_USER_INPUT' },
  ],
  reorganizeAgencies: () => [
    { what: 'unknown agency', query: REORGANIZE, variables: { i: { effectiveDate: '2026-12-01', retire: ['GHOST'], successorCode: 'STNMT', reason: 'sáp nhập' } }, as: ADMIN, code: 'BAD_USER_INPUT' },
    { what: 'not a date', query: REORGANIZE, variables: { i: { effectiveDate: 'tomorrow', retire: ['STTTT'], successorCode: 'STNMT', reason: 'sáp nhập' } }, as: ADMIN, code: 'BAD_USER_INPUT' },
  ],
};

/** Issue 4, acceptance 4 (and the standards): every mutation refuses bad input with a stable code and changes nothing. */
describe('every mutation refuses bad input and illegal moves, and changes nothing', () => {
  let platform: Platform;
  let sql: Client;
  let lead: string;
  let fixtures: Fixtures;
  let tables: string[];

  beforeAll(async () => {
    platform = await startPlatform();
    lead = await platform.env.token(SeededUsers.stttLead);
    sql = new Client({ connectionString: platform.env.databaseUrl });
    await sql.connect();
    fixtures = await buildFixtures();
    const schemas = ['directory', 'intake', 'consultation', 'notification'].map((s) => platform.env.schema(s));
    const { rows } = await sql.query<{ name: string }>(`SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE' ORDER BY 1`, [schemas]);
    tables = rows.map((r) => r.name);
  }, 60_000);

  afterAll(async () => {
    await sql?.end();
    await platform?.stop();
  });

  const gql = <T>(query: string, variables: Record<string, unknown> = {}, token = lead) => graphqlRequest<T>(platform.graphqlUrl, query, variables, token);

  async function buildFixtures(): Promise<Fixtures> {
    const inAWeek = new Date(Date.now() + 7 * 86400_000).toISOString().slice(0, 10);
    const submit = async (excerpt: string, categoryCode: string) =>
      (await gql<{ submitReport: { case: { id: string; reports: { id: string }[] } } }>(SUBMIT_REPORT, { input: { url: `https://example.vn/fixture/${Math.random()}`, excerpt, categoryCode, localityCode: 'LE_THUY' } }, await platform.env.token(SeededUsers.lethuyOfficer))).data!.submitReport.case;
    const open = await submit('Tin đồn cá chết hàng loạt ở sông Gianh do nhà máy xả thải, người dân không nên ăn cá biển trong tháng này.', 'FALSE_INFO_PANIC');
    const triaged = await submit(FLOOD_RUMOUR, 'FALSE_INFO_PANIC');
    const acting = await submit(JOB_SCAM, 'IMPERSONATION_SCAM');
    for (const id of [triaged.id, acting.id]) await gql(`mutation($id: ID!) { triageCase(id: $id) { status } }`, { id });
    const consultation = await gql<{ openConsultation: { id: string } }>(`mutation($i: OpenConsultationInput!) { openConsultation(input: $i) { id } }`, {
      i: { caseId: triaged.id, mode: 'WRITTEN', invitedAgencyCodes: ['CA', 'BTG'], subject: 'Xin ý kiến xác minh', deadline: new Date(Date.now() + 86400_000).toISOString() },
    });
    const decided = await gql<{ decideCase: { actions: { id: string; type: string }[] } }>(`mutation($i: DecideCaseInput!) { decideCase(input: $i) { actions { id type } } }`, {
      i: {
        caseId: acting.id,
        finding: 'FALSE',
        provisionCodes: ['ND15_2020_D101'],
        assessment: grounds,
        statementOfReasons: reasons,
        actions: [
          { type: 'PUBLISH_CLARIFICATION', assigneeAgencyCode: 'STTTT', dueDate: inAWeek },
          { type: 'REQUEST_REMOVAL', assigneeAgencyCode: 'STTTT', dueDate: inAWeek },
        ],
      },
    });
    expect(consultation.errors).toBeUndefined();
    expect(decided.errors).toBeUndefined();
    const actions = decided.data!.decideCase.actions;
    return {
      openCaseId: open.id,
      openReportId: open.reports[0]!.id,
      triagedCaseId: triaged.id,
      consultationId: consultation.data!.openConsultation.id,
      actingCaseId: acting.id,
      clarificationId: actions.find((a) => a.type === 'PUBLISH_CLARIFICATION')!.id,
      removalId: actions.find((a) => a.type === 'REQUEST_REMOVAL')!.id,
      inAWeek,
    };
  }

  /** A digest of every row of every table of the test's services. */
  async function fingerprint(): Promise<string> {
    const parts: string[] = [];
    for (const table of tables) {
      const { rows } = await sql.query<{ d: string | null }>(`SELECT md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))) AS d FROM ${table} t`);
      parts.push(`${table}:${rows[0]!.d ?? ''}`);
    }
    return parts.join('\n');
  }

  /** The state once the events of earlier calls have been consumed and nothing has moved for a second. */
  async function settled(): Promise<string> {
    let last = await fingerprint();
    let quiet = 0;
    return eventually(async () => {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const now = await fingerprint();
      quiet = now === last ? quiet + 1 : 0;
      last = now;
      return quiet >= 4 ? now : undefined;
    }, 20_000, 0);
  }

  it('covers every mutation of the schema', async () => {
    const { data } = await gql<{ __schema: { mutationType: { fields: { name: string }[] } } }>(`{ __schema { mutationType { fields { name } } } }`);
    const mutations = data!.__schema.mutationType.fields.map((f) => f.name).sort();
    expect(Object.keys(REFUSALS).sort()).toEqual(mutations);
  });

  it.each(Object.keys(REFUSALS))('%s', async (mutation) => {
    const refusals = REFUSALS[mutation]!(fixtures);
    expect(refusals.length).toBeGreaterThanOrEqual(2);
    const before = await settled();
    for (const refusal of refusals) {
      const token = refusal.as ? await platform.env.token(refusal.as) : lead;
      const result = await gql(refusal.query, refusal.variables ?? {}, token);
      const error = result.errors?.[0];
      expect({ what: refusal.what, data: result.data?.[mutation as keyof typeof result.data] ?? null, code: error?.extensions?.['code'] }).toEqual({ what: refusal.what, data: null, code: refusal.code });
      if (refusal.field) expect({ what: refusal.what, field: error?.extensions?.['field'] }).toEqual({ what: refusal.what, field: refusal.field });
      expect(error?.message).not.toMatch(/Internal|at \w+ \(|node_modules/);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await fingerprint()).toEqual(before);
  });
});
