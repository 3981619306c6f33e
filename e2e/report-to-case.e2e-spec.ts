import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { Client as PgClient } from 'pg';
import { verifyAuditChain } from '@phoi-hop/persistence';
import { FLOOD_RUMOUR, FLOOD_RUMOUR_EDITED, FLOOD_RUMOUR_PARTIAL, JOB_SCAM, SeededUsers, eventually, graphqlRequest } from '@phoi-hop/testing';
import { startPlatform, type Platform } from './support/platform';
import { CASE_EVENTS, GET_CASE, LIST_CASES, SUBMIT_REPORT } from './support/queries';

interface SubmitResult {
  submitReport: {
    merged: boolean;
    report: { id: string; canonicalUrl: string };
    case: {
      id: string;
      number: string;
      status: string;
      severity: string;
      reportCount: number;
      reports: { totalCount: number; edges: { node: { id: string; reporterAgencyCode: string } }[] };
      participants: { agency: { code: string; name: string }; role: string; basis: string }[];
      possibleDuplicates: { caseId: string; number: string; similarity: number }[];
    };
  };
}

const UNRELATED = JOB_SCAM;

describe('A report becomes a routed case (gateway → intake → directory)', () => {
  let platform: Platform;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    platform = await startPlatform();
    for (const [key, user] of Object.entries(SeededUsers)) tokens[key] = await platform.env.token(user);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  const submit = (token: string, input: Record<string, unknown>) => graphqlRequest<SubmitResult>(platform.graphqlUrl, SUBMIT_REPORT, { input }, token);

  async function countCases(): Promise<number> {
    const client = new PgClient({ connectionString: platform.env.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM "${platform.env.schema('intake')}".handling_case`);
      return rows[0].n;
    } finally {
      await client.end();
    }
  }

  it('opens a case routed to the agencies the regulation names, tells subscribers, and merges the same content', async () => {
    const events: Array<{ type: string; caseId: string }> = [];
    const outsiderEvents: Array<{ type: string; caseId: string }> = [];
    const subscribe = (token: string, sink: typeof events): Client => {
      const client = createClient({ url: platform.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, lazy: false });
      client.subscribe<{ caseEvents: { type: string; caseId: string } }>(
        { query: CASE_EVENTS },
        { next: (message) => message.data && sink.push(message.data.caseEvents), error: () => undefined, complete: () => undefined },
      );
      return client;
    };
    const lead = subscribe(tokens['stttLead']!, events);
    const outsider = subscribe(tokens['sytOfficer']!, outsiderEvents);
    // Give both sockets time to subscribe before the first event.
    await new Promise((resolve) => setTimeout(resolve, 500));

    const first = await submit(tokens['lethuyOfficer']!, {
      url: 'https://www.facebook.com/permalink.php?story_fbid=123456789&id=100012345&utm_source=zalo',
      excerpt: FLOOD_RUMOUR,
      categoryCode: 'FALSE_INFO_PANIC',
      localityCode: 'LE_THUY',
      sectorCode: 'AGRICULTURE',
      observedAt: '2026-10-20T03:30:00+07:00',
    });
    expect(first.errors).toBeUndefined();
    const opened = first.data!.submitReport;
    expect(opened.merged).toBe(false);
    expect(opened.case.status).toBe('OPEN');
    expect(opened.case.number).toMatch(/^QB-\d{4}-\d{6}$/);
    const byCode = Object.fromEntries(opened.case.participants.map((p) => [p.agency.code, p]));
    expect(byCode['STTTT']).toMatchObject({ role: 'LEAD', basis: expect.stringContaining('Đ6.1') });
    expect(byCode['UBND_LE_THUY']).toMatchObject({ role: 'PARTICIPANT', basis: expect.stringContaining('Đ6.7') });
    expect(byCode['SNNPTNT']).toMatchObject({ role: 'PARTICIPANT' });
    expect(byCode['STTTT']!.agency.name).toMatch(/Thông tin và Truyền thông/);
    expect(byCode['SYT']).toBeUndefined();

    // The same post through another URL form, reported by another agency: one case, two reports.
    const second = await submit(tokens['btgOfficer']!, {
      url: 'http://m.facebook.com/100012345/posts/123456789/?fbclid=IwAR0abc',
      excerpt: 'Tin đồn vỡ đập ở Lệ Thủy đang lan truyền',
      categoryCode: 'FALSE_INFO_PANIC',
      localityCode: 'LE_THUY',
    });
    expect(second.errors).toBeUndefined();
    expect(second.data!.submitReport.merged).toBe(true);
    expect(second.data!.submitReport.case.id).toBe(opened.case.id);
    expect(second.data!.submitReport.case.reportCount).toBe(2);
    // Need-to-know: Ban Tuyên giáo only reported this case, so it sees its own report, not Lệ Thủy's.
    expect(second.data!.submitReport.case.reports.edges.map((e) => e.node.reporterAgencyCode)).toEqual(['BTG']);

    // Lightly edited text on another site joins too.
    const third = await submit(tokens['caOfficer']!, {
      url: 'https://tiktok.com/@tin.nong.24h/video/7300000000000000001?is_from_webapp=1',
      excerpt: FLOOD_RUMOUR_EDITED,
      categoryCode: 'FALSE_INFO_PANIC',
      localityCode: 'LE_THUY',
    });
    expect(third.data!.submitReport).toMatchObject({ merged: true, case: { id: opened.case.id, reportCount: 3 } });

    // Unrelated content is another case.
    const other = await submit(tokens['donghoiOfficer']!, {
      url: 'https://zalo.me/g/tuyen-ctv-ban-hang',
      excerpt: UNRELATED,
      categoryCode: 'IMPERSONATION_SCAM',
      localityCode: 'DONG_HOI',
    });
    expect(other.data!.submitReport.merged).toBe(false);
    expect(other.data!.submitReport.case.id).not.toBe(opened.case.id);
    const scamParticipants = other.data!.submitReport.case.participants.map((p) => p.agency.code);
    expect(scamParticipants).toEqual(expect.arrayContaining(['STTTT', 'CA', 'UBND_DONG_HOI']));

    const ofCase = () => events.filter((e) => e.caseId === opened.case.id).map((e) => e.type);
    await eventually(() => (ofCase().length >= 3 ? true : undefined));
    expect(ofCase()).toEqual(['case.opened', 'report.attached', 'report.attached']);
    // Sở Y tế is not on either case: its subscription stays silent.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(outsiderEvents).toEqual([]);
    await lead.dispose();
    await outsider.dispose();
  });

  it('opens a new case with a "possible duplicate" suggestion for text similar below the join threshold', async () => {
    const original = await submit(tokens['lethuyOfficer']!, {
      url: 'https://example.vn/tin-vo-dap-goc',
      excerpt: FLOOD_RUMOUR,
      categoryCode: 'FALSE_INFO_PANIC',
      localityCode: 'LE_THUY',
    });
    const similar = await submit(tokens['btgOfficer']!, {
      url: 'https://example.vn/tin-vo-dap-cai-chinh',
      excerpt: FLOOD_RUMOUR_PARTIAL,
      categoryCode: 'FALSE_INFO_PANIC',
      localityCode: 'LE_THUY',
    });
    expect(similar.errors).toBeUndefined();
    expect(similar.data!.submitReport.merged).toBe(false);
    const suggestion = similar.data!.submitReport.case.possibleDuplicates.find((d) => d.caseId === original.data!.submitReport.case.id);
    expect(suggestion).toMatchObject({ number: original.data!.submitReport.case.number });
    expect(suggestion!.similarity).toBeGreaterThanOrEqual(0.3);
    expect(suggestion!.similarity).toBeLessThan(0.6);
  });

  it('makes one case of the same content reported by several agencies at the same moment', async () => {
    const reporters = ['lethuyOfficer', 'btgOfficer', 'caOfficer', 'donghoiOfficer', 'sytOfficer', 'stttLead'];
    const text = `Cảnh báo: tài khoản giả mạo Công an tỉnh đang nhắn tin yêu cầu nộp phạt nguội qua đường link lạ, mã ${Date.now()}`;
    const results = await Promise.all(
      reporters.map((key, i) =>
        submit(tokens[key]!, {
          url: `https://www.facebook.com/permalink.php?story_fbid=777&id=888&utm_medium=${i}`,
          excerpt: text,
          categoryCode: 'IMPERSONATION_SCAM',
        }),
      ),
    );
    expect(results.every((r) => !r.errors)).toBe(true);
    const caseIds = new Set(results.map((r) => r.data!.submitReport.case.id));
    expect(caseIds.size).toBe(1);
    expect(results.filter((r) => !r.data!.submitReport.merged)).toHaveLength(1);
    const [caseId] = [...caseIds];
    const seen = await graphqlRequest<{ case: { reportCount: number } }>(
      platform.graphqlUrl,
      `query($id: ID!) { case(id: $id) { reportCount } }`,
      { id: caseId },
      tokens['stttLead'],
    );
    expect(seen.data!.case.reportCount).toBe(reporters.length);
  });

  it('shows a case only to its reporters, participants and leadership', async () => {
    const created = await submit(tokens['lethuyOfficer']!, {
      url: 'https://example.vn/bai-viet/gia-xang-tang-gap-doi',
      excerpt: 'Giá xăng sẽ tăng gấp đôi từ ngày mai, mọi người đi đổ xăng tích trữ ngay.',
      categoryCode: 'FALSE_INFO_ECONOMIC',
      localityCode: 'LE_THUY',
    });
    const id = created.data!.submitReport.case.id;
    const asSyt = await graphqlRequest<{ case: unknown }>(platform.graphqlUrl, GET_CASE, { id }, tokens['sytOfficer']);
    expect(asSyt.errors).toBeUndefined();
    expect(asSyt.data!.case).toBeNull();
    const missing = await graphqlRequest<{ case: unknown }>(
      platform.graphqlUrl,
      GET_CASE,
      { id: '00000000-0000-4000-8000-000000000000' },
      tokens['sytOfficer'],
    );
    expect(missing).toEqual(asSyt);
    const listed = await graphqlRequest<{ cases: { edges: { node: { id: string } }[] } }>(platform.graphqlUrl, LIST_CASES, { first: 50 }, tokens['sytOfficer']);
    expect(listed.data!.cases.edges.map((e) => e.node.id)).not.toContain(id);

    for (const key of ['lethuyOfficer', 'stttLead', 'leader']) {
      const seen = await graphqlRequest<{ case: { id: string } | null }>(platform.graphqlUrl, GET_CASE, { id }, tokens[key]);
      expect(seen.data!.case?.id).toBe(id);
    }
  });

  it('keeps a verifiable audit chain of every submission and of the seed', async () => {
    const sql = new PgClient({ connectionString: platform.env.databaseUrl });
    await sql.connect();
    try {
      const intake = await verifyAuditChain(sql, platform.env.schema('intake'));
      expect(intake.ok).toBe(true);
      const { rows } = await sql.query(`SELECT count(*)::int AS n FROM "${platform.env.schema('intake')}".report`);
      expect(intake.checked).toBe(rows[0].n);
      const directory = await verifyAuditChain(sql, platform.env.schema('directory'));
      expect(directory).toMatchObject({ ok: true, checked: 1 });
    } finally {
      await sql.end();
    }
  });

  it('shows auditors the audit trail of a case across services, page by page, and no one else', async () => {
    const cases = await graphqlRequest<{ cases: { edges: { node: { id: string; number: string } }[] } }>(
      platform.graphqlUrl,
      LIST_CASES,
      { first: 100 },
      tokens['leader'],
    );
    const first = cases.data!.cases.edges.find((e) => e.node.number.endsWith('000001'))!.node;
    const query = `query($t: String!, $n: Int, $a: String) { auditTrail(targetId: $t, first: $n, after: $a) { totalCount edges { cursor node { service seq action actorAgency summary } } pageInfo { hasNextPage endCursor } } }`;
    type Entry = { service: string; seq: number; action: string; actorAgency: string; summary: string };
    type Trail = {
      auditTrail: { totalCount: number; edges: { cursor: string; node: Entry }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    };
    const seen: Entry[] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof graphqlRequest<Trail>>> = await graphqlRequest<Trail>(
        platform.graphqlUrl,
        query,
        { t: first.id, n: 1, a: after },
        tokens['auditor'],
      );
      expect(page.errors).toBeUndefined();
      seen.push(...page.data!.auditTrail.edges.map((e) => e.node));
      totals.add(page.data!.auditTrail.totalCount);
      after = page.data!.auditTrail.pageInfo.hasNextPage ? page.data!.auditTrail.pageInfo.endCursor : null;
    } while (after);
    // Every page counts the whole trail, whichever chains it still reads.
    expect([...totals]).toEqual([seen.length]);
    const detail = await graphqlRequest<{ case: { reportCount: number } }>(platform.graphqlUrl, GET_CASE, { id: first.id }, tokens['leader']);
    // One entry per report: the first opened the case, each later one was attached; newest first.
    expect(seen.map((e) => e.action)).toEqual([...Array(detail.data!.case.reportCount - 1).fill('report.attached'), 'case.opened']);
    expect(new Set(seen.map((e) => e.seq)).size).toBe(seen.length);
    expect(seen.at(-1)).toMatchObject({ service: 'intake', actorAgency: 'UBND_LE_THUY' });
    expect(JSON.parse(seen.at(-1)!.summary)).toMatchObject({ caseNumber: first.number });
    const seed = await graphqlRequest<Trail>(platform.graphqlUrl, query, { t: 'QUANG_BINH', n: 10 }, tokens['auditor']);
    expect(seed.data!.auditTrail.edges.map((e) => e.node)).toEqual([expect.objectContaining({ service: 'directory', action: 'seed.loaded' })]);
    const officer = await graphqlRequest(platform.graphqlUrl, query, { t: first.id, n: 10 }, tokens['lethuyOfficer']);
    expect(officer.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('pages through cases with a Relay connection', async () => {
    const page1 = await graphqlRequest<{ cases: { edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
      platform.graphqlUrl,
      LIST_CASES,
      { first: 1 },
      tokens['leader'],
    );
    expect(page1.data!.cases.edges).toHaveLength(1);
    expect(page1.data!.cases.pageInfo.hasNextPage).toBe(true);
    const page2 = await graphqlRequest<typeof page1.data>(
      platform.graphqlUrl,
      LIST_CASES,
      { first: 1, after: page1.data!.cases.pageInfo.endCursor },
      tokens['leader'],
    );
    expect(page2.data!.cases.edges[0]!.node.id).not.toBe(page1.data!.cases.edges[0]!.node.id);
  });

  it('lets the coordinator triage, dismiss and reopen a case, refusing illegal moves and other roles', async () => {
    const created = await submit(tokens['donghoiOfficer']!, {
      url: 'https://example.vn/phan-anh-rac-thai',
      excerpt: 'Người dân phản ánh bãi rác tự phát bốc mùi ở phường Đức Ninh',
      categoryCode: 'GRIEVANCE',
      localityCode: 'DONG_HOI',
    });
    const id = created.data!.submitReport.case.id;
    type Moved = { status: string; severity: string };
    const move = (token: string, mutation: string, variables: Record<string, unknown>) =>
      graphqlRequest<Record<string, Moved>>(platform.graphqlUrl, mutation, { id, ...variables }, token);
    const TRIAGE = `mutation($id: ID!, $s: Severity) { triageCase(id: $id, severity: $s) { status severity } }`;
    const DISMISS = `mutation($id: ID!, $r: String!) { dismissCase(id: $id, reason: $r) { status } }`;
    const REOPEN = `mutation($id: ID!, $r: String!) { reopenCase(id: $id, reason: $r) { status } }`;

    expect((await move(tokens['donghoiOfficer']!, TRIAGE, { s: 'HIGH' })).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect((await move(tokens['stttLead']!, TRIAGE, { s: 'HIGH' })).data!['triageCase']).toEqual({ status: 'TRIAGED', severity: 'HIGH' });
    expect((await move(tokens['stttLead']!, TRIAGE, {})).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_STATE' });
    expect((await move(tokens['stttLead']!, REOPEN, { r: 'mở lại' })).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_STATE' });
    expect((await move(tokens['stttLead']!, DISMISS, { r: ' ' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect((await move(tokens['stttLead']!, DISMISS, { r: 'Đã xác minh: địa phương đã thu gom xong' })).data!['dismissCase']).toEqual({ status: 'DISMISSED' });
    expect((await move(tokens['stttLead']!, REOPEN, { r: 'Người dân phản ánh lại sau một tuần' })).data!['reopenCase']).toEqual({ status: 'TRIAGED' });
    const other = await graphqlRequest(platform.graphqlUrl, TRIAGE, { id: '00000000-0000-4000-8000-000000000000' }, tokens['stttLead']);
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  describe('bad input', () => {
    const valid = { url: 'https://example.vn/a', excerpt: 'Nội dung sai sự thật', categoryCode: 'FALSE_INFO_PANIC' };
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['a javascript: URL', { url: 'javascript:alert(1)' }, 'url'],
      ['a file: URL', { url: 'file:///etc/passwd' }, 'url'],
      ['a data: URL', { url: 'data:text/html,<script>alert(1)</script>' }, 'url'],
      ['a URL that is not one', { url: 'http://' }, 'url'],
      ['an empty excerpt', { excerpt: '   ' }, 'excerpt'],
      ['an excerpt over 20,000 characters', { excerpt: 'a'.repeat(20_001) }, 'excerpt'],
      ['an unknown category', { categoryCode: 'NO_SUCH_CATEGORY' }, 'categoryCode'],
      ['a malformed category code', { categoryCode: "x'; DROP TABLE report; --" }, 'categoryCode'],
      ['an unknown locality', { localityCode: 'ATLANTIS' }, 'localityCode'],
      ['an unknown sector', { sectorCode: 'MAGIC' }, 'sectorCode'],
      ['a malformed date', { observedAt: '32/13/2026' }, 'observedAt'],
    ];

    it.each(cases)('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_label, patch, field) => {
      const before = await countCases();
      const result = await submit(tokens['lethuyOfficer']!, { ...valid, ...patch });
      expect(result.status).toBeLessThan(500);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(JSON.stringify(result.errors)).not.toMatch(/at .*\.(ts|js):\d+/);
      expect(await countCases()).toBe(before);
    });

    it('refuses a caller without a token, or with a forged one', async () => {
      const anonymous = await submit('', valid);
      expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      const forged = await submit(`${tokens['stttLead']!.slice(0, -4)}AAAA`, valid);
      expect(forged.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    });

    it('refuses an oversized body with 413 and a stable code', async () => {
      const response = await fetch(platform.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens['stttLead']}` },
        body: JSON.stringify({ query: SUBMIT_REPORT, variables: { input: { ...valid, excerpt: 'x'.repeat(400_000) } } }),
      });
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({ errors: [{ message: 'Request body is too large', extensions: { code: 'BAD_USER_INPUT' } }] });
    });

    it('refuses a deeply nested query before running it', async () => {
      const deep = `query { cases(first: 1) { edges { node { participants { agency { code } } } } } me { agency { code } } }`;
      const ok = await graphqlRequest(platform.graphqlUrl, deep, {}, tokens['stttLead']);
      expect(ok.errors).toBeUndefined();
      const nested = `query { cases { edges { node { participants { agency { code { a { b { c { d } } } } } } } } } }`;
      const refused = await graphqlRequest(platform.graphqlUrl, nested, {}, tokens['stttLead']);
      expect(refused.status).toBeLessThan(500);
      expect(refused.errors?.every((e) => e.extensions?.['code'] === 'BAD_USER_INPUT')).toBe(true);
      expect(refused.errors?.map((e) => e.message)).toEqual(expect.arrayContaining([expect.stringMatching(/exceeds maximum operation depth of 8/)]));
    });

    it('routes reports from its copy of the rules while the directory does not answer, and answers UNAVAILABLE when intake does not', async () => {
      const directory = platform.directory!;
      await directory.close();
      platform.directory = null;
      // Intake routes with the copy of today's rules it read from the directory (Đ6: the same participants).
      const routed = await submit(tokens['lethuyOfficer']!, {
        ...valid,
        url: 'https://example.vn/khi-danh-ba-vang',
        excerpt: 'Tin giả: nước lũ sẽ lên thêm ba mét trong đêm nay ở Lệ Thủy',
        localityCode: 'LE_THUY',
      });
      expect(routed.errors).toBeUndefined();
      expect(routed.data!.submitReport.case.participants.map((p) => p.agency.code)).toEqual(expect.arrayContaining(['STTTT', 'UBND_LE_THUY']));

      const intake = platform.intake!;
      await intake.close();
      platform.intake = null;
      const before = await countCases();
      const result = await submit(tokens['lethuyOfficer']!, { ...valid, url: 'https://example.vn/khac' });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAVAILABLE');
      expect(await countCases()).toBe(before);
    });
  });
});
