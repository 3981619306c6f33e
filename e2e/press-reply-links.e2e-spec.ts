import { randomUUID } from 'node:crypto';
import { SeededUsers, eventually, startSmtpSink, type SmtpSink, type TestUser } from '@phoi-hop/testing';
import { caller } from './support/evidence';
import { startPlatform, type Platform } from './support/platform';

const ADMIN: TestUser = { username: 'admin', agencyCode: 'STTTT', roles: ['ADMIN'] };
const FILE = `mutation($i: FilePressComplaintInput!) { filePressComplaint(input: $i) { id status replyDueAt } }`;
const REISSUE = `mutation($i: ReissuePressReplyLinkInput!) { reissuePressReplyLink(input: $i) { id status replyDueAt } }`;
const EDIT = `mutation($i: EditReferenceInput!) { editReference(input: $i) { id kind code recordJson } }`;
const HOLIDAYS = `{ referenceData { publicHolidays { day name } } }`;
const AUDIT = `query($t: String!) { auditTrail(targetId: $t, first: 50) { edges { node { action actorAgency } } } }`;

/** The province day (UTC+7) `offset` days from now, and the province day of an instant. */
const provinceDay = (at: Date | string = new Date()) => new Date(new Date(at).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const isWeekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
const decodeMail = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
const LINK = /https?:\/\/[^\s]+\/press\/reply\/[0-9a-f]{32}\.[0-9a-z]+\.[A-Za-z0-9_-]{43}/g;

/** Editable press reference data and re-sent reply links (Đ6.3), through the gateway with every service running. */
describe('press holidays edited by administrators, and reply links sent again', () => {
  let platform: Platform;
  let sink: SmtpSink;
  let api: ReturnType<typeof caller>;

  beforeAll(async () => {
    sink = await startSmtpSink();
    platform = await startPlatform({ smtpUrl: sink.url });
    api = caller(platform);
  }, 90_000);

  afterAll(async () => {
    await platform?.stop();
    await sink?.close();
  });

  const details = () => ({
    articleUrl: `https://baoquangbinh.vn/bai-viet/${randomUUID()}`,
    outletName: 'Báo Quảng Bình',
    outletAgencyCode: 'BAO_QB',
    publicationDate: provinceDay(new Date(Date.now() - 10 * 86_400_000)),
    byline: 'Minh Anh',
    ruleCodes: ['DDNB_2017_D2'],
    account: 'Bài viết đưa tin có ổ dịch tại xã, không kiểm chứng với cơ quan y tế, gây hoang mang.',
    journalistName: 'Nguyễn Minh Anh',
    journalistEmail: `phong.vien.${randomUUID().slice(0, 8)}@baoquangbinh.vn`,
    editorName: 'Trần Văn Biên',
    editorEmail: `tong.bien.tap.${randomUUID().slice(0, 8)}@baoquangbinh.vn`,
  });
  const file = async (d = details()) =>
    (await api.ok<{ filePressComplaint: { id: string; replyDueAt: string } }>(SeededUsers.btgOfficer, FILE, { i: d })).filePressComplaint;
  /** Every reply link e-mailed to `address` so far, oldest first. */
  const linksSentTo = (address: string) =>
    sink.mails
      .map(decodeMail)
      .filter((m) => m.includes(address))
      .flatMap((m) => m.match(LINK) ?? []);

  it('moves the reply window of a complaint filed after an administrator adds a public holiday inside it', async () => {
    const before = await file();
    const holidays = new Set(
      (await api.ok<{ referenceData: { publicHolidays: { day: string }[] } }>(ADMIN, HOLIDAYS)).referenceData.publicHolidays.map((h) => h.day),
    );
    let holiday = dayAfter(provinceDay());
    while (isWeekend(holiday) || holidays.has(holiday)) holiday = dayAfter(holiday);

    const edited = await api.ok<{ editReference: { kind: string; code: string; recordJson: string } }>(ADMIN, EDIT, {
      i: { kind: 'PUBLIC_HOLIDAY', code: holiday, recordJson: JSON.stringify({ name: 'Nghỉ bù (thử nghiệm)' }), reason: 'Thủ tướng quyết định nghỉ bù' },
    });
    expect(edited.editReference).toMatchObject({ kind: 'PUBLIC_HOLIDAY', code: holiday });
    expect((await api.ok<{ referenceData: { publicHolidays: { day: string; name: string }[] } }>(ADMIN, HOLIDAYS)).referenceData.publicHolidays).toContainEqual(
      {
        day: holiday,
        name: 'Nghỉ bù (thử nghiệm)',
      },
    );

    // The press service drops its cached calendar on the directory's notice: the very next complaint counts the holiday.
    const after = await file();
    let expected = dayAfter(provinceDay(before.replyDueAt));
    while (isWeekend(expected) || holidays.has(expected)) expected = dayAfter(expected);
    expect(provinceDay(after.replyDueAt)).toBe(expected);

    const refused = await api.call(ADMIN, EDIT, { i: { kind: 'PUBLIC_HOLIDAY', code: '2031-02-29', recordJson: '{"name":"Không có"}', reason: 'Ngày sai' } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
  });

  it('sends the journalist a fresh link by e-mail on the ethics officer’s request: the old one stops working, the new one takes the reply', async () => {
    const d = details();
    const filed = await file(d);
    const [first] = await eventually(() => (linksSentTo(d.journalistEmail).length ? linksSentTo(d.journalistEmail) : undefined), 15_000);
    expect((await fetch(first!)).status).toBe(200);

    const otherAgency = await api.call(SeededUsers.btgOfficer, REISSUE, {
      i: { complaintId: filed.id, recipientRole: 'JOURNALIST', reason: 'Thư bị thất lạc' },
    });
    expect(otherAgency.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    const reissued = await api.ok<{ reissuePressReplyLink: { id: string; status: string; replyDueAt: string } }>(SeededUsers.hnbOfficer, REISSUE, {
      i: { complaintId: filed.id, recipientRole: 'JOURNALIST', reason: 'Thư điện tử gửi đường dẫn bị thất lạc' },
    });
    expect(reissued.reissuePressReplyLink).toEqual({ id: filed.id, status: 'AWAITING_REPLY', replyDueAt: filed.replyDueAt });
    // Through the same mailer as the first notice (the local SMTP sink).
    const fresh = await eventually(() => linksSentTo(d.journalistEmail).find((link) => link !== first), 15_000);
    expect((await fetch(first!)).status).toBe(404);
    expect((await fetch(fresh)).status).toBe(200);
    const reply = await fetch(fresh, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ text: 'Tôi đã liên hệ trạm y tế xã trước khi viết bài.' }).toString(),
    });
    expect(reply.status).toBe(200);

    const trail = await api.ok<{ auditTrail: { edges: { node: { action: string; actorAgency: string | null } }[] } }>(SeededUsers.auditor, AUDIT, {
      t: filed.id,
    });
    expect(trail.auditTrail.edges.map((e) => e.node)).toContainEqual({ action: 'press.reply.link-reissued', actorAgency: 'HNB' });

    // The reply closed the window: nothing more is sent.
    const late = await api.call(SeededUsers.hnbOfficer, REISSUE, {
      i: { complaintId: filed.id, recipientRole: 'EDITOR', reason: 'Gửi lại cho tổng biên tập' },
    });
    expect(late.errors?.[0]?.extensions?.['code']).toBe('INVALID_STATE');
  });
});
