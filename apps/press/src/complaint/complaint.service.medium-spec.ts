import { randomUUID } from 'node:crypto';
import { EventSubjects, NoticeSubjects, provinceDay, type FileComplaintRequest } from '@phoi-hop/contracts';
import { SeededUsers } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { createPressTestbed, type PressTestbed } from '../app/press.medium-testbed';
import { addWorkingDays, isWorkingDay } from '../calendar/working-days.rules';
import { ComplaintService } from './complaint.service';

const daysAgo = (n: number) => new Date(Date.now() + 7 * 3_600_000 - n * 86_400_000).toISOString().slice(0, 10);

export const complaintRequest = (change: Partial<FileComplaintRequest> = {}): FileComplaintRequest => ({
  articleUrl: `https://baoquangbinh.vn/bai-viet/${randomUUID()}`,
  outletName: 'Báo Quảng Bình',
  outletAgencyCode: 'BAO_QB',
  publicationDate: daysAgo(10),
  byline: 'Minh Anh',
  ruleCodes: ['DDNB_2017_D2'],
  account: 'Bài viết đưa tin chưa kiểm chứng, gây hoang mang trong nhân dân.',
  journalistName: 'Nguyễn Minh Anh',
  journalistEmail: 'phong.vien@baoquangbinh.vn',
  editorName: 'Trần Văn Biên',
  editorEmail: 'tbt@baoquangbinh.vn',
  ...change,
});

describe(ComplaintService.name, () => {
  let bed: PressTestbed;
  let sut: ComplaintService;
  const btg = actorOf(SeededUsers.btgOfficer);
  const lead = actorOf(SeededUsers.stttLead);
  const hnb = actorOf(SeededUsers.hnbOfficer);
  const baoqb = actorOf(SeededUsers.baoqbOfficer);
  const syt = actorOf(SeededUsers.sytOfficer);

  beforeAll(async () => {
    bed = await createPressTestbed();
    sut = bed.get(ComplaintService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  describe('file', () => {
    it('admits a complaint citing a rule within six months: reply window, two links and their notices, events and audit', async () => {
      const filed = await sut.file(btg, complaintRequest());
      expect(filed).toMatchObject({ origin: 'AGENCY', status: 'AWAITING_REPLY', complainantAgencyCode: 'BTG', ruleCodes: ['DDNB_2017_D2'] });
      expect(Date.parse(filed.replyDueAt!)).toBeGreaterThan(Date.now() + 13 * 86_400_000);
      const links = await bed.dataSource.query(`SELECT recipient_role FROM press_reply_link WHERE complaint_id = $1 ORDER BY 1`, [filed.id]);
      expect(links.map((l: { recipient_role: string }) => l.recipient_role)).toEqual(['EDITOR', 'JOURNALIST']);
      const deadlines = await bed.dataSource.query(`SELECT kind FROM press_deadline WHERE complaint_id = $1 ORDER BY kind`, [filed.id]);
      expect(deadlines.map((d: { kind: string }) => d.kind)).toEqual(['REPLY_NOTICE', 'REPLY_NOTICE', 'REPLY_REMINDER', 'REPLY_WINDOW_CLOSED']);
      const events = await bed.outbox(filed.id);
      expect(events.map((e) => e.subject)).toEqual([EventSubjects.press.complaintFiled, EventSubjects.press.replyRequested]);
      // Events never carry the respondent's details.
      expect(JSON.stringify(events)).not.toContain('phong.vien@');
      expect(events[0]!.visibleTo.sort()).toEqual(['BAO_QB', 'BTG', 'HNB']);
      expect((await bed.audit(filed.id)).map((a) => a.action)).toEqual(['press.complaint.filed']);
    });

    it('closes a complaint that cites no rule and was filed too late as INADMISSIBLE, with both reasons kept', async () => {
      const filed = await sut.file(btg, complaintRequest({ ruleCodes: [], publicationDate: daysAgo(200) }));
      expect(filed).toMatchObject({ status: 'INADMISSIBLE', inadmissibilityReasons: ['NO_RULE_CITED', 'FILED_TOO_LATE'], replyDueAt: null });
      expect(filed.closedAt).not.toBeNull();
      expect((await bed.outbox(filed.id)).map((e) => e.subject)).toEqual([EventSubjects.press.complaintInadmissible]);
    });

    it('refuses an unknown rule, a future publication day and an unseen case, writing nothing', async () => {
      const before = await bed.dataSource.query(`SELECT count(*)::int AS n FROM press_complaint`);
      await expect(sut.file(btg, complaintRequest({ ruleCodes: ['DDNB_2017_D11'] }))).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'ruleCodes' });
      await expect(sut.file(btg, complaintRequest({ publicationDate: daysAgo(-3) }))).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'publicationDate',
      });
      await expect(sut.file(btg, complaintRequest({ caseId: randomUUID() }))).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'caseId' });
      // A rule not yet in force on the publication day: the social-network rules start on 2019-01-01.
      await expect(sut.file(btg, complaintRequest({ ruleCodes: ['MXH_1131_2018_D4'], publicationDate: '2018-12-30' }))).rejects.toMatchObject({
        field: 'ruleCodes',
      });
      expect(await bed.dataSource.query(`SELECT count(*)::int AS n FROM press_complaint`)).toEqual(before);
    });
  });

  describe('openFromCaseAction and complete', () => {
    it('opens one INCOMPLETE complaint per action however often the event comes, and the complainant completes it', async () => {
      const { caseId, decisionId } = bed.addCase();
      const actionId = randomUUID();
      const event = {
        caseId,
        caseNumber: 'QB-2026-000009',
        decisionId,
        actionId,
        complainantAgency: 'STTTT',
        visibleTo: ['STTTT', 'UBND_LE_THUY'],
        at: new Date(),
      };
      await bed.dataSource.transaction((m) => sut.openFromCaseAction(m, event));
      await bed.dataSource.transaction((m) => sut.openFromCaseAction(m, event));
      const [opened, ...more] = await sut.list(hnb, { caseId });
      expect(more).toEqual([]);
      expect(opened).toMatchObject({ origin: 'CASE_ACTION', status: 'INCOMPLETE', actionId, complainantAgencyCode: 'STTTT', article: null });
      await expect(sut.complete(syt, { complaintId: opened!.id, ...complaintRequest() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      const completed = await sut.complete(lead, { complaintId: opened!.id, ...complaintRequest() });
      expect(completed).toMatchObject({ status: 'AWAITING_REPLY', article: { outletAgencyCode: 'BAO_QB' } });
      await expect(sut.complete(lead, { complaintId: opened!.id, ...complaintRequest() })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    });
  });

  describe('get, list, visible and respondent', () => {
    it('shows a complaint to its agencies only, and its respondent to ethics officers only, every read audited', async () => {
      const filed = await sut.file(btg, complaintRequest());
      expect((await sut.get(baoqb, filed.id)).id).toBe(filed.id);
      await expect(sut.get(syt, filed.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(sut.visible(syt, filed.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await sut.list(syt, {})).map((c) => c.id)).not.toContain(filed.id);
      expect((await sut.list(btg, { status: 'AWAITING_REPLY' })).map((c) => c.id)).toContain(filed.id);
      await expect(sut.respondent(baoqb, filed.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(await sut.respondent(hnb, filed.id)).toEqual({
        complaintId: filed.id,
        journalistName: 'Nguyễn Minh Anh',
        journalistEmail: 'phong.vien@baoquangbinh.vn',
        editorName: 'Trần Văn Biên',
        editorEmail: 'tbt@baoquangbinh.vn',
      });
      expect((await bed.audit(filed.id)).map((a) => [a.action, a.actorAgency])).toContainEqual(['press.respondent.read', 'HNB']);
    });
  });

  describe('the directory’s public holidays', () => {
    it('counts a holiday the directory announces in the next reply window computed (its cached calendar is dropped at once)', async () => {
      const holidaysNow = () => new Set(bed.publicHolidays.map((h) => h.day));
      const dueDay = (iso: string | null) => provinceDay(new Date(iso!));
      const first = await sut.file(btg, complaintRequest());
      // The first working day of the window becomes a holiday: the window ends one working day later.
      const today = provinceDay();
      let holiday = addWorkingDays(today, 1, holidaysNow());
      while (!isWorkingDay(holiday, holidaysNow())) holiday = addWorkingDays(holiday, 1, holidaysNow());
      bed.publicHolidays.push({ day: holiday, name: 'Nghỉ bù (thử nghiệm)', needsReview: false });
      const cached = await sut.file(btg, complaintRequest());
      expect(dueDay(cached.replyDueAt)).toBe(dueDay(first.replyDueAt));
      bed.notices.publish(NoticeSubjects.directoryChanged);
      const after = await sut.file(btg, complaintRequest());
      expect(dueDay(after.replyDueAt)).toBe(addWorkingDays(dueDay(first.replyDueAt), 1, holidaysNow()));
      expect(Date.parse(after.replyDueAt!)).toBeGreaterThan(Date.parse(first.replyDueAt!));
    });
  });
});
