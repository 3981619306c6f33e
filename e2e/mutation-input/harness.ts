import { randomBytes } from 'node:crypto';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { Client as PgClient } from 'pg';
import { SeededUsers, eventually, graphqlRequest, type GraphQLResponse, type TestUser } from '@phoi-hop/testing';
import { startPlatform, type Platform } from '../support/platform';

/**
 * The harness of the mutation-input suite (cases in ./*.cases.ts, one file per service). Every mutation refuses bad input and illegal transitions with a stable code
 * and changes nothing. One entry per mutation of the schema (a new mutation without an entry fails
 * the first test); each entry lists its cases. A refused case must come back with its code (never
 * INTERNAL) and leave every table of every service, the event stream and the entity it aimed at
 * exactly as they were. Free text with hostile content is accepted and stored verbatim, or refused
 * with a stable code: never an internal error.
 */

export type Vars = Record<string, unknown>;
export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The fixtures the cases aim at, made once through the API (see `buildWorld`). */
export interface World {
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
  /** A case with evidence: an excerpt, and another under legal hold. */
  evidenceCase: string;
  excerptItem: string;
  heldItem: string;
  /** A REQUESTED police referral (to CA) and a package of its case's evidence. */
  referral: string;
  referralPackage: string;
  /** The public source (website example.vn) of the world's reports. */
  publicSource: string;
  /** An indicator (a phone number) an officer recorded on the excerpt item. */
  indicator: string;
  /** Press complaints (Đ6.3) about Báo Quảng Bình, filed by BTG: waiting for the reply; ruled (NO_VIOLATION, by hnb.officer); under appeal; and one opened from a case action, INCOMPLETE. */
  pressAwaiting: string;
  pressRuled: string;
  pressAppealed: string;
  pressIncomplete: string;
  /** A fresh case (reported by UBND Lệ Thủy, led by Sở TT&TT), triaged when asked. */
  newCase(triage?: boolean): Promise<string>;
  /** A fresh written consultation on a fresh case that CA has answered, ready to resolve. */
  newAnsweredConsultation(): Promise<string>;
  /** A fresh written consultation on a fresh case, CA and BTG invited, nobody has answered. */
  newWrittenConsultation(): Promise<string>;
  /** A fresh PLANNED handling action (MONITOR, assigned to Sở TT&TT) of a fresh decided case. */
  newPlannedAction(): Promise<string>;
  sql(query: string, params?: unknown[]): Promise<Json[]>;
  schema(service: string): string;
}

export interface Refused {
  code: string;
  field?: string;
}
export interface Accepted {
  /** Expectations on what was stored (read back from the response or the database). */
  stored(data: Json, variables: Vars, world: World): Promise<void> | void;
}

export interface MutationCase {
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

export interface MutationEntry {
  document: string;
  cases: MutationCase[];
}

export const NO_ID = '00000000-0000-4000-8000-000000000000';
export const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
export const yesterday = () => new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);

/** Hostile text: markup, bidi override, SQL, a NUL byte; and text longer than a field allows. */
export const HOSTILE = `<script>alert('x')</script><img src=x onerror=alert(1)> ‮txt.exe‬ '); DROP TABLE handling_case; -- %s %n {{7*7}} \${7*7}`;
export const NUL = 'Nội dung có ký tự \u0000 NUL ở giữa';
export const long = (n: number) => 'Đ'.repeat(n);
/** Text of 10,000 characters, hostile at both ends. */
export const HOSTILE_10K = `${HOSTILE} ${'ư'.repeat(10_000 - 2 * HOSTILE.length - 2)} ${HOSTILE}`;

export const lead = SeededUsers.stttLead;
export const admin: TestUser = { username: 'admin', agencyCode: 'STTTT', roles: ['ADMIN'] };
export const refuse = (code: string, field?: string): Refused => ({ code, ...(field ? { field } : {}) });
export const BAD = (field?: string) => refuse('BAD_USER_INPUT', field);

// The entity views compared before and after a refusal.
export const CASE_VIEW = `query($id: ID!) { case(id: $id) { id number status severity assignedOfficers triagedAt reportCount
  participants { agency { code } role basis } participantHistory { agency { code } role endedAt } possibleDuplicates { caseId }
  deadlines { kind actionId deadline remindedAt escalatedAt closedAt } reports(first: 100) { edges { node { id url excerpt note } } } } }`;
export const CONSULTATION_VIEW = `query($id: ID!) { consultation(id: $id) { id status mode subject deadline meetingAt minutes
  invitations { agencyCode position reasoning alternativeProposal attachments { name url } late present representative respondedAt remindedAt escalatedAt }
  dissentingViews { agencyCode view } resolution { summary plan { type assigneeAgencyCode dueDate details } } } }`;

export let viewer: (query: string, variables: Vars, user?: TestUser) => Promise<unknown>;
export const caseView = (id: string) => viewer(CASE_VIEW, { id });
export const consultationView = (id: string) => viewer(CONSULTATION_VIEW, { id });

export const REPORT = `mutation($i: SubmitReportInput!) { submitReport(input: $i) { merged report { id url excerpt note observedAt estimatedReach } case { id status } } }`;
export const reportInput = (overrides: Vars = {}) => ({
  i: {
    url: `https://example.vn/bai-viet/${randomBytes(6).toString('hex')}`,
    excerpt: uniqueText(),
    categoryCode: 'FALSE_INFO_PANIC',
    localityCode: 'LE_THUY',
    ...overrides,
  },
});
/** Text unlike any other report's, so that it opens a case of its own. */
export function uniqueText(): string {
  return Array.from({ length: 16 }, () => randomBytes(4).toString('hex')).join(' ');
}

export const written = (w: World, overrides: Vars = {}) => ({
  caseId: w.triagedCase,
  mode: 'WRITTEN',
  invitedAgencyCodes: ['CA'],
  subject: 'Xin ý kiến về tin đồn trong vụ việc kiểm thử',
  deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  ...overrides,
});
export const decision = (caseId: string, overrides: Vars = {}) => ({
  caseId,
  finding: 'TRUE',
  provisionCodes: [],
  statementOfReasons: 'Thông tin đúng sự thật; theo dõi thêm.',
  actions: [{ type: 'MONITOR', assigneeAgencyCode: 'STTTT', dueDate: inAMonth() }],
  ...overrides,
});

/** A press complaint about an article of Báo Quảng Bình, admissible (published 10 days ago, one rule cited). */
export const pressComplaintInput = (overrides: Vars = {}) => ({
  articleUrl: `https://baoquangbinh.vn/bai-viet/${randomBytes(6).toString('hex')}`,
  outletName: 'Báo Quảng Bình',
  outletAgencyCode: 'BAO_QB',
  publicationDate: new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10),
  byline: 'Minh Anh',
  ruleCodes: ['DDNB_2017_D2'],
  account: 'Bài viết đưa tin chưa kiểm chứng, gây hoang mang trong nhân dân.',
  journalistName: 'Nguyễn Minh Anh',
  journalistEmail: 'phong.vien@baoquangbinh.vn',
  ...overrides,
});

export const ASSESSMENT = {
  isFactualClaim: true,
  verifiedFalseBy: 'UBND_LE_THUY',
  isPublicInterestReporting: false,
  isGenuineGrievance: false,
  proportionality: 'Tin gây hoang mang trong mùa lũ; chuyển công an là cần thiết',
  concludesNotProtected: true,
};
export const ADD_EXCERPT = `mutation($i: AddTextExcerptInput!) { addTextExcerpt(input: $i) { id kind sha256 sizeBytes mimeType sourceUrl note contentWithheld } }`;
export const ITEM_VIEW = `query($id: ID!) { evidenceItem(id: $id) { id legalHold { reason placedBy } integrityStatus } }`;
export const itemView = (id: string) => viewer(ITEM_VIEW, { id });
export const SOURCE_VIEW = `query($c: ID!) { publicSources(caseId: $c) { id kind displayName handle } }`;
export const INDICATOR_VIEW = `query($c: ID!) { contentIndicators(caseId: $c) { id kind value normalizedValue origin } }`;

/** Runs every case of `MUTATIONS` against one platform, with a check that the schema has no mutation without an entry. */
export function describeMutationInputs(MUTATIONS: Record<string, MutationEntry>): void {
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
      const open = async (input: Vars): Promise<string> =>
        (await ok<Json>(`mutation($i: OpenConsultationInput!) { openConsultation(input: $i) { id } }`, { i: input })).openConsultation.id;
      const opinion = (consultationId: string) =>
        ok(
          `mutation($i: SubmitOpinionInput!) { submitOpinion(input: $i) { id } }`,
          { i: { consultationId, position: 'AGREE', reasoning: 'Công an tỉnh đồng ý với đề xuất' } },
          SeededUsers.caOfficer,
        );
      const decide = async (caseId: string): Promise<string> =>
        (await ok<Json>(`mutation($i: DecideCaseInput!) { decideCase(input: $i) { actions { id } } }`, { i: decision(caseId) })).decideCase.actions[0].id;
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
        evidenceCase: '',
        excerptItem: '',
        heldItem: '',
        referral: '',
        referralPackage: '',
        publicSource: '',
        indicator: '',
        pressAwaiting: '',
        pressRuled: '',
        pressAppealed: '',
        pressIncomplete: '',
        newCase,
        newAnsweredConsultation: async () => {
          const id = await open({ ...written(partial as World), caseId: await newCase(true) });
          await opinion(id);
          return id;
        },
        newWrittenConsultation: async () => open({ ...written(partial as World), caseId: await newCase(true), invitedAgencyCodes: ['CA', 'BTG'] }),
        newPlannedAction: async () => decide(await newCase(true)),
        sql: async (query, params) => (await sql.query(query, params)).rows as Json[],
        schema: (service) => platform.env.schema(service),
      };
      const w = partial as World;
      // Subscribed first, so that deliveries exist for the lead agency's events.
      const SUBSCRIBE = `mutation($i: CreateNotificationSubscriptionInput!) { createNotificationSubscription(input: $i) { subscription { id } } }`;
      w.subscription = (
        await ok<Json>(SUBSCRIBE, { i: { channel: 'EMAIL', target: 'dieuphoi@stttt.quangbinh.gov.vn' } })
      ).createNotificationSubscription.subscription.id;
      w.revokedSubscription = (
        await ok<Json>(SUBSCRIBE, { i: { channel: 'EMAIL', target: 'lanhdao@stttt.quangbinh.gov.vn' } })
      ).createNotificationSubscription.subscription.id;
      await ok(`mutation($id: ID!) { revokeNotificationSubscription(id: $id) { id } }`, { id: w.revokedSubscription });

      await ok(`mutation($id: ID!) { dismissCase(id: $id, reason: "Không thuộc phạm vi xử lý") { id } }`, { id: w.dismissedCase });
      w.plannedAction = await decide(w.actingCase);
      w.doneAction = await decide(w.closedCase);
      await ok(`mutation($i: UpdateHandlingActionInput!) { updateHandlingAction(input: $i) { id } }`, {
        i: { actionId: w.doneAction, status: 'DONE', result: 'Đã theo dõi, không có diễn biến mới' },
      });
      await ok(`mutation($id: ID!) { closeCase(id: $id, outcome: "Đã theo dõi đủ thời hạn, không có diễn biến mới") { id } }`, { id: w.closedCase });

      const consulted = await newCase(true);
      w.written = await open(written(w, { caseId: consulted, invitedAgencyCodes: ['CA', 'BTG'] }));
      w.meeting = await open({
        caseId: consulted,
        mode: 'MEETING',
        invitedAgencyCodes: ['CA'],
        subject: 'Họp thống nhất xử lý vụ việc kiểm thử',
        meetingAt: new Date(Date.now() + 3 * 3_600_000).toISOString(),
        link: 'https://hop.quangbinh.gov.vn/p/1',
      });
      w.answered = await w.newAnsweredConsultation();
      w.resolved = await w.newAnsweredConsultation();
      await ok(`mutation($i: ResolveConsultationInput!) { resolveConsultation(input: $i) { id } }`, {
        i: { consultationId: w.resolved, summary: 'Thống nhất theo dõi thêm', plan: [] },
      });
      w.focalPoint = (
        await ok<Json>(`mutation($i: FocalPointInput!) { setFocalPoint(input: $i) { id } }`, {
          i: { agencyCode: 'STTTT', displayName: 'Trần Thị B', title: 'Chuyên viên' },
        })
      ).setFocalPoint.id;
      const excerpt = async (caseId: string, text: string): Promise<string> =>
        (await ok<Json>(ADD_EXCERPT, { i: { caseId, text } }, SeededUsers.lethuyOfficer)).addTextExcerpt.id;
      w.evidenceCase = await newCase();
      w.excerptItem = await excerpt(w.evidenceCase, 'Trích đoạn bài đăng giả mạo làm chứng cứ');
      w.heldItem = await excerpt(w.evidenceCase, 'Trích đoạn thứ hai, đang được phong tỏa');
      await ok(`mutation($i: LegalHoldInput!) { placeLegalHold(input: $i) { id } }`, {
        i: { itemId: w.heldItem, reason: 'Giữ nguyên chứng cứ phục vụ điều tra' },
      });
      w.indicator = (
        await ok<Json>(`mutation($i: AddContentIndicatorInput!) { addContentIndicator(input: $i) { id } }`, {
          i: { itemId: w.excerptItem, kind: 'PHONE', value: '0912 345 678' },
        })
      ).addContentIndicator.id;
      const referred = await newCase(true);
      const { decideCase } = await ok<Json>(`mutation($i: DecideCaseInput!) { decideCase(input: $i) { actions { id } } }`, {
        i: decision(referred, {
          finding: 'FALSE',
          provisionCodes: ['ND15_2020_D101'],
          assessment: ASSESSMENT,
          statementOfReasons: 'Thông tin sai sự thật gây hoang mang; chuyển công an.',
          actions: [{ type: 'REFER_TO_POLICE', assigneeAgencyCode: 'CA', dueDate: inAMonth() }],
        }),
      });
      w.referral = (
        await ok<Json>(`mutation($i: RequestPoliceReferralInput!) { requestPoliceReferral(input: $i) { id } }`, {
          i: { caseId: referred, actionId: decideCase.actions[0].id },
        })
      ).requestPoliceReferral.id;
      await excerpt(referred, 'Trích đoạn của vụ việc chuyển công an');
      w.referralPackage = (
        await ok<Json>(`mutation($i: ExportEvidencePackageInput!) { exportEvidencePackage(input: $i) { id } }`, { i: { caseId: referred } })
      ).exportEvidencePackage.id;
      w.publicSource = await eventually(
        async () => (await ok<Json>(`query($c: ID!) { publicSources(caseId: $c) { id } }`, { c: w.openCase })).publicSources[0]?.id as string | undefined,
      );
      const complaint = async (): Promise<string> =>
        (
          await ok<Json>(
            `mutation($i: FilePressComplaintInput!) { filePressComplaint(input: $i) { id } }`,
            { i: pressComplaintInput() },
            SeededUsers.btgOfficer,
          )
        ).filePressComplaint.id;
      const replied = async (): Promise<string> => {
        const id = await complaint();
        await ok(
          `mutation($i: ReplyToPressComplaintInput!) { replyToPressComplaint(input: $i) { id } }`,
          { i: { complaintId: id, text: 'Phản hồi của Báo Quảng Bình về bài viết.' } },
          SeededUsers.baoqbOfficer,
        );
        await ok(
          `mutation($i: IssuePressRulingInput!) { issuePressRuling(input: $i) { id } }`,
          { i: { complaintId: id, outcome: 'NO_VIOLATION', ruleCodes: ['DDNB_2017_D2'], reasons: 'Bài viết đã kiểm chứng nguồn tin; không vi phạm.' } },
          SeededUsers.hnbOfficer,
        );
        return id;
      };
      w.pressAwaiting = await complaint();
      w.pressRuled = await replied();
      w.pressAppealed = await replied();
      await ok(
        `mutation($i: LodgePressAppealInput!) { lodgePressAppeal(input: $i) { id } }`,
        {
          i: { complaintId: w.pressAppealed, party: 'COMPLAINANT', grounds: ['MISAPPLIED_RULE'], statement: 'Hội đồng áp dụng chưa đúng Điều 2 của Quy định.' },
        },
        SeededUsers.btgOfficer,
      );
      const pressCase = await newCase(true);
      await ok(`mutation($i: DecideCaseInput!) { decideCase(input: $i) { actions { id } } }`, {
        i: decision(pressCase, {
          finding: 'FALSE',
          provisionCodes: ['ND15_2020_D101'],
          assessment: ASSESSMENT,
          statementOfReasons: 'Bài báo đưa tin sai sự thật; đề nghị Hội Nhà báo xem xét.',
          actions: [{ type: 'REFER_TO_PRESS_ASSOCIATION', assigneeAgencyCode: 'HNB', dueDate: inAMonth() }],
        }),
      });
      w.pressIncomplete = await eventually(
        async () =>
          (await ok<Json>(`query($c: ID!) { pressComplaints(caseId: $c) { id } }`, { c: pressCase }, SeededUsers.hnbOfficer)).pressComplaints[0]?.id as
            string | undefined,
      );
      w.delivery = await eventually(async () => {
        const { rows } = await sql.query(
          `SELECT id FROM "${platform.env.schema('notification')}".delivery WHERE subscription_id = $1 AND status <> 'DEAD' LIMIT 1`,
          [w.subscription],
        );
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
        footprintSql = tables
          .map((t) => `SELECT '${t.schema}.${t.name}' AS t, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS d FROM "${t.schema}"."${t.name}" x`)
          .join(' UNION ALL ');
      }
      // Prepared once (named): the statement reads every table, and planning it anew each time took
      // a fifth of its time. Rows in table order, so two equal footprints serialise alike.
      const { rows } = await sql.query<{ t: string; d: string }>({ name: 'footprint', text: footprintSql });
      rows.sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : 0));
      const events = (await jsm.streams.info(platform.env.streamName)).state.messages;
      return { ...Object.fromEntries(rows.map((r) => [r.t.slice(platform.env.id.length + 1), r.d])), events };
    }

    /** Whether background work is done: every outbox published, every consumer caught up, no delivery pending. */
    async function quiet(): Promise<boolean> {
      const schemas = ['intake', 'consultation', 'directory', 'notification', 'evidence', 'press'].map((service) => platform.env.schema(service));
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

    /**
     * The footprint a refused mutation left, checked equal to the one before it: the last footprint
     * seen. When nothing has run since (the next case's fixtures wrote nothing), it is the first of
     * the two equal footprints `settled` waits for; anything written since makes them differ.
     */
    let lastSeen = '';

    /** The footprint once background work (relays, consumers, deliveries) has settled: two equal in a row, nothing pending. */
    async function settled(): Promise<Record<string, string | number>> {
      let last = lastSeen;
      lastSeen = '';
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
        const after = await footprint();
        expect(after).toEqual(before);
        lastSeen = JSON.stringify(after);
      });

      it.each(MUTATIONS[mutation]!.cases.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
        const variables = await testCase.variables(world);
        const document = testCase.document ?? MUTATIONS[mutation]!.document;
        const expected = testCase.expect;
        if ('code' in expected) {
          const watched = await testCase.watch?.(world, variables);
          const before = await settled();
          const result = await call(document, variables, testCase.as);
          expect({ data: result.data?.[mutation] ?? null, error: result.errors?.[0]?.extensions }).toEqual({
            data: null,
            error: expect.objectContaining(expected),
          });
          const after = await footprint();
          expect(after).toEqual(before);
          if (testCase.watch) expect(await testCase.watch(world, variables)).toEqual(watched);
          lastSeen = JSON.stringify(after);
        } else {
          const result = await call(document, variables, testCase.as);
          expect(result.errors).toBeUndefined();
          await expected.stored(result.data as Json, variables, world);
        }
      });
    });
  });
}
