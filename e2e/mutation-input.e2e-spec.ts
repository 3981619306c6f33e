import { randomBytes } from 'node:crypto';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { Client as PgClient } from 'pg';
import { SeededUsers, eventually, graphqlRequest, type GraphQLResponse, type TestUser } from '@phoi-hop/testing';
import { startPlatform, type Platform } from './support/platform';

/**
 * Every mutation refuses bad input and illegal transitions with a stable code
 * and changes nothing. One entry per mutation of the schema (a new mutation without an entry fails
 * the first test); each entry lists its cases. A refused case must come back with its code (never
 * INTERNAL) and leave every table of every service, the event stream and the entity it aimed at
 * exactly as they were. Free text with hostile content is accepted and stored verbatim, or refused
 * with a stable code: never an internal error.
 */

type Vars = Record<string, unknown>;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The fixtures the cases aim at, made once through the API (see `buildWorld`). */
interface World {
  openCase: string;
  triagedCase: string;
  dismissedCase: string;
  actingCase: string;
  plannedAction: string;
  closedCase: string;
  doneAction: string;
  written: string;
  meeting: string;
  answered: string;
  resolved: string;
  subscription: string;
  revokedSubscription: string;
  delivery: string;
  focalPoint: string;
  /** A fresh case (reported by UBND Lệ Thủy, led by Sở TT&TT), triaged when asked. */
  newCase(triage?: boolean): Promise<string>;
  /** A fresh written consultation on a fresh case that CA has answered, ready to resolve. */
  newAnsweredConsultation(): Promise<string>;
  sql(query: string, params?: unknown[]): Promise<Json[]>;
  schema(service: string): string;
}

interface Refused {
  code: string;
  field?: string;
}
interface Accepted {
  /** Expectations on what was stored (read back from the response or the database). */
  stored(data: Json, variables: Vars, world: World): Promise<void> | void;
}

interface MutationCase {
  name: string;
  /** Default: the lead agency's coordinator (Sở TT&TT). */
  as?: TestUser;
  /** Default: the entry's document. */
  document?: string;
  variables(world: World): Vars | Promise<Vars>;
  expect: Refused | Accepted;
  /** The entity the mutation aims at, as the API shows it; compared before and after a refusal. */
  watch?(world: World, variables: Vars): Promise<unknown>;
}

interface MutationEntry {
  document: string;
  cases: MutationCase[];
}

const NO_ID = '00000000-0000-4000-8000-000000000000';
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const yesterday = () => new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);

/** Hostile text: markup, bidi override, SQL, a NUL byte; and text longer than a field allows. */
const HOSTILE = `<script>alert('x')</script><img src=x onerror=alert(1)> ‮txt.exe‬ '); DROP TABLE handling_case; -- %s %n {{7*7}} \${7*7}`;
const NUL = 'Nội dung có ký tự \u0000 NUL ở giữa';
const long = (n: number) => 'Đ'.repeat(n);
/** Text of 10,000 characters, hostile at both ends. */
const HOSTILE_10K = `${HOSTILE} ${'ư'.repeat(10_000 - 2 * HOSTILE.length - 2)} ${HOSTILE}`;

const lead = SeededUsers.stttLead;
const admin: TestUser = { username: 'admin', agencyCode: 'STTTT', roles: ['ADMIN'] };
const refuse = (code: string, field?: string): Refused => ({ code, ...(field ? { field } : {}) });
const BAD = (field?: string) => refuse('BAD_USER_INPUT', field);

// The entity views compared before and after a refusal.
const CASE_VIEW = `query($id: ID!) { case(id: $id) { id number status severity assignedOfficers triagedAt reportCount
  participants { agency { code } role basis } participantHistory { agency { code } role endedAt } possibleDuplicates { caseId }
  deadlines { kind actionId deadline remindedAt escalatedAt closedAt } reports(first: 100) { edges { node { id url excerpt note } } } } }`;
const CONSULTATION_VIEW = `query($id: ID!) { consultation(id: $id) { id status mode subject deadline meetingAt minutes
  invitations { agencyCode position reasoning alternativeProposal attachments { name url } late present representative respondedAt remindedAt escalatedAt }
  dissentingViews { agencyCode view } resolution { summary plan { type assigneeAgencyCode dueDate details } } } }`;

let viewer: (query: string, variables: Vars, user?: TestUser) => Promise<unknown>;
const caseView = (id: string) => viewer(CASE_VIEW, { id });
const consultationView = (id: string) => viewer(CONSULTATION_VIEW, { id });

const REPORT = `mutation($i: SubmitReportInput!) { submitReport(input: $i) { merged report { id url excerpt note observedAt estimatedReach } case { id status } } }`;
const reportInput = (overrides: Vars = {}) => ({
  i: { url: `https://example.vn/bai-viet/${randomBytes(6).toString('hex')}`, excerpt: uniqueText(), categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY', ...overrides },
});
/** Text unlike any other report's, so that it opens a case of its own. */
function uniqueText(): string {
  return Array.from({ length: 16 }, () => randomBytes(4).toString('hex')).join(' ');
}

const written = (w: World, overrides: Vars = {}) => ({
  caseId: w.triagedCase,
  mode: 'WRITTEN',
  invitedAgencyCodes: ['CA'],
  subject: 'Xin ý kiến về tin đồn trong vụ việc kiểm thử',
  deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  ...overrides,
});
const decision = (caseId: string, overrides: Vars = {}) => ({
  caseId,
  finding: 'TRUE',
  provisionCodes: [],
  statementOfReasons: 'Thông tin đúng sự thật; theo dõi thêm.',
  actions: [{ type: 'MONITOR', assigneeAgencyCode: 'STTTT', dueDate: inAMonth() }],
  ...overrides,
});

/** Every mutation of the gateway schema and its cases. Add an entry with a new mutation. */
const MUTATIONS: Record<string, MutationEntry> = {
  submitReport: {
    document: REPORT,
    cases: [
      { name: 'url of the wrong type', as: SeededUsers.lethuyOfficer, variables: () => reportInput({ url: 42 }), expect: BAD() },
      { name: 'no excerpt', as: SeededUsers.lethuyOfficer, variables: () => ({ i: { url: 'https://example.vn/a', categoryCode: 'OTHER' } }), expect: BAD() },
      { name: 'a javascript: url', as: SeededUsers.lethuyOfficer, variables: () => reportInput({ url: 'javascript:alert(1)' }), expect: BAD('url') },
      { name: 'a url over 2,048 characters', as: SeededUsers.lethuyOfficer, variables: () => reportInput({ url: `https://example.vn/${'a'.repeat(2_100)}` }), expect: BAD('url') },
      { name: 'an excerpt over 20,000 characters', as: SeededUsers.lethuyOfficer, variables: () => reportInput({ excerpt: long(20_001) }), expect: BAD('excerpt') },
      { name: 'a blank excerpt', as: SeededUsers.lethuyOfficer, variables: () => reportInput({ excerpt: ' \n\t ' }), expect: BAD('excerpt') },
      { name: 'a NUL byte in the excerpt', as: SeededUsers.lethuyOfficer, variables: () => reportInput({ excerpt: NUL }), expect: BAD('excerpt') },
      { name: 'a NUL byte in the note', as: SeededUsers.lethuyOfficer, variables: () => reportInput({ note: NUL }), expect: BAD('note') },
      { name: 'an unknown category', as: SeededUsers.lethuyOfficer, variables: () => reportInput({ categoryCode: 'NO_SUCH_CATEGORY' }), expect: BAD('categoryCode') },
      { name: 'SQL as a category', as: SeededUsers.lethuyOfficer, variables: () => reportInput({ categoryCode: "OTHER'; DROP TABLE report; --" }), expect: BAD('categoryCode') },
      { name: 'an unknown locality', as: SeededUsers.lethuyOfficer, variables: () => reportInput({ localityCode: 'ATLANTIS' }), expect: BAD('localityCode') },
      { name: 'observedAt not a date', as: SeededUsers.lethuyOfficer, variables: () => reportInput({ observedAt: 'hôm qua' }), expect: BAD('observedAt') },
      { name: 'observedAt in year 0', as: SeededUsers.lethuyOfficer, variables: () => reportInput({ observedAt: '0000-01-01T00:00:00Z' }), expect: BAD('observedAt') },
      { name: 'observedAt in the future', as: SeededUsers.lethuyOfficer, variables: () => reportInput({ observedAt: '2999-01-01T00:00:00Z' }), expect: BAD('observedAt') },
      { name: 'a negative reach', as: SeededUsers.lethuyOfficer, variables: () => reportInput({ estimatedReach: -5 }), expect: BAD('estimatedReach') },
      { name: 'an astronomical reach', as: SeededUsers.lethuyOfficer, variables: () => reportInput({ estimatedReach: 1e300 }), expect: BAD('estimatedReach') },
      {
        name: 'hostile text of 10,000 characters, stored verbatim',
        as: SeededUsers.lethuyOfficer,
        variables: () => reportInput({ excerpt: `${HOSTILE_10K} ${uniqueText()}`, note: HOSTILE }),
        expect: {
          stored: (data, v) => {
            const input = v['i'] as Vars;
            expect(data['submitReport'].report).toMatchObject({ excerpt: input['excerpt'], note: HOSTILE });
          },
        },
      },
    ],
  },

  triageCase: {
    document: `mutation($id: ID!, $s: Severity, $o: [String!]) { triageCase(id: $id, severity: $s, assignedOfficers: $o) { id status severity assignedOfficers } }`,
    cases: [
      { name: 'a severity that does not exist', variables: (w) => ({ id: w.openCase, s: 'EXTREME' }), expect: BAD(), watch: (w) => caseView(w.openCase) },
      { name: 'an id that is not an id', variables: () => ({ id: "1' OR '1'='1" }), expect: BAD('caseId') },
      { name: 'an unknown case', variables: () => ({ id: NO_ID }), expect: refuse('NOT_FOUND') },
      { name: 'a case already triaged', variables: (w) => ({ id: w.triagedCase }), expect: refuse('INVALID_STATE'), watch: (w) => caseView(w.triagedCase) },
      { name: 'a closed case', variables: (w) => ({ id: w.closedCase }), expect: refuse('INVALID_STATE'), watch: (w) => caseView(w.closedCase) },
      { name: 'markup as an officer', variables: (w) => ({ id: w.openCase, o: ['<script>'] }), expect: BAD('assignedOfficers'), watch: (w) => caseView(w.openCase) },
      { name: 'an unknown officer', variables: (w) => ({ id: w.openCase, o: ['ghost.officer'] }), expect: BAD('assignedOfficers'), watch: (w) => caseView(w.openCase) },
      { name: 'an officer of an agency not on the case', variables: (w) => ({ id: w.openCase, o: ['syt.officer'] }), expect: BAD('assignedOfficers'), watch: (w) => caseView(w.openCase) },
    ],
  },

  dismissCase: {
    document: `mutation($id: ID!, $r: String!) { dismissCase(id: $id, reason: $r) { id status } }`,
    cases: [
      { name: 'no reason', document: `mutation($id: ID!) { dismissCase(id: $id) { id } }`, variables: (w) => ({ id: w.openCase }), expect: BAD(), watch: (w) => caseView(w.openCase) },
      { name: 'an id of the wrong type', variables: () => ({ id: { id: NO_ID }, r: 'Không thuộc phạm vi' }), expect: BAD() },
      { name: 'a blank reason', variables: (w) => ({ id: w.openCase, r: '  ' }), expect: BAD('reason'), watch: (w) => caseView(w.openCase) },
      { name: 'a reason over 2,000 characters', variables: (w) => ({ id: w.openCase, r: long(2_001) }), expect: BAD('reason'), watch: (w) => caseView(w.openCase) },
      { name: 'a NUL byte in the reason', variables: (w) => ({ id: w.openCase, r: NUL }), expect: BAD('reason'), watch: (w) => caseView(w.openCase) },
      { name: 'an unknown case', variables: () => ({ id: NO_ID, r: 'Không có vụ việc này' }), expect: refuse('NOT_FOUND') },
      { name: 'a case being acted on', variables: (w) => ({ id: w.actingCase, r: 'Bác bỏ khi đang xử lý' }), expect: refuse('INVALID_STATE'), watch: (w) => caseView(w.actingCase) },
      { name: 'a case already dismissed', variables: (w) => ({ id: w.dismissedCase, r: 'Bác bỏ lần thứ hai' }), expect: refuse('INVALID_STATE'), watch: (w) => caseView(w.dismissedCase) },
      {
        name: 'a hostile reason, stored verbatim',
        variables: async (w) => ({ id: await w.newCase(), r: HOSTILE }),
        expect: {
          stored: async (data, v, w) => {
            expect(data['dismissCase'].status).toBe('DISMISSED');
            const [event] = await w.sql(`SELECT envelope->'data'->>'reason' AS reason FROM "${w.schema('intake')}".outbox WHERE subject = 'evt.intake.case.status-changed' AND envelope->>'aggregateId' = $1 AND envelope->'data'->>'to' = 'DISMISSED'`, [v['id']]);
            expect(event!['reason']).toBe(HOSTILE);
          },
        },
      },
    ],
  },

  reopenCase: {
    document: `mutation($id: ID!, $r: String!) { reopenCase(id: $id, reason: $r) { id status } }`,
    cases: [
      { name: 'a reason of the wrong type', variables: (w) => ({ id: w.dismissedCase, r: { text: 'x' } }), expect: BAD(), watch: (w) => caseView(w.dismissedCase) },
      { name: 'an open case', variables: (w) => ({ id: w.openCase, r: 'Mở lại một vụ việc đang mở' }), expect: refuse('INVALID_STATE'), watch: (w) => caseView(w.openCase) },
      { name: 'a case being acted on', variables: (w) => ({ id: w.actingCase, r: 'Mở lại khi đang xử lý' }), expect: refuse('INVALID_STATE'), watch: (w) => caseView(w.actingCase) },
      { name: 'a too short reason', variables: (w) => ({ id: w.dismissedCase, r: 'x' }), expect: BAD('reason'), watch: (w) => caseView(w.dismissedCase) },
      { name: 'a NUL byte in the reason', variables: (w) => ({ id: w.dismissedCase, r: NUL }), expect: BAD('reason'), watch: (w) => caseView(w.dismissedCase) },
      { name: 'an unknown case', variables: () => ({ id: NO_ID, r: 'Không có vụ việc này' }), expect: refuse('NOT_FOUND') },
    ],
  },

  closeCase: {
    document: `mutation($id: ID!, $o: String!) { closeCase(id: $id, outcome: $o) { id status } }`,
    cases: [
      { name: 'an outcome of the wrong type', variables: (w) => ({ id: w.actingCase, o: ['Đã xong'] }), expect: BAD(), watch: (w) => caseView(w.actingCase) },
      { name: 'with actions not done', variables: (w) => ({ id: w.actingCase, o: 'Đóng khi còn việc chưa làm' }), expect: refuse('INVALID_STATE'), watch: (w) => caseView(w.actingCase) },
      { name: 'an open case', variables: (w) => ({ id: w.openCase, o: 'Đóng một vụ việc chưa quyết định' }), expect: refuse('INVALID_STATE'), watch: (w) => caseView(w.openCase) },
      { name: 'a case already closed', variables: (w) => ({ id: w.closedCase, o: 'Đóng lần thứ hai cho chắc' }), expect: refuse('INVALID_STATE'), watch: (w) => caseView(w.closedCase) },
      { name: 'an outcome over 2,000 characters', variables: (w) => ({ id: w.actingCase, o: long(2_001) }), expect: BAD('outcome'), watch: (w) => caseView(w.actingCase) },
      { name: 'a NUL byte in the outcome', variables: (w) => ({ id: w.actingCase, o: NUL }), expect: BAD('outcome'), watch: (w) => caseView(w.actingCase) },
      { name: 'an unknown case', variables: () => ({ id: NO_ID, o: 'Không có vụ việc này' }), expect: refuse('NOT_FOUND') },
    ],
  },

  mergeCases: {
    document: `mutation($c: ID!, $into: ID!, $r: String!) { mergeCases(caseId: $c, intoCaseId: $into, reason: $r) { id status } }`,
    cases: [
      { name: 'a reason of the wrong type', variables: (w) => ({ c: w.openCase, into: w.triagedCase, r: 12 }), expect: BAD(), watch: (w) => caseView(w.openCase) },
      { name: 'a case into itself', variables: (w) => ({ c: w.openCase, into: w.openCase, r: 'Cùng nội dung' }), expect: BAD('intoCaseId'), watch: (w) => caseView(w.openCase) },
      { name: 'an id that is not an id', variables: (w) => ({ c: w.openCase, into: 'không-phải-id', r: 'Cùng nội dung' }), expect: BAD('intoCaseId'), watch: (w) => caseView(w.openCase) },
      { name: 'into an unknown case', variables: (w) => ({ c: w.openCase, into: NO_ID, r: 'Cùng nội dung' }), expect: refuse('NOT_FOUND', 'intoCaseId'), watch: (w) => caseView(w.openCase) },
      { name: 'an unknown case', variables: (w) => ({ c: NO_ID, into: w.openCase, r: 'Cùng nội dung' }), expect: refuse('NOT_FOUND'), watch: (w) => caseView(w.openCase) },
      { name: 'a case being acted on', variables: (w) => ({ c: w.actingCase, into: w.openCase, r: 'Cùng nội dung' }), expect: refuse('INVALID_STATE'), watch: (w) => caseView(w.actingCase) },
      { name: 'into a closed case', variables: (w) => ({ c: w.openCase, into: w.closedCase, r: 'Cùng nội dung' }), expect: refuse('INVALID_STATE', 'intoCaseId'), watch: (w) => caseView(w.openCase) },
      { name: 'a blank reason', variables: (w) => ({ c: w.openCase, into: w.triagedCase, r: ' ' }), expect: BAD('reason'), watch: (w) => caseView(w.openCase) },
      { name: 'a NUL byte in the reason', variables: (w) => ({ c: w.openCase, into: w.triagedCase, r: NUL }), expect: BAD('reason'), watch: (w) => caseView(w.openCase) },
      { name: 'a reason over 2,000 characters', variables: (w) => ({ c: w.openCase, into: w.triagedCase, r: long(2_001) }), expect: BAD('reason'), watch: (w) => caseView(w.openCase) },
    ],
  },

  rejectDuplicate: {
    document: `mutation($c: ID!, $d: ID!) { rejectDuplicate(caseId: $c, duplicateCaseId: $d) { id possibleDuplicates { caseId } } }`,
    cases: [
      { name: 'a case that is not a suggestion', variables: (w) => ({ c: w.openCase, d: w.triagedCase }), expect: BAD('duplicateCaseId'), watch: (w) => caseView(w.openCase) },
      { name: 'an unknown case', variables: (w) => ({ c: NO_ID, d: w.openCase }), expect: refuse('NOT_FOUND') },
      { name: 'an id that is not an id', variables: (w) => ({ c: w.openCase, d: '<script>' }), expect: BAD('duplicateCaseId'), watch: (w) => caseView(w.openCase) },
      { name: 'ids of the wrong type', variables: () => ({ c: [1, 2], d: true }), expect: BAD() },
    ],
  },

  decideCase: {
    document: `mutation($i: DecideCaseInput!) { decideCase(input: $i) { decisionId case { id status } actions { id type assigneeAgencyCode dueDate status } } }`,
    cases: [
      { name: 'an open case', variables: (w) => ({ i: decision(w.openCase) }), expect: refuse('INVALID_STATE'), watch: (w) => caseView(w.openCase) },
      { name: 'a closed case', variables: (w) => ({ i: decision(w.closedCase) }), expect: refuse('INVALID_STATE'), watch: (w) => caseView(w.closedCase) },
      { name: 'a case already decided', variables: (w) => ({ i: decision(w.actingCase) }), expect: refuse('INVALID_STATE'), watch: (w) => caseView(w.actingCase) },
      { name: 'an unknown case', variables: () => ({ i: decision(NO_ID) }), expect: refuse('NOT_FOUND') },
      { name: 'actions of the wrong type', variables: (w) => ({ i: decision(w.triagedCase, { actions: 'none' }) }), expect: BAD(), watch: (w) => caseView(w.triagedCase) },
      { name: 'a finding that does not exist', variables: (w) => ({ i: decision(w.triagedCase, { finding: 'MAYBE' }) }), expect: BAD('finding'), watch: (w) => caseView(w.triagedCase) },
      {
        name: 'a due date that is no date',
        variables: (w) => ({ i: decision(w.triagedCase, { actions: [{ type: 'MONITOR', assigneeAgencyCode: 'STTTT', dueDate: '2099-02-30' }] }) }),
        expect: BAD('actions.0.dueDate'),
        watch: (w) => caseView(w.triagedCase),
      },
      {
        name: 'a due date in the past',
        variables: (w) => ({ i: decision(w.triagedCase, { actions: [{ type: 'MONITOR', assigneeAgencyCode: 'STTTT', dueDate: yesterday() }] }) }),
        expect: BAD('actions.0.dueDate'),
        watch: (w) => caseView(w.triagedCase),
      },
      {
        name: 'an action for an agency that does not exist',
        variables: (w) => ({ i: decision(w.triagedCase, { actions: [{ type: 'MONITOR', assigneeAgencyCode: 'GHOST_AGENCY', dueDate: inAMonth() }] }) }),
        expect: BAD('actions.0.assigneeAgencyCode'),
        watch: (w) => caseView(w.triagedCase),
      },
      {
        name: 'an action type that does not exist',
        variables: (w) => ({ i: decision(w.triagedCase, { actions: [{ type: 'ARREST', assigneeAgencyCode: 'CA', dueDate: inAMonth() }] }) }),
        expect: BAD('actions.0.type'),
        watch: (w) => caseView(w.triagedCase),
      },
      { name: 'an unknown provision', variables: (w) => ({ i: decision(w.triagedCase, { provisionCodes: ['NO_SUCH_LAW'] }) }), expect: BAD('provisionCodes'), watch: (w) => caseView(w.triagedCase) },
      {
        name: 'a removal without grounds',
        variables: (w) => ({ i: decision(w.triagedCase, { actions: [{ type: 'REQUEST_REMOVAL', assigneeAgencyCode: 'STTTT', dueDate: inAMonth() }] }) }),
        expect: refuse('RESTRICTIVE_ACTION_NOT_GROUNDED', 'finding'),
        watch: (w) => caseView(w.triagedCase),
      },
      { name: 'a consultation that does not exist', variables: (w) => ({ i: decision(w.triagedCase, { consultationId: NO_ID, actions: [] }) }), expect: BAD('consultationId'), watch: (w) => caseView(w.triagedCase) },
      { name: 'reasons over 10,000 characters', variables: (w) => ({ i: decision(w.triagedCase, { statementOfReasons: long(10_001) }) }), expect: BAD('statementOfReasons'), watch: (w) => caseView(w.triagedCase) },
      { name: 'a NUL byte in the reasons', variables: (w) => ({ i: decision(w.triagedCase, { statementOfReasons: NUL }) }), expect: BAD('statementOfReasons'), watch: (w) => caseView(w.triagedCase) },
      {
        name: 'a NUL byte in the assessment',
        variables: (w) => ({
          i: decision(w.triagedCase, {
            assessment: { isFactualClaim: true, isPublicInterestReporting: false, isGenuineGrievance: false, proportionality: NUL, concludesNotProtected: false },
          }),
        }),
        expect: BAD('assessment.proportionality'),
        watch: (w) => caseView(w.triagedCase),
      },
      {
        name: 'hostile reasons of 10,000 characters and details, stored verbatim',
        variables: async (w) => ({
          i: decision(await w.newCase(true), { statementOfReasons: HOSTILE_10K, actions: [{ type: 'MONITOR', assigneeAgencyCode: 'STTTT', dueDate: inAMonth(), details: HOSTILE }] }),
        }),
        expect: {
          stored: async (data, _v, w) => {
            expect(data['decideCase'].case.status).toBe('ACTING');
            const [row] = await w.sql(`SELECT d.statement_of_reasons, a.details FROM "${w.schema('intake')}".decision d JOIN "${w.schema('intake')}".handling_action a ON a.decision_id = d.id WHERE d.id = $1`, [data['decideCase'].decisionId]);
            expect(row).toEqual({ statement_of_reasons: HOSTILE_10K, details: HOSTILE });
          },
        },
      },
    ],
  },

  updateHandlingAction: {
    document: `mutation($i: UpdateHandlingActionInput!) { updateHandlingAction(input: $i) { id status } }`,
    cases: [
      { name: 'links of the wrong type', variables: (w) => ({ i: { actionId: w.plannedAction, status: 'IN_PROGRESS', links: [{ href: 'https://example.vn' }] } }), expect: BAD(), watch: (w) => caseView(w.actingCase) },
      { name: 'a status that does not exist', variables: (w) => ({ i: { actionId: w.plannedAction, status: 'CANCELLED' } }), expect: BAD('status'), watch: (w) => caseView(w.actingCase) },
      { name: 'done without a result', variables: (w) => ({ i: { actionId: w.plannedAction, status: 'DONE' } }), expect: BAD('result'), watch: (w) => caseView(w.actingCase) },
      { name: 'an action of a closed case', variables: (w) => ({ i: { actionId: w.doneAction, status: 'IN_PROGRESS' } }), expect: refuse('INVALID_STATE'), watch: (w) => caseView(w.closedCase) },
      { name: 'an unknown action', variables: () => ({ i: { actionId: NO_ID, status: 'IN_PROGRESS' } }), expect: refuse('NOT_FOUND') },
      { name: 'another agency’s action', as: SeededUsers.sytOfficer, variables: (w) => ({ i: { actionId: w.plannedAction, status: 'IN_PROGRESS' } }), expect: refuse('NOT_FOUND'), watch: (w) => caseView(w.actingCase) },
      { name: 'a javascript: link', variables: (w) => ({ i: { actionId: w.plannedAction, status: 'IN_PROGRESS', links: ['javascript:alert(1)'] } }), expect: BAD('links'), watch: (w) => caseView(w.actingCase) },
      { name: 'too many links', variables: (w) => ({ i: { actionId: w.plannedAction, status: 'IN_PROGRESS', links: Array.from({ length: 21 }, (_, i) => `https://example.vn/${i}`) } }), expect: BAD('links') },
      { name: 'a result over 5,000 characters', variables: (w) => ({ i: { actionId: w.plannedAction, status: 'DONE', result: long(5_001) } }), expect: BAD('result'), watch: (w) => caseView(w.actingCase) },
      { name: 'a NUL byte in the result', variables: (w) => ({ i: { actionId: w.plannedAction, status: 'DONE', result: NUL } }), expect: BAD('result'), watch: (w) => caseView(w.actingCase) },
      {
        name: 'a hostile result, stored verbatim',
        variables: (w) => ({ i: { actionId: w.plannedAction, status: 'IN_PROGRESS', result: HOSTILE, links: ['https://example.vn/?q=<script>'] } }),
        expect: {
          stored: async (data, _v, w) => {
            const [row] = await w.sql(`SELECT result, links FROM "${w.schema('intake')}".handling_action WHERE id = $1`, [data['updateHandlingAction'].id]);
            expect(row).toEqual({ result: HOSTILE, links: ['https://example.vn/?q=<script>'] });
          },
        },
      },
    ],
  },

  updateRemovalRequest: {
    document: `mutation($i: UpdateRemovalRequestInput!) { updateRemovalRequest(input: $i) { id status } }`,
    cases: [
      { name: 'an action that is not a removal request', variables: (w) => ({ i: { actionId: w.plannedAction, requestReference: 'CV-1' } }), expect: BAD('actionId'), watch: (w) => caseView(w.actingCase) },
      { name: 'an unknown action', variables: () => ({ i: { actionId: NO_ID, requestReference: 'CV-1' } }), expect: refuse('NOT_FOUND') },
      { name: 'an outcome that does not exist', variables: (w) => ({ i: { actionId: w.plannedAction, outcome: 'VANISHED' } }), expect: BAD('outcome'), watch: (w) => caseView(w.actingCase) },
      { name: 'a reference over 200 characters', variables: (w) => ({ i: { actionId: w.plannedAction, requestReference: long(201) } }), expect: BAD('requestReference'), watch: (w) => caseView(w.actingCase) },
      { name: 'a NUL byte in the reference', variables: (w) => ({ i: { actionId: w.plannedAction, requestReference: NUL } }), expect: BAD('requestReference') },
      { name: 'an action of a closed case', variables: (w) => ({ i: { actionId: w.doneAction, requestReference: 'CV-1' } }), expect: refuse('INVALID_STATE'), watch: (w) => caseView(w.closedCase) },
    ],
  },

  splitReport: {
    document: `mutation($c: ID!, $r: ID!, $why: String!) { splitReport(caseId: $c, reportId: $r, reason: $why) { newCase { id } } }`,
    cases: [
      { name: 'a report id that is not an id', variables: (w) => ({ c: w.openCase, r: HOSTILE, why: 'Nội dung khác' }), expect: BAD('reportId'), watch: (w) => caseView(w.openCase) },
      { name: 'an unknown report', variables: (w) => ({ c: w.openCase, r: NO_ID, why: 'Nội dung khác' }), expect: refuse('NOT_FOUND', 'reportId'), watch: (w) => caseView(w.openCase) },
      { name: 'an unknown case', variables: () => ({ c: NO_ID, r: NO_ID, why: 'Nội dung khác' }), expect: refuse('NOT_FOUND') },
      { name: 'a blank reason', variables: (w) => ({ c: w.openCase, r: NO_ID, why: '  ' }), expect: BAD('reason'), watch: (w) => caseView(w.openCase) },
      {
        name: 'the only report of a case',
        variables: async (w) => ({ c: w.openCase, r: ((await w.sql(`SELECT id FROM "${w.schema('intake')}".report WHERE case_id = $1`, [w.openCase]))[0] as Json)['id'], why: 'Nội dung khác' }),
        expect: refuse('INVALID_STATE', 'reportId'),
        watch: (w) => caseView(w.openCase),
      },
      {
        name: 'a decided case',
        variables: async (w) => ({ c: w.actingCase, r: ((await w.sql(`SELECT id FROM "${w.schema('intake')}".report WHERE case_id = $1`, [w.actingCase]))[0] as Json)['id'], why: 'Nội dung khác' }),
        expect: refuse('INVALID_STATE'),
        watch: (w) => caseView(w.actingCase),
      },
    ],
  },

  editReference: {
    document: `mutation($i: EditReferenceInput!) { editReference(input: $i) { id } }`,
    cases: [
      { name: 'a kind that does not exist', as: admin, variables: () => ({ i: { kind: 'PLANET', code: 'EARTH', recordJson: '{}', reason: 'Thử nghiệm' } }), expect: BAD('kind') },
      { name: 'a record that is not JSON', as: admin, variables: () => ({ i: { kind: 'SECTOR', code: 'HEALTH', recordJson: '{name: ', reason: 'Sửa tên' } }), expect: BAD('recordJson') },
      { name: 'a version in the past', as: admin, variables: () => ({ i: { kind: 'SLA', code: 'LOW', validFrom: '2020-01-01', recordJson: '{"triageHours":1,"decisionHours":2}', reason: 'Hồi tố' } }), expect: BAD('validFrom') },
      { name: 'a day that is no day', as: admin, variables: () => ({ i: { kind: 'SLA', code: 'LOW', validFrom: '2099-02-30', recordJson: '{"triageHours":1,"decisionHours":2}', reason: 'Ngày sai' } }), expect: BAD('validFrom') },
      {
        name: 'a rule naming an agency that does not exist',
        as: admin,
        variables: () => ({ i: { kind: 'RULE', code: 'D6_X', recordJson: JSON.stringify({ article: 'Đ6.7', description: 'Thử', when: { always: true }, target: { agency: 'GHOST' }, role: 'INFORMED' }), reason: 'Thêm quy tắc' } }),
        expect: BAD('record'),
      },
      { name: 'SQL as a code', as: admin, variables: () => ({ i: { kind: 'RULE', code: "X'; DROP TABLE agency; --", retire: true, reason: 'Xóa' } }), expect: BAD('code') },
      { name: 'a NUL byte in the reason', as: admin, variables: () => ({ i: { kind: 'RULE', code: 'D6_1_LEAD', retire: true, reason: NUL } }), expect: BAD('reason') },
    ],
  },

  createUser: {
    document: `mutation($i: CreateUserInput!) { createUser(input: $i) { username } }`,
    cases: [
      { name: 'an unknown agency', as: admin, variables: () => ({ i: { username: 'new.officer', displayName: 'Cán bộ mới', agencyCode: 'GHOST', roles: ['OFFICER'] } }), expect: BAD('agencyCode') },
      { name: 'a role that does not exist', as: admin, variables: () => ({ i: { username: 'new.officer', displayName: 'Cán bộ mới', agencyCode: 'SYT', roles: ['EMPEROR'] } }), expect: BAD() },
      { name: 'a username taken', as: admin, variables: () => ({ i: { username: 'ca.officer', displayName: 'Trùng tên', agencyCode: 'CA', roles: ['OFFICER'] } }), expect: refuse('CONFLICT') },
      { name: 'markup as a username', as: admin, variables: () => ({ i: { username: '<script>', displayName: 'Thử', agencyCode: 'SYT', roles: ['OFFICER'] } }), expect: BAD('username') },
      { name: 'a NUL byte in the name', as: admin, variables: () => ({ i: { username: 'nul.officer', displayName: NUL, agencyCode: 'SYT', roles: ['OFFICER'] } }), expect: BAD('displayName') },
      { name: 'a subject with spaces', as: admin, variables: () => ({ i: { username: 'sub.officer', displayName: 'Cán bộ mới', agencyCode: 'SYT', roles: ['OFFICER'], subject: 'a b' } }), expect: BAD('subject') },
    ],
  },

  updateUser: {
    document: `mutation($u: String!, $i: UpdateUserInput!) { updateUser(username: $u, input: $i) { username } }`,
    cases: [
      { name: 'an unknown user', as: admin, variables: () => ({ u: 'no.such.user', i: { displayName: 'Không có' } }), expect: refuse('NOT_FOUND') },
      { name: 'an investigator outside the police', as: admin, variables: () => ({ u: 'syt.officer', i: { roles: ['INVESTIGATOR'] } }), expect: BAD() },
      { name: 'a subject longer than 255 characters', as: admin, variables: () => ({ u: 'syt.officer', i: { subject: 'x'.repeat(256) } }), expect: BAD('subject') },
    ],
  },

  disableUser: {
    document: `mutation($u: String!, $r: String!) { disableUser(username: $u, reason: $r) { username } }`,
    cases: [
      { name: 'oneself', as: admin, variables: () => ({ u: 'admin', r: 'Tự khóa' }), expect: BAD() },
      { name: 'an unknown user', as: admin, variables: () => ({ u: 'no.such.user', r: 'Không có' }), expect: refuse('NOT_FOUND') },
    ],
  },

  enableUser: {
    document: `mutation($u: String!) { enableUser(username: $u) { username } }`,
    cases: [
      { name: 'an active user', as: admin, variables: () => ({ u: 'ca.officer' }), expect: refuse('INVALID_STATE') },
      { name: 'an unknown user', as: admin, variables: () => ({ u: 'no.such.user' }), expect: refuse('NOT_FOUND') },
    ],
  },

  createApiKey: {
    document: `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { apiKey { id } } }`,
    cases: [
      { name: 'a scope not open to machine clients', as: admin, variables: () => ({ i: { agencyCode: 'CA', name: 'Hệ thống giám sát', scopes: ['reorganizeAgencies'] } }), expect: BAD('scopes') },
      { name: 'an unknown agency', as: admin, variables: () => ({ i: { agencyCode: 'GHOST', name: 'Hệ thống giám sát', scopes: ['submitReport'] } }), expect: BAD('agencyCode') },
      { name: 'an expiry in the past', as: admin, variables: () => ({ i: { agencyCode: 'CA', name: 'Hệ thống giám sát', scopes: ['submitReport'], expiresAt: '2020-01-01T00:00:00Z' } }), expect: BAD('expiresAt') },
    ],
  },

  revokeApiKey: {
    document: `mutation($id: ID!, $r: String!) { revokeApiKey(id: $id, reason: $r) { id } }`,
    cases: [
      { name: 'an unknown key', as: admin, variables: () => ({ id: NO_ID, r: 'Thu hồi' }), expect: refuse('NOT_FOUND') },
      { name: 'an id that is not an id', as: admin, variables: () => ({ id: "1' OR '1'='1", r: 'Thu hồi' }), expect: BAD() },
    ],
  },

  openConsultation: {
    document: `mutation($i: OpenConsultationInput!) { openConsultation(input: $i) { id subject proposedHandling status } }`,
    cases: [
      { name: 'invited agencies of the wrong type', variables: (w) => ({ i: written(w, { invitedAgencyCodes: [{ code: 'CA' }] }) }), expect: BAD(), watch: (w) => caseView(w.triagedCase) },
      { name: 'an untriaged case', variables: (w) => ({ i: written(w, { caseId: w.openCase }) }), expect: refuse('INVALID_STATE'), watch: (w) => caseView(w.openCase) },
      { name: 'a closed case', variables: (w) => ({ i: written(w, { caseId: w.closedCase }) }), expect: refuse('INVALID_STATE'), watch: (w) => caseView(w.closedCase) },
      { name: 'an unknown case', variables: (w) => ({ i: written(w, { caseId: NO_ID }) }), expect: refuse('NOT_FOUND', 'caseId') },
      { name: 'a mode that does not exist', variables: (w) => ({ i: written(w, { mode: 'PHONE' }) }), expect: BAD('mode'), watch: (w) => caseView(w.triagedCase) },
      { name: 'nobody invited', variables: (w) => ({ i: written(w, { invitedAgencyCodes: [] }) }), expect: BAD('invitedAgencyCodes'), watch: (w) => caseView(w.triagedCase) },
      { name: 'an agency that does not exist', variables: (w) => ({ i: written(w, { invitedAgencyCodes: ['GHOST_AGENCY'] }) }), expect: BAD('invitedAgencyCodes'), watch: (w) => caseView(w.triagedCase) },
      { name: 'a deadline in the past', variables: (w) => ({ i: written(w, { deadline: '2020-01-01T00:00:00Z' }) }), expect: BAD('deadline'), watch: (w) => caseView(w.triagedCase) },
      { name: 'a deadline that is no date', variables: (w) => ({ i: written(w, { deadline: 'ngày mai' }) }), expect: BAD('deadline'), watch: (w) => caseView(w.triagedCase) },
      { name: 'a deadline a year away', variables: (w) => ({ i: written(w, { deadline: new Date(Date.now() + 365 * 86_400_000).toISOString() }) }), expect: BAD('deadline') },
      { name: 'a too short subject', variables: (w) => ({ i: written(w, { subject: 'Hỏi' }) }), expect: BAD('subject'), watch: (w) => caseView(w.triagedCase) },
      { name: 'a subject over 5,000 characters', variables: (w) => ({ i: written(w, { subject: long(5_001) }) }), expect: BAD('subject'), watch: (w) => caseView(w.triagedCase) },
      { name: 'a NUL byte in the subject', variables: (w) => ({ i: written(w, { subject: NUL }) }), expect: BAD('subject'), watch: (w) => caseView(w.triagedCase) },
      {
        name: 'a meeting with a javascript: link',
        variables: (w) => ({ i: written(w, { mode: 'MEETING', deadline: null, meetingAt: new Date(Date.now() + 3_600_000).toISOString(), link: 'javascript:alert(1)' }) }),
        expect: BAD('link'),
        watch: (w) => caseView(w.triagedCase),
      },
      {
        name: 'a hostile subject and proposal of 5,000 characters, stored verbatim',
        variables: async (w) => ({ i: written(w, { caseId: await w.newCase(true), subject: HOSTILE, proposedHandling: HOSTILE_10K.slice(0, 5_000) }) }),
        expect: {
          stored: (data) => {
            expect(data['openConsultation']).toMatchObject({ status: 'OPEN', subject: HOSTILE, proposedHandling: HOSTILE_10K.slice(0, 5_000) });
          },
        },
      },
    ],
  },

  submitOpinion: {
    document: `mutation($i: SubmitOpinionInput!) { submitOpinion(input: $i) { id invitations { agencyCode position reasoning alternativeProposal attachments { name url } } } }`,
    cases: [
      { name: 'attachments of the wrong type', as: SeededUsers.caOfficer, variables: (w) => ({ i: { consultationId: w.written, position: 'AGREE', reasoning: 'Đồng ý với đề xuất', attachments: ['https://example.vn/a.pdf'] } }), expect: BAD(), watch: (w) => consultationView(w.written) },
      { name: 'a position that does not exist', as: SeededUsers.caOfficer, variables: (w) => ({ i: { consultationId: w.written, position: 'MAYBE', reasoning: 'Chưa rõ, cần xem thêm' } }), expect: BAD('position'), watch: (w) => consultationView(w.written) },
      { name: 'too short reasons', as: SeededUsers.caOfficer, variables: (w) => ({ i: { consultationId: w.written, position: 'AGREE', reasoning: 'Ừ' } }), expect: BAD('reasoning'), watch: (w) => consultationView(w.written) },
      { name: 'reasons over 10,000 characters', as: SeededUsers.caOfficer, variables: (w) => ({ i: { consultationId: w.written, position: 'AGREE', reasoning: long(10_001) } }), expect: BAD('reasoning'), watch: (w) => consultationView(w.written) },
      { name: 'a NUL byte in the reasons', as: SeededUsers.caOfficer, variables: (w) => ({ i: { consultationId: w.written, position: 'AGREE', reasoning: NUL } }), expect: BAD('reasoning'), watch: (w) => consultationView(w.written) },
      {
        name: 'an alternative without a proposal',
        as: SeededUsers.caOfficer,
        variables: (w) => ({ i: { consultationId: w.written, position: 'ALTERNATIVE', reasoning: 'Đề xuất phương án khác' } }),
        expect: BAD('alternativeProposal'),
        watch: (w) => consultationView(w.written),
      },
      {
        name: 'a javascript: attachment',
        as: SeededUsers.caOfficer,
        variables: (w) => ({ i: { consultationId: w.written, position: 'AGREE', reasoning: 'Đồng ý, xem tài liệu kèm', attachments: [{ name: 'x', url: 'javascript:alert(1)' }] } }),
        expect: BAD('attachments.0.url'),
        watch: (w) => consultationView(w.written),
      },
      { name: 'a resolved consultation', as: SeededUsers.caOfficer, variables: (w) => ({ i: { consultationId: w.resolved, position: 'AGREE', reasoning: 'Ý kiến sau khi đã kết luận' } }), expect: refuse('INVALID_STATE'), watch: (w) => consultationView(w.resolved) },
      { name: 'a meeting', as: SeededUsers.caOfficer, variables: (w) => ({ i: { consultationId: w.meeting, position: 'AGREE', reasoning: 'Ý kiến bằng văn bản cho cuộc họp' } }), expect: refuse('INVALID_STATE'), watch: (w) => consultationView(w.meeting) },
      { name: 'an agency not invited', as: SeededUsers.sytOfficer, variables: (w) => ({ i: { consultationId: w.written, position: 'AGREE', reasoning: 'Ý kiến của đơn vị không được mời' } }), expect: refuse('NOT_FOUND'), watch: (w) => consultationView(w.written) },
      { name: 'an unknown consultation', as: SeededUsers.caOfficer, variables: () => ({ i: { consultationId: NO_ID, position: 'AGREE', reasoning: 'Không có cuộc lấy ý kiến này' } }), expect: refuse('NOT_FOUND') },
      {
        name: 'hostile reasons of 10,000 characters, stored verbatim',
        as: SeededUsers.caOfficer,
        variables: (w) => ({ i: { consultationId: w.written, position: 'ALTERNATIVE', reasoning: HOSTILE_10K, alternativeProposal: HOSTILE, attachments: [{ name: HOSTILE.slice(0, 300), url: 'https://example.vn/t?a=<b>' }] } }),
        expect: {
          stored: (data) => {
            expect(data['submitOpinion'].invitations.find((i: Json) => i['agencyCode'] === 'CA')).toEqual({
              agencyCode: 'CA',
              position: 'ALTERNATIVE',
              reasoning: HOSTILE_10K,
              alternativeProposal: HOSTILE,
              attachments: [{ name: HOSTILE.slice(0, 300), url: 'https://example.vn/t?a=<b>' }],
            });
          },
        },
      },
    ],
  },

  recordMeeting: {
    document: `mutation($i: RecordMeetingInput!) { recordMeeting(input: $i) { id minutes dissentingViews { agencyCode view } } }`,
    cases: [
      { name: 'a written consultation', variables: (w) => ({ i: { consultationId: w.written, attendance: [{ agencyCode: 'CA', present: true }], minutes: 'Biên bản cho cuộc lấy ý kiến bằng văn bản' } }), expect: refuse('INVALID_STATE'), watch: (w) => consultationView(w.written) },
      { name: 'a resolved consultation', variables: (w) => ({ i: { consultationId: w.resolved, attendance: [{ agencyCode: 'CA', present: true }], minutes: 'Biên bản sau khi đã kết luận' } }), expect: refuse('INVALID_STATE'), watch: (w) => consultationView(w.resolved) },
      { name: 'an invited agency missing', variables: (w) => ({ i: { consultationId: w.meeting, attendance: [], minutes: 'Biên bản thiếu đơn vị được mời' } }), expect: BAD('attendance'), watch: (w) => consultationView(w.meeting) },
      {
        name: 'an agency listed twice',
        variables: (w) => ({ i: { consultationId: w.meeting, attendance: [{ agencyCode: 'CA', present: true }, { agencyCode: 'CA', present: false }], minutes: 'Biên bản ghi một đơn vị hai lần' } }),
        expect: BAD('attendance'),
        watch: (w) => consultationView(w.meeting),
      },
      { name: 'presence of the wrong type', variables: (w) => ({ i: { consultationId: w.meeting, attendance: [{ agencyCode: 'CA', present: 'có' }], minutes: 'Biên bản cuộc họp kiểm thử' } }), expect: BAD(), watch: (w) => consultationView(w.meeting) },
      {
        name: 'dissent from an agency not invited',
        variables: (w) => ({ i: { consultationId: w.meeting, attendance: [{ agencyCode: 'CA', present: true }], minutes: 'Biên bản cuộc họp kiểm thử', dissentingViews: [{ agencyCode: 'SYT', view: 'Không đồng ý' }] } }),
        expect: BAD('dissentingViews'),
        watch: (w) => consultationView(w.meeting),
      },
      { name: 'minutes over 50,000 characters', variables: (w) => ({ i: { consultationId: w.meeting, attendance: [{ agencyCode: 'CA', present: true }], minutes: long(50_001) } }), expect: BAD('minutes'), watch: (w) => consultationView(w.meeting) },
      { name: 'a NUL byte in the minutes', variables: (w) => ({ i: { consultationId: w.meeting, attendance: [{ agencyCode: 'CA', present: true }], minutes: NUL } }), expect: BAD('minutes'), watch: (w) => consultationView(w.meeting) },
      { name: 'an unknown consultation', variables: () => ({ i: { consultationId: NO_ID, attendance: [], minutes: 'Không có cuộc họp này' } }), expect: refuse('NOT_FOUND') },
    ],
  },

  resolveConsultation: {
    document: `mutation($i: ResolveConsultationInput!) { resolveConsultation(input: $i) { id status resolution { summary plan { type assigneeAgencyCode dueDate details } } } }`,
    cases: [
      { name: 'resolved twice', variables: (w) => ({ i: { consultationId: w.resolved, summary: 'Kết luận lần thứ hai', plan: [] } }), expect: refuse('INVALID_STATE'), watch: (w) => consultationView(w.resolved) },
      { name: 'opinions still awaited', variables: (w) => ({ i: { consultationId: w.written, summary: 'Kết luận khi chưa đủ ý kiến', plan: [] } }), expect: refuse('INVALID_STATE'), watch: (w) => consultationView(w.written) },
      { name: 'a meeting without minutes', variables: (w) => ({ i: { consultationId: w.meeting, summary: 'Kết luận khi chưa có biên bản', plan: [] } }), expect: refuse('INVALID_STATE'), watch: (w) => consultationView(w.meeting) },
      {
        name: 'a removal target on an action that removes nothing',
        variables: (w) => ({ i: { consultationId: w.answered, summary: 'Thống nhất theo dõi thêm', plan: [{ type: 'MONITOR', assigneeAgencyCode: 'STTTT', dueDate: inAMonth(), removal: { platform: 'FACEBOOK' } }] } }),
        expect: BAD('plan.0.removal'),
        watch: (w) => consultationView(w.answered),
      },
      {
        name: 'a planned date that is no date',
        variables: (w) => ({ i: { consultationId: w.answered, summary: 'Thống nhất theo dõi thêm', plan: [{ type: 'MONITOR', assigneeAgencyCode: 'STTTT', dueDate: '2099-13-45' }] } }),
        expect: BAD('plan.0.dueDate'),
        watch: (w) => consultationView(w.answered),
      },
      {
        name: 'a planned date in the past',
        variables: (w) => ({ i: { consultationId: w.answered, summary: 'Thống nhất theo dõi thêm', plan: [{ type: 'MONITOR', assigneeAgencyCode: 'STTTT', dueDate: yesterday() }] } }),
        expect: BAD('plan.0.dueDate'),
        watch: (w) => consultationView(w.answered),
      },
      {
        name: 'a planned action for an agency that does not exist',
        variables: (w) => ({ i: { consultationId: w.answered, summary: 'Thống nhất theo dõi thêm', plan: [{ type: 'MONITOR', assigneeAgencyCode: 'GHOST_AGENCY', dueDate: inAMonth() }] } }),
        expect: BAD('plan'),
        watch: (w) => consultationView(w.answered),
      },
      { name: 'a too short summary', variables: (w) => ({ i: { consultationId: w.answered, summary: 'OK', plan: [] } }), expect: BAD('summary'), watch: (w) => consultationView(w.answered) },
      { name: 'a NUL byte in the summary', variables: (w) => ({ i: { consultationId: w.answered, summary: NUL, plan: [] } }), expect: BAD('summary'), watch: (w) => consultationView(w.answered) },
      { name: 'a plan of the wrong type', variables: (w) => ({ i: { consultationId: w.answered, summary: 'Thống nhất theo dõi thêm', plan: 7 } }), expect: BAD(), watch: (w) => consultationView(w.answered) },
      { name: 'an unknown consultation', variables: () => ({ i: { consultationId: NO_ID, summary: 'Không có cuộc lấy ý kiến này', plan: [] } }), expect: refuse('NOT_FOUND') },
      {
        name: 'a hostile summary of 10,000 characters, stored verbatim',
        variables: async (w) => ({ i: { consultationId: await w.newAnsweredConsultation(), summary: HOSTILE_10K, plan: [{ type: 'MONITOR', assigneeAgencyCode: 'STTTT', dueDate: inAMonth(), details: HOSTILE }] } }),
        expect: {
          stored: (data) => {
            expect(data['resolveConsultation']).toMatchObject({ status: 'RESOLVED', resolution: { summary: HOSTILE_10K, plan: [{ type: 'MONITOR', assigneeAgencyCode: 'STTTT', details: HOSTILE }] } });
          },
        },
      },
    ],
  },

  reorganizeAgencies: {
    document: `mutation($i: ReorganizeAgenciesInput!) { reorganizeAgencies(input: $i) { successor { code name } retired { code validTo } } }`,
    cases: [
      { name: 'retired agencies of the wrong type', as: admin, variables: () => ({ i: { effectiveDate: '2099-01-01', retire: 'SKHCN,STTTT', successorCode: 'STTTT', reason: 'Sáp nhập theo quyết định' } }), expect: BAD('retire') },
      { name: 'a date that is no date', as: admin, variables: () => ({ i: { effectiveDate: '2099-02-30', retire: ['SKHCN'], successorCode: 'STTTT', reason: 'Sáp nhập theo quyết định' } }), expect: BAD('effectiveDate'), watch: () => viewer('{ agencies { code validTo successorCode } }', {}) },
      { name: 'nothing retired', as: admin, variables: () => ({ i: { effectiveDate: '2099-01-01', retire: [], successorCode: 'STTTT', reason: 'Sáp nhập theo quyết định' } }), expect: BAD('retire') },
      { name: 'an agency that does not exist', as: admin, variables: () => ({ i: { effectiveDate: '2099-01-01', retire: ['GHOST_AGENCY'], successorCode: 'STTTT', reason: 'Sáp nhập theo quyết định' } }), expect: BAD() },
      { name: 'SQL as a successor', as: admin, variables: () => ({ i: { effectiveDate: '2099-01-01', retire: ['SKHCN'], successorCode: "X'; DROP TABLE agency; --", reason: 'Sáp nhập theo quyết định' } }), expect: BAD('successorCode') },
      {
        name: 'a new successor of a kind that does not exist',
        as: admin,
        variables: () => ({ i: { effectiveDate: '2099-01-01', retire: ['SKHCN'], successorCode: 'SKHCN_MOI', newSuccessor: { name: 'Sở mới', kind: 'SPACESHIP' }, reason: 'Sáp nhập theo quyết định' } }),
        expect: BAD('newSuccessor.kind'),
      },
      { name: 'a NUL byte in the reason', as: admin, variables: () => ({ i: { effectiveDate: '2099-01-01', retire: ['SKHCN'], successorCode: 'STTTT', reason: NUL } }), expect: BAD('reason') },
      { name: 'a reason over 2,000 characters', as: admin, variables: () => ({ i: { effectiveDate: '2099-01-01', retire: ['SKHCN'], successorCode: 'STTTT', reason: long(2_001) } }), expect: BAD('reason') },
      {
        name: 'a NUL byte in a new successor’s name',
        as: admin,
        variables: () => ({ i: { effectiveDate: '2099-01-01', retire: ['SKHCN'], successorCode: 'SKHCN_MOI', newSuccessor: { name: NUL, kind: 'DEPARTMENT' }, reason: 'Sáp nhập theo quyết định' } }),
        expect: BAD('newSuccessor.name'),
      },
      {
        name: 'a hostile name for a new successor, stored verbatim',
        as: admin,
        variables: () => ({ i: { effectiveDate: '2099-01-01', retire: ['SKHCN'], successorCode: 'SKHCN_MOI', newSuccessor: { name: HOSTILE, kind: 'DEPARTMENT' }, reason: HOSTILE } }),
        expect: {
          stored: (data) => {
            expect(data['reorganizeAgencies']).toMatchObject({ successor: { code: 'SKHCN_MOI', name: HOSTILE }, retired: [{ code: 'SKHCN', validTo: '2098-12-31' }] });
          },
        },
      },
    ],
  },

  setFocalPoint: {
    document: `mutation($i: FocalPointInput!) { setFocalPoint(input: $i) { id agencyCode displayName title } }`,
    cases: [
      { name: 'an agency that does not exist', variables: () => ({ i: { agencyCode: 'GHOST_AGENCY', displayName: 'Nguyễn Văn A', title: 'Chuyên viên' } }), expect: BAD('agencyCode') },
      { name: 'an e-mail that is no e-mail', variables: () => ({ i: { agencyCode: 'STTTT', displayName: 'Nguyễn Văn A', title: 'Chuyên viên', workEmail: '<script>@' } }), expect: BAD('workEmail'), watch: () => viewer(`{ focalPoints(agencyCode: "STTTT") { id displayName } }`, {}) },
      { name: 'a phone that is no phone', variables: () => ({ i: { agencyCode: 'STTTT', displayName: 'Nguyễn Văn A', title: 'Chuyên viên', workPhone: "'; DROP TABLE focal_point; --" } }), expect: BAD('workPhone') },
      { name: 'a too short name', variables: () => ({ i: { agencyCode: 'STTTT', displayName: 'A', title: 'Chuyên viên' } }), expect: BAD('displayName') },
      { name: 'a name over 200 characters', variables: () => ({ i: { agencyCode: 'STTTT', displayName: long(201), title: 'Chuyên viên' } }), expect: BAD('displayName') },
      { name: 'a NUL byte in the title', variables: () => ({ i: { agencyCode: 'STTTT', displayName: 'Nguyễn Văn A', title: NUL } }), expect: BAD('title') },
      { name: 'an unknown focal point', variables: () => ({ i: { id: NO_ID, agencyCode: 'STTTT', displayName: 'Nguyễn Văn A', title: 'Chuyên viên' } }), expect: refuse('NOT_FOUND', 'id') },
      { name: 'its own deputy', variables: (w) => ({ i: { id: w.focalPoint, deputyId: w.focalPoint, agencyCode: 'STTTT', displayName: 'Nguyễn Văn A', title: 'Chuyên viên' } }), expect: BAD('deputyId'), watch: () => viewer(`{ focalPoints(agencyCode: "STTTT") { id displayName deputyId } }`, {}) },
      { name: 'active of the wrong type', variables: () => ({ i: { agencyCode: 'STTTT', displayName: 'Nguyễn Văn A', title: 'Chuyên viên', active: 'yes' } }), expect: BAD() },
      {
        name: 'a hostile name and title, stored verbatim',
        variables: () => ({ i: { agencyCode: 'STTTT', displayName: HOSTILE.slice(0, 200), title: HOSTILE.slice(0, 200) } }),
        expect: {
          stored: (data) => {
            expect(data['setFocalPoint']).toMatchObject({ displayName: HOSTILE.slice(0, 200), title: HOSTILE.slice(0, 200) });
          },
        },
      },
    ],
  },

  createNotificationSubscription: {
    document: `mutation($i: CreateNotificationSubscriptionInput!) { createNotificationSubscription(input: $i) { subscription { id target } } }`,
    cases: [
      { name: 'a channel that does not exist', variables: () => ({ i: { channel: 'SMS', target: 'dieuphoi@stttt.quangbinh.gov.vn' } }), expect: BAD('channel'), watch: () => viewer('{ notificationSubscriptions { id active } }', {}) },
      { name: 'an e-mail that is no e-mail', variables: () => ({ i: { channel: 'EMAIL', target: '<script>alert(1)</script>' } }), expect: BAD('target') },
      { name: 'a webhook that is not https', variables: () => ({ i: { channel: 'WEBHOOK', target: 'http://example.vn/hook' } }), expect: BAD('target') },
      { name: 'a NUL byte in the target', variables: () => ({ i: { channel: 'EMAIL', target: 'a\u0000b@stttt.quangbinh.gov.vn' } }), expect: BAD('target') },
      { name: 'a target over 2,000 characters', variables: () => ({ i: { channel: 'WEBHOOK', target: `https://example.vn/${'a'.repeat(2_001)}` } }), expect: BAD('target') },
      { name: 'an event that does not exist', variables: () => ({ i: { channel: 'EMAIL', target: 'dieuphoi@stttt.quangbinh.gov.vn', eventTypes: ['evt.intake.case.exploded'] } }), expect: BAD('eventTypes') },
      { name: 'an agency that does not exist', as: admin, variables: () => ({ i: { channel: 'EMAIL', target: 'dieuphoi@stttt.quangbinh.gov.vn', agencyCode: 'GHOST_AGENCY' } }), expect: BAD('agencyCode') },
      { name: 'event types of the wrong type', variables: () => ({ i: { channel: 'EMAIL', target: 'dieuphoi@stttt.quangbinh.gov.vn', eventTypes: [{ a: 1 }] } }), expect: BAD() },
    ],
  },

  revokeNotificationSubscription: {
    document: `mutation($id: ID!) { revokeNotificationSubscription(id: $id) { id active } }`,
    cases: [
      { name: 'an id of the wrong type', variables: () => ({ id: 3.14 }), expect: BAD() },
      { name: 'an unknown subscription', variables: () => ({ id: NO_ID }), expect: refuse('NOT_FOUND') },
      { name: 'an id that is not an id', variables: () => ({ id: '../../etc/passwd' }), expect: BAD('id') },
      { name: 'revoked twice', variables: (w) => ({ id: w.revokedSubscription }), expect: refuse('INVALID_STATE'), watch: () => viewer('{ notificationSubscriptions { id active revokedAt } }', {}) },
      { name: 'another agency’s subscription', as: SeededUsers.caOfficer, variables: (w) => ({ id: w.subscription }), expect: refuse('NOT_FOUND'), watch: () => viewer('{ notificationSubscriptions { id active revokedAt } }', {}) },
    ],
  },

  replayDelivery: {
    document: `mutation($id: ID!) { replayDelivery(id: $id) { id status } }`,
    cases: [
      { name: 'an id of the wrong type', variables: () => ({ id: false }), expect: BAD() },
      { name: 'an unknown delivery', variables: () => ({ id: NO_ID }), expect: refuse('NOT_FOUND') },
      { name: 'an id that is not an id', variables: () => ({ id: 'null' }), expect: BAD('id') },
      { name: 'a delivery that is not dead', variables: (w) => ({ id: w.delivery }), expect: refuse('INVALID_STATE') },
      { name: 'another agency’s delivery', as: SeededUsers.caOfficer, variables: (w) => ({ id: w.delivery }), expect: refuse('NOT_FOUND') },
    ],
  },
};

describe('every mutation refuses bad input with a stable code and changes nothing', () => {
  let platform: Platform;
  let sql: PgClient;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let world: World;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    platform = await startPlatform();
    sql = new PgClient({ connectionString: platform.env.databaseUrl });
    await sql.connect();
    nc = await connect({ servers: platform.env.natsUrl });
    jsm = await jetstreamManager(nc);
    viewer = async (query, variables, user = lead) => {
      const result = await call(query, variables, user);
      expect(result.errors).toBeUndefined();
      return result.data;
    };
    world = await buildWorld();
  }, 60_000);

  afterAll(async () => {
    await nc?.close();
    await sql?.end();
    await platform?.stop();
  });

  async function call<T = Json>(query: string, variables: Vars, user: TestUser = lead): Promise<GraphQLResponse<T>> {
    let token = tokens.get(user.username);
    if (!token) tokens.set(user.username, (token = await platform.env.token(user)));
    return graphqlRequest<T>(platform.graphqlUrl, query, variables, token);
  }

  async function ok<T = Json>(query: string, variables: Vars, user: TestUser = lead): Promise<T> {
    const result = await call<T>(query, variables, user);
    expect(result.errors).toBeUndefined();
    return result.data!;
  }

  async function buildWorld(): Promise<World> {
    const newCase = async (triage = false): Promise<string> => {
      const { submitReport } = await ok<Json>(REPORT, reportInput(), SeededUsers.lethuyOfficer);
      expect(submitReport.merged).toBe(false);
      if (triage) await ok(`mutation($id: ID!) { triageCase(id: $id, severity: MEDIUM) { id } }`, { id: submitReport.case.id });
      return submitReport.case.id as string;
    };
    const open = async (input: Vars): Promise<string> => (await ok<Json>(`mutation($i: OpenConsultationInput!) { openConsultation(input: $i) { id } }`, { i: input })).openConsultation.id;
    const opinion = (consultationId: string) =>
      ok(`mutation($i: SubmitOpinionInput!) { submitOpinion(input: $i) { id } }`, { i: { consultationId, position: 'AGREE', reasoning: 'Công an tỉnh đồng ý với đề xuất' } }, SeededUsers.caOfficer);
    const decide = async (caseId: string): Promise<string> => (await ok<Json>(`mutation($i: DecideCaseInput!) { decideCase(input: $i) { actions { id } } }`, { i: decision(caseId) })).decideCase.actions[0].id;
    const partial: Omit<World, 'written' | 'meeting' | 'answered' | 'resolved'> & Partial<World> = {
      openCase: await newCase(),
      triagedCase: await newCase(true),
      dismissedCase: await newCase(),
      actingCase: await newCase(true),
      plannedAction: '',
      closedCase: await newCase(true),
      doneAction: '',
      subscription: '',
      revokedSubscription: '',
      delivery: '',
      focalPoint: '',
      newCase,
      newAnsweredConsultation: async () => {
        const id = await open({ ...written(partial as World), caseId: await newCase(true) });
        await opinion(id);
        return id;
      },
      sql: async (query, params) => (await sql.query(query, params)).rows as Json[],
      schema: (service) => platform.env.schema(service),
    };
    const w = partial as World;
    // Subscribed first, so that deliveries exist for the lead agency's events.
    const SUBSCRIBE = `mutation($i: CreateNotificationSubscriptionInput!) { createNotificationSubscription(input: $i) { subscription { id } } }`;
    w.subscription = (await ok<Json>(SUBSCRIBE, { i: { channel: 'EMAIL', target: 'dieuphoi@stttt.quangbinh.gov.vn' } })).createNotificationSubscription.subscription.id;
    w.revokedSubscription = (await ok<Json>(SUBSCRIBE, { i: { channel: 'EMAIL', target: 'lanhdao@stttt.quangbinh.gov.vn' } })).createNotificationSubscription.subscription.id;
    await ok(`mutation($id: ID!) { revokeNotificationSubscription(id: $id) { id } }`, { id: w.revokedSubscription });

    await ok(`mutation($id: ID!) { dismissCase(id: $id, reason: "Không thuộc phạm vi xử lý") { id } }`, { id: w.dismissedCase });
    w.plannedAction = await decide(w.actingCase);
    w.doneAction = await decide(w.closedCase);
    await ok(`mutation($i: UpdateHandlingActionInput!) { updateHandlingAction(input: $i) { id } }`, { i: { actionId: w.doneAction, status: 'DONE', result: 'Đã theo dõi, không có diễn biến mới' } });
    await ok(`mutation($id: ID!) { closeCase(id: $id, outcome: "Đã theo dõi đủ thời hạn, không có diễn biến mới") { id } }`, { id: w.closedCase });

    const consulted = await newCase(true);
    w.written = await open(written(w, { caseId: consulted, invitedAgencyCodes: ['CA', 'BTG'] }));
    w.meeting = await open({ caseId: consulted, mode: 'MEETING', invitedAgencyCodes: ['CA'], subject: 'Họp thống nhất xử lý vụ việc kiểm thử', meetingAt: new Date(Date.now() + 3 * 3_600_000).toISOString(), link: 'https://hop.quangbinh.gov.vn/p/1' });
    w.answered = await w.newAnsweredConsultation();
    w.resolved = await w.newAnsweredConsultation();
    await ok(`mutation($i: ResolveConsultationInput!) { resolveConsultation(input: $i) { id } }`, { i: { consultationId: w.resolved, summary: 'Thống nhất theo dõi thêm', plan: [] } });
    w.focalPoint = (await ok<Json>(`mutation($i: FocalPointInput!) { setFocalPoint(input: $i) { id } }`, { i: { agencyCode: 'STTTT', displayName: 'Trần Thị B', title: 'Chuyên viên' } })).setFocalPoint.id;
    w.delivery = await eventually(async () => {
      const { rows } = await sql.query(`SELECT id FROM "${platform.env.schema('notification')}".delivery WHERE subscription_id = $1 AND status <> 'DEAD' LIMIT 1`, [w.subscription]);
      return rows[0]?.id as string | undefined;
    });
    return w;
  }

  /**
   * Every row of every table of every service of this environment (one digest per table) and the
   * number of events on the stream: what a refused mutation must leave as it was.
   */
  let footprintSql: string | null = null;
  async function footprint(): Promise<Record<string, string | number>> {
    if (!footprintSql) {
      const { rows: tables } = await sql.query<{ schema: string; name: string }>(
        `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables WHERE table_schema LIKE $1 AND table_type = 'BASE TABLE' ORDER BY 1, 2`,
        [`${platform.env.id}\\_%`],
      );
      footprintSql = tables.map((t) => `SELECT '${t.schema}.${t.name}' AS t, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS d FROM "${t.schema}"."${t.name}" x`).join(' UNION ALL ');
    }
    const { rows } = await sql.query<{ t: string; d: string }>(footprintSql);
    const events = (await jsm.streams.info(platform.env.streamName)).state.messages;
    return { ...Object.fromEntries(rows.map((r) => [r.t.slice(platform.env.id.length + 1), r.d])), events };
  }

  /** Whether background work is done: every outbox published, every consumer caught up, no delivery pending. */
  async function quiet(): Promise<boolean> {
    const schemas = ['intake', 'consultation', 'directory', 'notification'].map((service) => platform.env.schema(service));
    const { rows } = await sql.query<{ n: number }>(
      `SELECT (${schemas.map((schema) => `(SELECT count(*) FROM "${schema}".outbox WHERE published_at IS NULL)`).join(' + ')}
               + (SELECT count(*) FROM "${platform.env.schema('notification')}".delivery WHERE status = 'PENDING'))::int AS n`,
    );
    if (rows[0]!.n > 0) return false;
    for await (const consumer of await jsm.consumers.list(platform.env.streamName)) {
      if (consumer.num_pending > 0 || consumer.num_ack_pending > 0) return false;
    }
    return true;
  }

  /** The footprint once background work (relays, consumers, deliveries) has settled. */
  async function settled(): Promise<Record<string, string | number>> {
    let last = '';
    return eventually(
      async () => {
        if (!(await quiet())) return undefined;
        const current = await footprint();
        const same = JSON.stringify(current) === last;
        last = JSON.stringify(current);
        return same ? current : undefined;
      },
      15_000,
      20,
    );
  }

  it('has an entry for every mutation of the schema', async () => {
    const introspection = await call<{ __schema: { mutationType: { fields: { name: string }[] } } }>('{ __schema { mutationType { fields { name } } } }', {});
    const mutations = introspection.data!.__schema.mutationType.fields.map((f) => f.name).sort();
    expect(Object.keys(MUTATIONS).sort()).toEqual(mutations);
    for (const [name, entry] of Object.entries(MUTATIONS)) {
      expect({ name, hasRefusals: entry.cases.some((c) => 'code' in c.expect) }).toEqual({ name, hasRefusals: true });
    }
  });

  const refusalCode = (result: GraphQLResponse<unknown>) => result.errors?.[0]?.extensions?.['code'];

  describe.each(Object.keys(MUTATIONS))('%s', (mutation) => {
    it('refuses a document that does not fit the schema, and a body over the size limit, with BAD_USER_INPUT', async () => {
      const before = await settled();
      const invalid = await call(`mutation { ${mutation}(noSuchArgument: 1) { __typename } }`, {});
      expect(invalid.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED' });
      const huge = await call(MUTATIONS[mutation]!.document, { padding: 'x'.repeat(300 * 1024) });
      expect({ status: huge.status, code: refusalCode(huge) }).toEqual({ status: 413, code: 'BAD_USER_INPUT' });
      expect(await footprint()).toEqual(before);
    });

    it.each(MUTATIONS[mutation]!.cases.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
      const variables = await testCase.variables(world);
      const document = testCase.document ?? MUTATIONS[mutation]!.document;
      const expected = testCase.expect;
      if ('code' in expected) {
        const watched = await testCase.watch?.(world, variables);
        const before = await settled();
        const result = await call(document, variables, testCase.as);
        expect({ data: result.data?.[mutation] ?? null, error: result.errors?.[0]?.extensions }).toEqual({ data: null, error: expect.objectContaining(expected) });
        expect(await footprint()).toEqual(before);
        if (testCase.watch) expect(await testCase.watch(world, variables)).toEqual(watched);
      } else {
        const result = await call(document, variables, testCase.as);
        expect(result.errors).toBeUndefined();
        await expected.stored(result.data as Json, variables, world);
      }
    });
  });
});
