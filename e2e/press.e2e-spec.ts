import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { SeededUsers, eventually, startSmtpSink, type SmtpSink } from '@phoi-hop/testing';
import { signReplyLink } from '@phoi-hop/app-press';
import { caller, newCase } from './support/evidence';
import { startPlatform, type Platform } from './support/platform';

const COMPLAINT = `id origin caseId caseNumber actionId status complainantAgencyCode ruleCodes replyDueAt appealDueAt closedAt finalOutcome respondentPurgedAt
  inadmissibilityReasons inadmissibilityNote article { url outletName outletAgencyCode publicationDate byline }
  replies { channel recipientRole text } rulings { outcome ruleCodes ruledBy setAsideAt } appeals { party grounds decision substitutedOutcome decidedBy }`;
const LIST = `query($c: ID) { pressComplaints(caseId: $c) { ${COMPLAINT} } }`;
const GET = `query($id: ID!) { pressComplaint(id: $id) { ${COMPLAINT} } }`;
const COMPLETE = `mutation($i: CompletePressComplaintInput!) { completePressComplaint(input: $i) { ${COMPLAINT} } }`;
const FILE = `mutation($i: FilePressComplaintInput!) { filePressComplaint(input: $i) { ${COMPLAINT} } }`;
const RULE = `mutation($i: IssuePressRulingInput!) { issuePressRuling(input: $i) { ${COMPLAINT} } }`;
const APPEAL = `mutation($i: LodgePressAppealInput!) { lodgePressAppeal(input: $i) { ${COMPLAINT} } }`;
const DECIDE_APPEAL = `mutation($i: DecidePressAppealInput!) { decidePressAppeal(input: $i) { ${COMPLAINT} } }`;
const RESPONDENT = `query($id: ID!) { pressComplaintRespondent(complaintId: $id) { journalistName journalistEmail editorEmail } }`;
const DECIDE_CASE = `mutation($i: DecideCaseInput!) { decideCase(input: $i) { actions { id type } } }`;
interface AuditTrail {
  totalCount: number;
  edges: { node: { action: string; actorAgency: string | null } }[];
}
const AUDIT = `query($t: String!) { auditTrail(targetId: $t, first: 50) { totalCount edges { node { action actorAgency } } } }`;

type Complaint = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const day = (offsetDays: number) => new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** The body of a raw e-mail, quoted-printable soft breaks and escapes undone. */
const decodeMail = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

describe('press-ethics complaints, the right of reply, ruling and appeal (Đ6.3)', () => {
  let platform: Platform;
  let sink: SmtpSink;
  let api: ReturnType<typeof caller>;
  const secret = () => `press-reply-links-of-${platform.env.id}-for-tests-only`;

  beforeAll(async () => {
    sink = await startSmtpSink();
    platform = await startPlatform({ smtpUrl: sink.url });
    api = caller(platform);
  }, 90_000);

  afterAll(async () => {
    await platform?.stop();
    await sink?.close();
  });

  /** A case decided FALSE with a REFER_TO_PRESS_ASSOCIATION action for the press association. */
  async function referredCase(): Promise<string> {
    const caseId = await newCase(platform, SeededUsers.lethuyOfficer, 'FALSE_INFO_PANIC');
    await api.ok(SeededUsers.stttLead, `mutation($id: ID!) { triageCase(id: $id) { id } }`, { id: caseId });
    const provisions = await api.ok<{ referenceData: { categories: { code: string; legalBases: { code: string; effectiveTo: string | null }[] }[] } }>(
      SeededUsers.stttLead,
      `{ referenceData { categories { code legalBases { code effectiveTo } } } }`,
    );
    const provision = provisions.referenceData.categories
      .find((c) => c.code === 'FALSE_INFO_PANIC')!
      .legalBases.find((b) => !b.effectiveTo || b.effectiveTo >= day(0))!.code;
    await api.ok(SeededUsers.stttLead, DECIDE_CASE, {
      i: {
        caseId,
        finding: 'FALSE',
        provisionCodes: [provision],
        assessment: {
          isFactualClaim: true,
          verifiedFalseBy: 'SYT',
          isPublicInterestReporting: false,
          isGenuineGrievance: false,
          proportionality: 'Bài đăng sai sự thật về dịch bệnh của một phóng viên; đề nghị Hội Nhà báo xem xét đạo đức nghề nghiệp',
          concludesNotProtected: true,
        },
        statementOfReasons: 'Sở Y tế xác minh không có ổ dịch như bài viết đưa tin; bài viết gây hoang mang trong nhân dân.',
        actions: [{ type: 'REFER_TO_PRESS_ASSOCIATION', assigneeAgencyCode: 'HNB', dueDate: day(30), details: 'Đề nghị Hội Nhà báo tỉnh xem xét' }],
      },
    });
    return caseId;
  }

  const details = (overrides: Record<string, unknown> = {}) => ({
    articleUrl: `https://baoquangbinh.vn/bai-viet/${randomUUID()}`,
    outletName: 'Báo Quảng Bình',
    outletAgencyCode: 'BAO_QB',
    publicationDate: day(-10),
    byline: 'Minh Anh',
    ruleCodes: ['DDNB_2017_D2'],
    account: 'Bài viết đưa tin có ổ dịch tại xã, không kiểm chứng với cơ quan y tế, gây hoang mang.',
    journalistName: 'Nguyễn Minh Anh',
    journalistEmail: `phong.vien.${randomUUID().slice(0, 8)}@baoquangbinh.vn`,
    editorName: 'Trần Văn Biên',
    editorEmail: `tong.bien.tap.${randomUUID().slice(0, 8)}@baoquangbinh.vn`,
    ...overrides,
  });

  /** The reply link e-mailed to `address` (from the local SMTP sink). */
  async function linkSentTo(address: string): Promise<string> {
    return eventually(() => {
      const mail = sink.mails.map(decodeMail).find((m) => m.includes(address));
      return mail?.match(/https?:\/\/[^\s]+\/press\/reply\/[0-9a-f]{32}\.[0-9a-z]+\.[A-Za-z0-9_-]{43}/)?.[0];
    }, 15_000);
  }

  it('goes from a case action to a complaint, an e-mailed reply link, a reply, a ruling citing a rule, an appeal and a second reviewer', async () => {
    const caseId = await referredCase();
    // intake's decision event opens the complaint (durable consumer), linked to the case, waiting for its details.
    const opened = await eventually(async () => {
      const { pressComplaints } = await api.ok<{ pressComplaints: Complaint[] }>(SeededUsers.hnbOfficer, LIST, { c: caseId });
      return pressComplaints[0];
    }, 15_000);
    expect(opened).toMatchObject({ origin: 'CASE_ACTION', caseId, status: 'INCOMPLETE', complainantAgencyCode: 'STTTT', article: null });
    expect(opened.actionId).toEqual(expect.any(String));

    const d = details();
    const { completePressComplaint: filed } = await api.ok<{ completePressComplaint: Complaint }>(SeededUsers.stttLead, COMPLETE, {
      i: { complaintId: opened.id, ...d },
    });
    expect(filed).toMatchObject({ status: 'AWAITING_REPLY', ruleCodes: ['DDNB_2017_D2'], article: { outletAgencyCode: 'BAO_QB', byline: 'Minh Anh' } });
    expect(Date.parse(filed.replyDueAt)).toBeGreaterThan(Date.now() + 10 * 86_400_000);

    // No ruling while the window is open and no reply has come.
    const early = await api.call(SeededUsers.hnbOfficer, RULE, {
      i: { complaintId: opened.id, outcome: 'WARNING', ruleCodes: ['DDNB_2017_D2'], reasons: 'Không kiểm chứng thông tin trước khi đăng.' },
    });
    expect(early.errors?.[0]?.extensions?.['code']).toBe('REPLY_WINDOW_OPEN');

    // The journalist and the editor each get their own one-time link.
    const link = await linkSentTo(d.journalistEmail);
    const editorLink = await linkSentTo(d.editorEmail);
    expect(editorLink).not.toBe(link);
    const form = await fetch(link);
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain('<form method="post" enctype="multipart/form-data">');
    expect(html).not.toContain('<script');
    expect(html).not.toContain(d.journalistEmail);

    const reply = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ text: 'Tôi đã liên hệ trạm y tế xã trước khi viết; <b>xin gửi kèm</b> ghi âm.' }).toString(),
    });
    expect(reply.status).toBe(200);

    const afterReply = (await api.ok<{ pressComplaint: Complaint }>(SeededUsers.hnbOfficer, GET, { id: opened.id })).pressComplaint;
    expect(afterReply.status).toBe('AWAITING_RULING');
    expect(afterReply.replies).toEqual([
      { channel: 'LINK', recipientRole: 'JOURNALIST', text: 'Tôi đã liên hệ trạm y tế xã trước khi viết; <b>xin gửi kèm</b> ghi âm.' },
    ]);

    // The editor's link stopped working with the first reply.
    expect((await fetch(editorLink)).status).toBe(404);

    const ruled = (
      await api.ok<{ issuePressRuling: Complaint }>(SeededUsers.hnbOfficer, RULE, {
        i: { complaintId: opened.id, outcome: 'WARNING', ruleCodes: ['DDNB_2017_D2'], reasons: 'Đăng tin chưa kiểm chứng với cơ quan y tế, trái Điều 2.' },
      })
    ).issuePressRuling;
    expect(ruled).toMatchObject({ status: 'RULED', finalOutcome: 'WARNING', rulings: [{ outcome: 'WARNING', ruleCodes: ['DDNB_2017_D2'] }] });
    expect(ruled.appealDueAt).toEqual(expect.any(String));

    // The outlet appeals as the respondent; the complainant's agency cannot appeal as the respondent.
    const wrongParty = await api.call(SeededUsers.stttLead, APPEAL, {
      i: { complaintId: opened.id, party: 'RESPONDENT', grounds: ['MISAPPLIED_RULE'], statement: 'Quy định được áp dụng không đúng với tình tiết.' },
    });
    expect(wrongParty.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'party' });
    const appealed = (
      await api.ok<{ lodgePressAppeal: Complaint }>(SeededUsers.baoqbOfficer, APPEAL, {
        i: {
          complaintId: opened.id,
          party: 'RESPONDENT',
          grounds: ['MISAPPLIED_RULE', 'NEW_INFORMATION'],
          statement: 'Phóng viên đã liên hệ trạm y tế; có ghi âm cuộc gọi.',
        },
      })
    ).lodgePressAppeal;
    expect(appealed.status).toBe('UNDER_APPEAL');

    // The member who ruled does not hear the appeal.
    const sameReviewer = await api.call(SeededUsers.hnbOfficer, DECIDE_APPEAL, {
      i: { complaintId: opened.id, decision: 'UPHELD', reasons: 'Giữ nguyên kết luận của Hội đồng.' },
    });
    expect(sameReviewer.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(sameReviewer.errors?.[0]?.message).toContain('took no part in the ruling');

    const decided = (
      await api.ok<{ decidePressAppeal: Complaint }>(SeededUsers.hnbReviewer, DECIDE_APPEAL, {
        i: {
          complaintId: opened.id,
          decision: 'OVERTURNED',
          substitutedOutcome: 'REMINDER',
          reasons: 'Có thông tin mới: phóng viên đã liên hệ nguồn y tế; chỉ nhắc nhở.',
        },
      })
    ).decidePressAppeal;
    expect(decided).toMatchObject({
      status: 'CLOSED',
      finalOutcome: 'REMINDER',
      appeals: [{ party: 'RESPONDENT', decision: 'OVERTURNED', substitutedOutcome: 'REMINDER' }],
    });

    // Visible only to whom the policy allows: an agency outside the complaint learns nothing.
    expect((await api.ok<{ pressComplaint: Complaint | null }>(SeededUsers.sytOfficer, GET, { id: opened.id })).pressComplaint).toBeNull();
    const notBoard = await api.call(SeededUsers.baoqbOfficer, RESPONDENT, { id: opened.id });
    expect(notBoard.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    // Closed with its appeal decided: the retention job purges the respondent's details.
    await eventually(async () => {
      const { pressComplaint } = await api.ok<{ pressComplaint: Complaint }>(SeededUsers.hnbOfficer, GET, { id: opened.id });
      return pressComplaint.respondentPurgedAt ?? undefined;
    }, 10_000);
    const purged = await api.call(SeededUsers.hnbOfficer, RESPONDENT, { id: opened.id });
    expect(purged.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');

    const { auditTrail } = await api.ok<{ auditTrail: AuditTrail }>(SeededUsers.auditor, AUDIT, { t: opened.id });
    expect(auditTrail.totalCount).toBe(9);
    expect(auditTrail.edges.map((e) => e.node.action).reverse()).toEqual([
      'press.complaint.opened',
      'press.complaint.filed',
      'press.reply.notice-sent',
      'press.reply.notice-sent',
      'press.reply.received',
      'press.ruling.issued',
      'press.appeal.lodged',
      'press.appeal.decided',
      'press.respondent.purged',
    ]);
  }, 120_000);

  it('refuses a reused, expired, altered or forged reply link with one neutral page, and reads of the respondent are audited', async () => {
    const d = details({ editorName: undefined, editorEmail: undefined });
    const { filePressComplaint: filed } = await api.ok<{ filePressComplaint: Complaint }>(SeededUsers.btgOfficer, FILE, { i: d });
    expect(filed).toMatchObject({ origin: 'AGENCY', status: 'AWAITING_REPLY', complainantAgencyCode: 'BTG' });
    const { pressComplaintRespondent } = await api.ok<{ pressComplaintRespondent: Record<string, string> }>(SeededUsers.hnbOfficer, RESPONDENT, {
      id: filed.id,
    });
    expect(pressComplaintRespondent).toEqual({ journalistName: 'Nguyễn Minh Anh', journalistEmail: d.journalistEmail, editorEmail: null });

    const link = await linkSentTo(d.journalistEmail);
    const token = link.slice(link.lastIndexOf('/') + 1);
    const base = link.slice(0, link.lastIndexOf('/') + 1);
    const neutral = await (await fetch(`${base}not-a-token`)).text();
    const expired = signReplyLink(secret(), {
      linkId: `${token.slice(0, 8)}-${token.slice(8, 12)}-${token.slice(12, 16)}-${token.slice(16, 20)}-${token.slice(20, 32)}`,
      expiresAt: new Date(Date.now() - 1000),
    });
    const forged = signReplyLink(secret(), { linkId: randomUUID(), expiresAt: new Date(Date.now() + 86_400_000) });
    const otherSecret = signReplyLink('another-secret-that-is-long-enough-to-sign', { linkId: randomUUID(), expiresAt: new Date(Date.now() + 86_400_000) });
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of [altered, expired, forged, otherSecret]) {
      const get = await fetch(`${base}${bad}`);
      expect([bad, get.status]).toEqual([bad, 404]);
      expect(await get.text()).toBe(neutral);
    }

    const post = (t: string, text = 'Phản hồi của phóng viên về bài viết.') =>
      fetch(`${base}${t}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ text }).toString(),
      });
    // A too-short reply shows the form again and consumes nothing.
    const short = await post(token, 'ngắn');
    expect(short.status).toBe(400);
    expect(await short.text()).toContain('<form method="post" enctype="multipart/form-data">');
    expect((await post(token)).status).toBe(200);
    const reused = await post(token);
    expect(reused.status).toBe(404);
    expect(await reused.text()).toBe(neutral);
    expect((await post(altered)).status).toBe(404);
    const { pressComplaint } = await api.ok<{ pressComplaint: Complaint }>(SeededUsers.hnbOfficer, GET, { id: filed.id });
    expect(pressComplaint.replies).toHaveLength(1);

    const { auditTrail } = await api.ok<{ auditTrail: AuditTrail }>(SeededUsers.auditor, AUDIT, { t: filed.id });
    expect(auditTrail.edges.map((e) => e.node)).toContainEqual({ action: 'press.respondent.read', actorAgency: 'HNB' });
  }, 60_000);

  it('closes an inadmissible complaint with its reasons, and a board member of the complaining agency cannot rule', async () => {
    const { filePressComplaint: late } = await api.ok<{ filePressComplaint: Complaint }>(SeededUsers.btgOfficer, FILE, {
      i: details({ ruleCodes: [], publicationDate: day(-200) }),
    });
    expect(late).toMatchObject({ status: 'INADMISSIBLE', inadmissibilityReasons: ['NO_RULE_CITED', 'FILED_TOO_LATE'] });
    expect(late.closedAt).toEqual(expect.any(String));
    expect(late.inadmissibilityNote).toContain('quá 6 tháng');

    const unknownRule = await api.call(SeededUsers.btgOfficer, FILE, { i: details({ ruleCodes: ['KHONG_CO'] }) });
    expect(unknownRule.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ruleCodes' });

    // The press association files a complaint itself: its own board members cannot rule on it.
    const { filePressComplaint: own } = await api.ok<{ filePressComplaint: Complaint }>(SeededUsers.hnbOfficer, FILE, { i: details() });
    const ownRuling = await api.call(SeededUsers.hnbReviewer, RULE, {
      i: { complaintId: own.id, outcome: 'NO_VIOLATION', ruleCodes: ['DDNB_2017_D2'], reasons: 'Không có vi phạm quy định nào.' },
    });
    expect(ownRuling.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(ownRuling.errors?.[0]?.message).toContain('complaining agency');
  }, 60_000);

  /** Runs SQL in the press schema (to bring a deadline forward instead of waiting ten working days). */
  async function pressSql(sql: string, params: unknown[] = []): Promise<void> {
    const client = new PgClient({ connectionString: platform.env.databaseUrl });
    await client.connect();
    try {
      await client.query(`SET search_path TO "${platform.env.schema('press')}"`);
      await client.query(sql, params);
    } finally {
      await client.end();
    }
  }

  it('reminds before the window closes, and once it has closed without a reply the board may rule', async () => {
    const d = details({ editorName: undefined, editorEmail: undefined });
    const { filePressComplaint: filed } = await api.ok<{ filePressComplaint: Complaint }>(SeededUsers.btgOfficer, FILE, { i: d });
    await linkSentTo(d.journalistEmail);
    await pressSql(`UPDATE press_deadline SET due_at = now() WHERE complaint_id = $1 AND kind = 'REPLY_REMINDER'`, [filed.id]);
    // The notice, then the reminder, with the same one-time link.
    const mails = await eventually(() => {
      const sent = sink.mails.map(decodeMail).filter((m) => m.includes(d.journalistEmail));
      return sent.length >= 2 ? sent : undefined;
    }, 15_000);
    expect(mails).toHaveLength(2);
    const stillOpen = await api.call(SeededUsers.hnbOfficer, RULE, {
      i: { complaintId: filed.id, outcome: 'NO_VIOLATION', ruleCodes: ['DDNB_2017_D2'], reasons: 'Không có vi phạm quy định nào.' },
    });
    expect(stillOpen.errors?.[0]?.extensions?.['code']).toBe('REPLY_WINDOW_OPEN');

    // The window's end (brought forward): no reply came, the link stops working, the board may rule.
    await pressSql(`UPDATE press_complaint SET reply_due_at = now() - interval '1 second' WHERE id = $1`, [filed.id]);
    await pressSql(`UPDATE press_deadline SET due_at = now() WHERE complaint_id = $1 AND kind = 'REPLY_WINDOW_CLOSED'`, [filed.id]);
    await eventually(async () => {
      const { pressComplaint } = await api.ok<{ pressComplaint: Complaint }>(SeededUsers.hnbOfficer, GET, { id: filed.id });
      return pressComplaint.status === 'AWAITING_RULING' ? true : undefined;
    }, 10_000);
    expect((await fetch(await linkSentTo(d.journalistEmail))).status).toBe(404);
    const { issuePressRuling } = await api.ok<{ issuePressRuling: Complaint }>(SeededUsers.hnbOfficer, RULE, {
      i: { complaintId: filed.id, outcome: 'NO_VIOLATION', ruleCodes: ['DDNB_2017_D2'], reasons: 'Không có vi phạm quy định nào.' },
    });
    expect(issuePressRuling).toMatchObject({ status: 'RULED', replies: [] });
  }, 60_000);

  it('serves the press rules and public holidays as reference data, unverified texts marked', async () => {
    const { referenceData } = await api.ok<{ referenceData: { pressRules: Record<string, unknown>[]; publicHolidays: { day: string }[] } }>(
      SeededUsers.btgOfficer,
      `{ referenceData { pressRules { code ruleSet article effectiveFrom needsReview } publicHolidays { day } } }`,
    );
    const ethics = referenceData.pressRules.filter((r) => r.ruleSet === 'JOURNALIST_ETHICS');
    expect(ethics).toHaveLength(10);
    expect(ethics[0]).toMatchObject({ article: expect.stringMatching(/^Điều \d+$/), effectiveFrom: '2017-01-01', needsReview: true });
    expect(referenceData.pressRules.filter((r) => r.ruleSet === 'SOCIAL_NETWORK_CONDUCT').every((r) => r.effectiveFrom === '2019-01-01')).toBe(true);
    expect(referenceData.publicHolidays.map((h) => h.day)).toContain('2026-09-02');
  });
});
