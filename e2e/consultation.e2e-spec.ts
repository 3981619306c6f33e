import { createClient, type Client } from 'graphql-ws';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client as PgClient } from 'pg';
import WebSocket from 'ws';
import { FLOOD_RUMOUR, JOB_SCAM, SeededUsers, eventually, graphqlRequest, startSmtpSink, type SmtpSink, type TestUser } from '@phoi-hop/testing';
import { startPlatform, type Platform } from './support/platform';
import { SUBMIT_REPORT } from './support/queries';

const CONSULTATION_FIELDS = `id status mode caseId deadline invitations { agencyCode position late remindedAt escalatedAt } resolution { summary plan { type assigneeAgencyCode dueDate } }`;
const OPEN = `mutation($i: OpenConsultationInput!) { openConsultation(input: $i) { ${CONSULTATION_FIELDS} } }`;
const OPINION = `mutation($i: SubmitOpinionInput!) { submitOpinion(input: $i) { ${CONSULTATION_FIELDS} } }`;
const MEETING = `mutation($i: RecordMeetingInput!) { recordMeeting(input: $i) { id status minutes invitations { agencyCode present representative } dissentingViews { agencyCode view } } }`;
const RESOLVE = `mutation($i: ResolveConsultationInput!) { resolveConsultation(input: $i) { ${CONSULTATION_FIELDS} } }`;
const GET = `query($id: ID!) { consultation(id: $id) { ${CONSULTATION_FIELDS} } }`;
const LIST = `query($c: ID!) { consultations(caseId: $c) { id status } }`;
const CASE = `query($id: ID!) { case(id: $id) { id status participants { agency { code } role basis } } }`;
const TRIAGE = `mutation($id: ID!) { triageCase(id: $id) { status } }`;
const DECIDE = `mutation($i: DecideCaseInput!) { decideCase(input: $i) { case { status } actions { id type assigneeAgencyCode status } } }`;
const UPDATE_ACTION = `mutation($i: UpdateHandlingActionInput!) { updateHandlingAction(input: $i) { status } }`;
const CLOSE = `mutation($id: ID!, $o: String!) { closeCase(id: $id, outcome: $o) { status } }`;
const CASE_EVENTS = `subscription { caseEvents { type caseId consultationId } }`;

// Seeded officers of the portal and the newspaper (the standard plans give them clarifications to publish).
const portalOfficer: TestUser = { username: 'congttdt.officer', agencyCode: 'CONG_TTDT', roles: ['OFFICER'] };
const newspaperOfficer: TestUser = { username: 'baoqb.officer', agencyCode: 'BAO_QB', roles: ['OFFICER'] };

interface Consultation {
  id: string;
  status: string;
  invitations: { agencyCode: string; position: string | null; late: boolean; remindedAt: string | null; escalatedAt: string | null }[];
  resolution: { summary: string; plan: { type: string; assigneeAgencyCode: string }[] } | null;
}

/** The regulation played from a report to a closed case, through a written consultation (Đ4.2). */
describe('a flood rumour handled through a written consultation', () => {
  let platform: Platform;
  const tokens: Record<string, string> = {};
  const clients: Client[] = [];
  const inAWeek = new Date(Date.now() + 7 * 86400_000).toISOString().slice(0, 10);

  // Agency systems and mailboxes on loopback: a webhook receiver and an SMTP sink.
  let smtp: SmtpSink;
  let receiver: Server;
  let hookBase: string;
  const hooks: Array<{ path: string; headers: Record<string, string | string[] | undefined>; body: string }> = [];

  beforeAll(async () => {
    smtp = await startSmtpSink();
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        hooks.push({ path: request.url ?? '/', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    hookBase = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    platform = await startPlatform({ smtpUrl: smtp.url });
    for (const [name, user] of Object.entries({ ...SeededUsers, portalOfficer, newspaperOfficer })) tokens[name] = await platform.env.token(user);
  });

  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await platform?.stop();
    await smtp?.close();
    await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
  });

  const gql = <T>(query: string, variables: Record<string, unknown>, token: string) => graphqlRequest<T>(platform.graphqlUrl, query, variables, token);

  function subscribe(token: string): Array<{ type: string; caseId: string; consultationId: string | null }> {
    const sink: Array<{ type: string; caseId: string; consultationId: string | null }> = [];
    const client = createClient({ url: platform.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, lazy: false });
    client.subscribe<{ caseEvents: { type: string; caseId: string; consultationId: string | null } }>(
      { query: CASE_EVENTS },
      { next: (message) => message.data && sink.push(message.data.caseEvents), error: () => undefined, complete: () => undefined },
    );
    clients.push(client);
    return sink;
  }

  it('plays Đ4–Đ7 from report to closed case, visible to the agencies concerned and to no one else', async () => {
    // Notification subscriptions: the lead agency by e-mail, BTG and SYT (an outsider) by webhook.
    const SUBSCRIBE = `mutation($i: CreateNotificationSubscriptionInput!) { createNotificationSubscription(input: $i) { secret } }`;
    const mailSub = await gql(
      SUBSCRIBE,
      { i: { channel: 'EMAIL', target: 'dieuphoi@stttt.quangbinh.gov.vn', eventTypes: ['evt.consultation.opinion.escalated', 'evt.intake.case.decided'] } },
      tokens['stttLead']!,
    );
    expect(mailSub.errors).toBeUndefined();
    const btgHook = await gql<{ createNotificationSubscription: { secret: string } }>(
      SUBSCRIBE,
      { i: { channel: 'WEBHOOK', target: `${hookBase}/btg` } },
      tokens['btgOfficer']!,
    );
    await gql(SUBSCRIBE, { i: { channel: 'WEBHOOK', target: `${hookBase}/syt` } }, tokens['sytOfficer']!);
    const btgSecret = btgHook.data!.createNotificationSubscription.secret;

    const leadEvents = subscribe(tokens['stttLead']!);
    const btgEvents = subscribe(tokens['btgOfficer']!);
    const outsiderEvents = subscribe(tokens['sytOfficer']!);
    await new Promise((resolve) => setTimeout(resolve, 500));

    // Đ4.1, Đ7.1: UBND Lệ Thủy reports; the case is routed (Đ6) and triaged by the lead agency.
    const reported = await gql<{ submitReport: { case: { id: string } } }>(
      SUBMIT_REPORT,
      {
        input: {
          url: `https://www.facebook.com/groups/lethuy/posts/${Date.now()}`,
          excerpt: FLOOD_RUMOUR,
          categoryCode: 'FALSE_INFO_PANIC',
          localityCode: 'LE_THUY',
        },
      },
      tokens['lethuyOfficer']!,
    );
    expect(reported.errors).toBeUndefined();
    const caseId = reported.data!.submitReport.case.id;
    expect((await gql<{ case: unknown }>(CASE, { id: caseId }, tokens['btgOfficer']!)).data!.case).toBeNull();

    // Only a triaged case is consulted on, and only by the lead agency's coordinator.
    const deadline = () => new Date(Date.now() + 4_000).toISOString();
    const consult = (token: string) =>
      gql<{ openConsultation: Consultation }>(
        OPEN,
        {
          i: {
            caseId,
            mode: 'WRITTEN',
            invitedAgencyCodes: ['CA', 'UBND_LE_THUY', 'BTG'],
            subject: 'Xin ý kiến: tin vỡ đập thủy điện thượng nguồn sông Kiến Giang có phải là thông tin sai sự thật?',
            proposedHandling: 'Đính chính trên Cổng TTĐT và Báo Quảng Bình; yêu cầu nền tảng gỡ bài gốc',
            deadline: deadline(),
          },
        },
        token,
      );
    expect((await consult(tokens['stttLead']!)).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_STATE' });
    await gql(TRIAGE, { id: caseId }, tokens['stttLead']!);
    expect((await consult(tokens['caOfficer']!)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const opened = await consult(tokens['stttLead']!);
    expect(opened.errors).toBeUndefined();
    const consultationId = opened.data!.openConsultation.id;
    expect(opened.data!.openConsultation.invitations.map((i) => i.agencyCode)).toEqual(['BTG', 'CA', 'UBND_LE_THUY']);

    // The case goes into consultation, and the invited BTG joins it and may now see it.
    const inConsultation = await eventually(async () => {
      const seen = await gql<{ case: { status: string; participants: { agency: { code: string }; role: string; basis: string }[] } }>(
        CASE,
        { id: caseId },
        tokens['btgOfficer']!,
      );
      return seen.data?.case.status === 'IN_CONSULTATION' ? seen.data.case : undefined;
    });
    expect(inConsultation.participants.find((p) => p.agency.code === 'BTG')).toMatchObject({ role: 'PARTICIPANT', basis: expect.stringContaining('Đ4.2') });
    // An agency with nothing to do with the case sees neither it nor its consultation, and cannot answer.
    expect((await gql<{ consultation: unknown }>(GET, { id: consultationId }, tokens['sytOfficer']!)).data!.consultation).toBeNull();
    expect((await gql<{ consultations: unknown[] }>(LIST, { c: caseId }, tokens['sytOfficer']!)).data!.consultations).toEqual([]);
    const sytOpinion = await gql(OPINION, { i: { consultationId, position: 'AGREE', reasoning: 'Ý kiến của đơn vị không được mời' } }, tokens['sytOfficer']!);
    expect(sytOpinion.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });

    // Two of the three answer in time; bad answers are refused and change nothing.
    const badAlternative = await gql(
      OPINION,
      { i: { consultationId, position: 'ALTERNATIVE', reasoning: 'Đề xuất phương án khác cho vụ việc' } },
      tokens['lethuyOfficer']!,
    );
    expect(badAlternative.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'alternativeProposal' });
    const caAgrees = await gql<{ submitOpinion: Consultation }>(
      OPINION,
      {
        i: {
          consultationId,
          position: 'AGREE',
          reasoning: 'Công an tỉnh xác minh: không có sự cố đập; thông tin bịa đặt',
          attachments: [{ name: 'Báo cáo xác minh', url: 'https://congan.quangbinh.gov.vn/bc/123' }],
        },
      },
      tokens['caOfficer']!,
    );
    expect(caAgrees.errors).toBeUndefined();
    const lethuy = await gql<{ submitOpinion: Consultation }>(
      OPINION,
      {
        i: {
          consultationId,
          position: 'ALTERNATIVE',
          reasoning: 'Huyện đã thông báo trên loa truyền thanh',
          alternativeProposal: 'Thêm thông báo trên đài truyền thanh huyện',
        },
      },
      tokens['lethuyOfficer']!,
    );
    expect(lethuy.data!.submitOpinion.invitations.filter((i) => i.position).map((i) => `${i.agencyCode}:${i.position}`)).toEqual([
      'CA:AGREE',
      'UBND_LE_THUY:ALTERNATIVE',
    ]);
    const early = await gql(RESOLVE, { i: { consultationId, summary: 'Thống nhất đính chính và yêu cầu gỡ bài', plan: [] } }, tokens['stttLead']!);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_STATE' });

    // BTG misses the deadline: it is reminded first, then escalated to the lead agency.
    const escalated = await eventually(
      async () => {
        const seen = await gql<{ consultation: Consultation }>(GET, { id: consultationId }, tokens['stttLead']!);
        const btg = seen.data?.consultation.invitations.find((i) => i.agencyCode === 'BTG');
        return btg?.escalatedAt ? seen.data!.consultation : undefined;
      },
      15_000,
      100,
    );
    const byAgency = Object.fromEntries(escalated.invitations.map((i) => [i.agencyCode, i]));
    expect(byAgency['BTG']).toMatchObject({ position: null, remindedAt: expect.any(String) });
    expect(byAgency['CA']).toMatchObject({ remindedAt: null, escalatedAt: null });
    await eventually(() => (leadEvents.some((e) => e.type === 'consultation.opinion.escalated' && e.consultationId === consultationId) ? true : undefined));

    // A late opinion is kept and marked late; then the coordinator resolves with the agreed plan.
    const late = await gql<{ submitOpinion: Consultation }>(
      OPINION,
      { i: { consultationId, position: 'AGREE', reasoning: 'Ban Tuyên giáo thống nhất đính chính' } },
      tokens['btgOfficer']!,
    );
    expect(late.data!.submitOpinion.invitations.find((i) => i.agencyCode === 'BTG')).toMatchObject({ position: 'AGREE', late: true });
    const plan = [
      { type: 'PUBLISH_CLARIFICATION', assigneeAgencyCode: 'CONG_TTDT', dueDate: inAWeek, details: 'Đăng thông tin chính thức trên Cổng TTĐT tỉnh' },
      { type: 'PUBLISH_CLARIFICATION', assigneeAgencyCode: 'BAO_QB', dueDate: inAWeek },
      { type: 'REQUEST_REMOVAL', assigneeAgencyCode: 'STTTT', dueDate: inAWeek, details: 'Yêu cầu Facebook gỡ bài gốc', removal: { platform: 'FACEBOOK' } },
    ];
    const resolved = await gql<{ resolveConsultation: Consultation }>(
      RESOLVE,
      { i: { consultationId, summary: 'Thống nhất: thông tin sai sự thật; đính chính và yêu cầu gỡ bài', plan } },
      tokens['stttLead']!,
    );
    expect(resolved.errors).toBeUndefined();
    expect(resolved.data!.resolveConsultation).toMatchObject({
      status: 'RESOLVED',
      resolution: { plan: plan.map((a) => ({ type: a.type, assigneeAgencyCode: a.assigneeAgencyCode })) },
    });
    // The consultation service's own audit chain shows through the one audit trail.
    const trail = await gql<{ auditTrail: { edges: { node: { service: string; action: string } }[] } }>(
      `query($t: String!) { auditTrail(targetId: $t, first: 50) { edges { node { service action } } } }`,
      { t: consultationId },
      tokens['auditor']!,
    );
    expect(
      trail
        .data!.auditTrail.edges.map((e) => e.node)
        .filter((e) => e.service === 'consultation')
        .map((e) => e.action),
    ).toEqual(expect.arrayContaining(['consultation.opened', 'consultation.opinion-submitted', 'consultation.resolved']));
    const again = await gql(RESOLVE, { i: { consultationId, summary: 'Giải quyết lần thứ hai, không được phép', plan: [] } }, tokens['stttLead']!);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_STATE' });

    // Đ5, Đ3.2: the decision follows the agreed plan, citing a provision, with the assessment.
    const decision = {
      caseId,
      consultationId,
      finding: 'FALSE',
      provisionCodes: ['ND15_2020_D101'],
      assessment: {
        isFactualClaim: true,
        verifiedFalseBy: 'CA',
        isPublicInterestReporting: false,
        isGenuineGrievance: false,
        proportionality: 'Đính chính và gỡ bài gốc là biện pháp tối thiểu để chấm dứt hoang mang',
        concludesNotProtected: true,
      },
      statementOfReasons: 'Các cơ quan được hỏi ý kiến xác nhận không có sự cố đập; tin gây hoang mang trong mùa lũ.',
      actions: [],
    };
    const decided = await eventually(async () => {
      const result = await gql<{ decideCase: { case: { status: string }; actions: { id: string; type: string; assigneeAgencyCode: string }[] } }>(
        DECIDE,
        { i: decision },
        tokens['stttLead']!,
      );
      // The agreed plan reaches intake as an event; until it does, the consultation is not yet known there.
      return result.errors?.[0]?.extensions?.['field'] === 'consultationId' ? undefined : result;
    });
    expect(decided.errors).toBeUndefined();
    expect(decided.data!.decideCase.case.status).toBe('ACTING');
    const actions = decided.data!.decideCase.actions;
    expect(actions.map((a) => `${a.type}:${a.assigneeAgencyCode}`)).toEqual(plan.map((a) => `${a.type}:${a.assigneeAgencyCode}`));

    // Each agency reports its own action done; then the case closes with its outcome.
    const doer: Record<string, string> = { CONG_TTDT: tokens['portalOfficer']!, BAO_QB: tokens['newspaperOfficer']!, STTTT: tokens['stttLead']! };
    const notMine = await gql(
      UPDATE_ACTION,
      { i: { actionId: actions[0]!.id, status: 'DONE', result: 'Không phải việc của đơn vị' } },
      tokens['newspaperOfficer']!,
    );
    expect(notMine.errors?.[0]?.extensions?.['code']).toMatch(/FORBIDDEN|NOT_FOUND/);
    // The removal request: as agreed (the platform named in the plan), sent with its reference, acknowledged, taken down.
    const removalAction = actions.find((a) => a.type === 'REQUEST_REMOVAL')!;
    const planned = await gql<{ case: { actions: { id: string; removal: { platform: string; legalBasis: string[] } | null }[] } }>(
      `query($id: ID!) { case(id: $id) { actions { id removal { platform legalBasis } } } }`,
      { id: caseId },
      tokens['stttLead']!,
    );
    expect(planned.data!.case.actions.find((a) => a.id === removalAction.id)!.removal).toMatchObject({
      platform: 'FACEBOOK',
      legalBasis: [expect.any(String)],
    });
    const handledAt = new Date().toISOString();
    const recorded = await gql(
      `mutation($i: UpdateRemovalRequestInput!) { updateRemovalRequest(input: $i) { status } }`,
      {
        i: {
          actionId: removalAction.id,
          requestReference: '45/STTTT-TTĐT',
          sentAt: handledAt,
          acknowledgedAt: handledAt,
          effectedAt: handledAt,
          outcome: 'REMOVED',
        },
      },
      tokens['stttLead']!,
    );
    expect(recorded.errors).toBeUndefined();
    for (const action of actions) {
      const done = await gql(
        UPDATE_ACTION,
        { i: { actionId: action.id, status: 'DONE', result: `Đã thực hiện ${action.type}`, links: ['https://quangbinh.gov.vn/dinh-chinh'] } },
        doer[action.assigneeAgencyCode]!,
      );
      expect(done.errors).toBeUndefined();
    }
    const closed = await gql<{ closeCase: { status: string } }>(
      CLOSE,
      { id: caseId, o: 'Đã đính chính trên Cổng TTĐT và Báo Quảng Bình; Facebook đã gỡ bài gốc.' },
      tokens['stttLead']!,
    );
    expect(closed.data!.closeCase.status).toBe('CLOSED');

    // The subscriptions saw it all, each agency only what concerns it.
    await eventually(() =>
      leadEvents.some((e) => e.caseId === caseId && e.type === 'case.status-changed') && leadEvents.filter((e) => e.caseId === caseId).length >= 10
        ? true
        : undefined,
    );
    const leadTypes = new Set(leadEvents.filter((e) => e.caseId === caseId).map((e) => e.type));
    for (const type of [
      'case.opened',
      'consultation.consultation.opened',
      'consultation.opinion.submitted',
      'consultation.opinion.reminded',
      'consultation.opinion.escalated',
      'consultation.consultation.resolved',
      'case.decided',
    ]) {
      expect(leadTypes).toContain(type);
    }
    expect(btgEvents.some((e) => e.caseId === caseId && e.type === 'case.opened')).toBe(false);
    expect(btgEvents.some((e) => e.caseId === caseId && e.type === 'consultation.opinion.escalated')).toBe(true);
    expect(outsiderEvents.filter((e) => e.caseId === caseId)).toEqual([]);

    // E-mail to the lead agency and signed webhooks to BTG's system; nothing to SYT's.
    const caseNumber = (await gql<{ case: { number: string } }>(`query($id: ID!) { case(id: $id) { number } }`, { id: caseId }, tokens['stttLead']!)).data!.case
      .number;
    await eventually(() => (smtp.mails.filter((m) => m.includes(caseNumber)).length >= 2 ? true : undefined), 15_000);
    expect(smtp.mails.filter((m) => m.includes(caseNumber)).every((m) => m.includes('dieuphoi@stttt.quangbinh.gov.vn') && !m.includes('Kiến Giang'))).toBe(
      true,
    );
    const btgTypes = await eventually(() => {
      const types = hooks.filter((h) => h.path === '/btg' && h.body.includes(caseId)).map((h) => (JSON.parse(h.body) as { eventType: string }).eventType);
      return types.includes('evt.consultation.opinion.escalated') && types.includes('evt.intake.case.decided') ? types : undefined;
    }, 15_000);
    expect(btgTypes).not.toContain('evt.intake.case.opened');
    for (const hook of hooks.filter((h) => h.path === '/btg')) {
      const expected = `sha256=${createHmac('sha256', btgSecret)
        .update(`${String(hook.headers['x-phoihop-timestamp'])}.${hook.body}`)
        .digest('hex')}`;
      expect(hook.headers['x-phoihop-signature']).toBe(expected);
      expect(hook.body).not.toContain('Kiến Giang');
    }
    expect(hooks.filter((h) => h.path === '/syt' && h.body.includes(caseId))).toEqual([]);
  });

  it('holds a meeting with minutes and dissent, and refuses bad input and illegal steps without changing anything', async () => {
    const sql = new PgClient({ connectionString: platform.env.databaseUrl });
    await sql.connect();
    const schema = platform.env.schema('consultation');
    const footprint = async () =>
      (
        await sql.query(`SELECT (SELECT count(*) FROM "${schema}".consultation)::int AS c, (SELECT count(*) FROM "${schema}".outbox)::int AS o, (SELECT count(*) FROM "${schema}".audit_log)::int AS a,
                               (SELECT count(*) FROM "${schema}".consultation_invitation WHERE present IS NOT NULL OR position IS NOT NULL)::int AS answered`)
      ).rows[0];
    try {
      const reported = await gql<{ submitReport: { case: { id: string } } }>(
        SUBMIT_REPORT,
        { input: { url: `https://zalo.me/g/tuyendung${Date.now()}`, excerpt: JOB_SCAM, categoryCode: 'IMPERSONATION_SCAM', localityCode: 'DONG_HOI' } },
        tokens['donghoiOfficer']!,
      );
      const caseId = reported.data!.submitReport.case.id;
      await gql(TRIAGE, { id: caseId }, tokens['stttLead']!);
      const meetingAt = new Date(Date.now() + 3 * 3600_000).toISOString();
      const meeting = {
        caseId,
        mode: 'MEETING',
        invitedAgencyCodes: ['CA', 'UBND_DONG_HOI'],
        subject: 'Họp thống nhất xử lý tin tuyển dụng lừa đảo',
        meetingAt,
        link: 'https://hop.quangbinh.gov.vn/p/123',
      };

      const before = await footprint();
      // The contract's own rules (codes, lengths, links, ids) are checked in milliseconds by
      // libs/contracts' consultation.dto.spec.ts; here what only the running services refuse, and
      // what the gateway's types (DateTime, enums) refuse before any service is asked.
      const refusals: Array<[Record<string, unknown>, string, string | undefined]> = [
        [{ ...meeting, invitedAgencyCodes: ['CA', 'GHOST_AGENCY'] }, 'BAD_USER_INPUT', 'invitedAgencyCodes'],
        [{ ...meeting, deadline: meetingAt }, 'BAD_USER_INPUT', 'deadline'],
        [{ ...meeting, meetingAt: 'next tuesday' }, 'BAD_USER_INPUT', 'meetingAt'],
        [{ ...meeting, mode: 'PHONE' }, 'BAD_USER_INPUT', 'mode'],
      ];
      for (const [input, code, field] of refusals) {
        const refused = await gql(OPEN, { i: input }, tokens['stttLead']!);
        expect({ input, error: refused.errors?.[0]?.extensions }).toMatchObject({ input, error: { code, ...(field ? { field } : {}) } });
      }
      expect(await footprint()).toEqual(before);

      const opened = await gql<{ openConsultation: Consultation }>(OPEN, { i: meeting }, tokens['stttLead']!);
      expect(opened.errors).toBeUndefined();
      const consultationId = opened.data!.openConsultation.id;
      const afterOpen = await footprint();
      const illegal: Array<[string, Record<string, unknown>, string, string]> = [
        [OPINION, { consultationId, position: 'AGREE', reasoning: 'Ý kiến bằng văn bản cho cuộc họp' }, 'caOfficer', 'INVALID_STATE'],
        [RESOLVE, { consultationId, summary: 'Kết luận khi chưa có biên bản', plan: [] }, 'stttLead', 'INVALID_STATE'],
        [MEETING, { consultationId, attendance: [{ agencyCode: 'CA', present: true }], minutes: 'Biên bản thiếu một đơn vị' }, 'stttLead', 'BAD_USER_INPUT'],
        [
          MEETING,
          {
            consultationId,
            attendance: [
              { agencyCode: 'CA', present: true },
              { agencyCode: 'UBND_DONG_HOI', present: true },
            ],
            minutes: 'Biên bản do Công an ghi',
          },
          'caOfficer',
          'FORBIDDEN',
        ],
      ];
      for (const [mutation, input, who, code] of illegal) {
        const refused = await gql(mutation, { i: input }, tokens[who]!);
        expect(refused.errors?.[0]?.extensions).toMatchObject({ code });
      }
      expect(await footprint()).toEqual(afterOpen);

      const recorded = await gql<{
        recordMeeting: {
          invitations: { agencyCode: string; present: boolean; representative: string | null }[];
          dissentingViews: { agencyCode: string; view: string }[];
        };
      }>(
        MEETING,
        {
          i: {
            consultationId,
            attendance: [
              { agencyCode: 'CA', present: true, representative: 'Đại diện Phòng An ninh mạng' },
              { agencyCode: 'UBND_DONG_HOI', present: false, representative: 'không dự' },
            ],
            minutes: 'Công an tỉnh xác minh tài khoản nhận tiền; thống nhất cảnh báo người dân và đề nghị nền tảng gỡ tin.',
            dissentingViews: [{ agencyCode: 'CA', view: 'Đề nghị chuyển hồ sơ điều tra thay vì chỉ gỡ tin' }],
          },
        },
        tokens['stttLead']!,
      );
      expect(recorded.errors).toBeUndefined();
      expect(recorded.data!.recordMeeting.invitations).toEqual([
        { agencyCode: 'CA', present: true, representative: 'Đại diện Phòng An ninh mạng' },
        { agencyCode: 'UBND_DONG_HOI', present: false, representative: null },
      ]);
      expect(recorded.data!.recordMeeting.dissentingViews).toEqual([{ agencyCode: 'CA', view: 'Đề nghị chuyển hồ sơ điều tra thay vì chỉ gỡ tin' }]);
      const resolved = await gql<{ resolveConsultation: Consultation }>(
        RESOLVE,
        {
          i: {
            consultationId,
            summary: 'Cảnh báo người dân; chuyển Công an điều tra',
            plan: [{ type: 'REFER_TO_POLICE', assigneeAgencyCode: 'CA', dueDate: inAWeek }],
          },
        },
        tokens['stttLead']!,
      );
      expect(resolved.data!.resolveConsultation.status).toBe('RESOLVED');
      const listed = await gql<{ consultations: { id: string; status: string }[] }>(LIST, { c: caseId }, tokens['caOfficer']!);
      expect(listed.data!.consultations).toEqual([{ id: consultationId, status: 'RESOLVED' }]);
    } finally {
      await sql.end();
    }
  });
});
