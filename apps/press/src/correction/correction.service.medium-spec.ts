import { CORRECTION_HEADING, ErrorCodes, EventSubjects, type RequestCorrectionRequest } from '@phoi-hop/contracts';
import { SeededUsers } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { baoqbOfficer, createPressPublicationTestbed, type PressPublicationTestbed } from '../common/press-publication.medium-testbed';
import { CorrectionOverdueScheduler } from './correction-overdue.scheduler';
import { CorrectionService } from './correction.service';

describe(CorrectionService.name, () => {
  let bed: PressPublicationTestbed;
  let sut: CorrectionService;
  const lead = actorOf(SeededUsers.stttLead);
  const baoqb = actorOf(baoqbOfficer);
  const daiptth = actorOf({ username: 'daiptth.officer', agencyCode: 'DAI_PTTH', roles: ['OFFICER'] });
  const syt = actorOf(SeededUsers.sytOfficer);
  const leader = actorOf(SeededUsers.leader);
  const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

  const correction = (change: Partial<RequestCorrectionRequest> = {}): RequestCorrectionRequest => ({
    outletAgencyCode: 'BAO_QB',
    workTitle: 'Đập thủy điện Rào Quán có nguy cơ vỡ',
    workSection: 'Thời sự',
    workPublishedOn: '2026-11-29',
    workUrl: 'https://baoquangbinh.vn/thoi-su/dap-rao-quan',
    whatIsWrong: 'Bài viết nói đập có nguy cơ vỡ, trong khi đập vẫn an toàn',
    falseContent: 'Đập thủy điện Rào Quán đã nứt và có nguy cơ vỡ trong đêm nay',
    correctedContent: 'Đập thủy điện Rào Quán vận hành bình thường, không có vết nứt',
    requestedText: 'Báo Quảng Bình xin cải chính: đập thủy điện Rào Quán vận hành an toàn và xin lỗi bạn đọc.',
    deadline: inHours(48),
    ...change,
  });

  beforeAll(async () => {
    bed = await createPressPublicationTestbed();
    sut = bed.get(CorrectionService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  describe('request', () => {
    it('records a request to the outlet with its heading and deadline, evented to the parties and audited', async () => {
      const caseId = bed.addCase();
      const kicks = bed.relay.kicks;
      const requested = await sut.request(lead, correction({ caseId }));
      expect(requested).toMatchObject({
        status: 'REQUESTED',
        caseId,
        requesterAgencyCode: 'STTTT',
        outletAgencyCode: 'BAO_QB',
        heading: CORRECTION_HEADING,
        answer: null,
      });
      expect(requested.work).toEqual({
        title: 'Đập thủy điện Rào Quán có nguy cơ vỡ',
        section: 'Thời sự',
        publishedOn: '2026-11-29',
        url: 'https://baoquangbinh.vn/thoi-su/dap-rao-quan',
      });
      const [event] = await bed.outbox(requested.id);
      expect(event).toMatchObject({ subject: EventSubjects.press.correctionRequested, data: { correctionId: requested.id, caseId, status: 'REQUESTED' } });
      expect([...event!.visibleTo].sort()).toEqual(['BAO_QB', 'CA', 'STTTT', 'UBND_LE_THUY']);
      // The texts stay in the service: the event carries identifiers and the step only.
      expect(JSON.stringify(event!.data)).not.toContain('Rào Quán');
      expect(await bed.audit(requested.id)).toEqual([expect.objectContaining({ action: 'press.correction.requested', actorAgency: 'STTTT' })]);
      expect(bed.relay.kicks).toBe(kicks + 1);
    });

    it('refuses an agency that takes no part in the case, an outlet that is not a press organ, and the outlet itself', async () => {
      const caseId = bed.addCase();
      await expect(sut.request(syt, correction({ caseId }))).rejects.toMatchObject({ code: ErrorCodes.FORBIDDEN, field: 'caseId' });
      await expect(sut.request(lead, correction({ outletAgencyCode: 'SYT' }))).rejects.toMatchObject({
        code: ErrorCodes.BAD_USER_INPUT,
        field: 'outletAgencyCode',
      });
      await expect(sut.request(lead, correction({ outletAgencyCode: 'GHOST' }))).rejects.toMatchObject({
        code: ErrorCodes.BAD_USER_INPUT,
        field: 'outletAgencyCode',
      });
      await expect(sut.request(baoqb, correction())).rejects.toMatchObject({ code: ErrorCodes.BAD_USER_INPUT, field: 'outletAgencyCode' });
      await expect(sut.request(lead, correction({ deadline: inHours(0.5) }))).rejects.toMatchObject({ code: ErrorCodes.BAD_USER_INPUT, field: 'deadline' });
      expect(await bed.outbox()).not.toContainEqual(expect.objectContaining({ data: expect.objectContaining({ caseId }) }));
    });
  });

  describe('publish and refuse', () => {
    it('takes the outlet’s publication, once, and only from the outlet', async () => {
      const requested = await sut.request(syt, correction({ outletAgencyCode: 'BAO_QB' }));
      await expect(
        sut.publish(lead, { correctionId: requested.id, publishedUrl: 'https://baoquangbinh.vn/cai-chinh', publishedAt: new Date().toISOString() }),
      ).rejects.toMatchObject({
        code: ErrorCodes.NOT_FOUND,
      });
      await expect(
        sut.publish(syt, { correctionId: requested.id, publishedUrl: 'https://baoquangbinh.vn/cai-chinh', publishedAt: new Date().toISOString() }),
      ).rejects.toMatchObject({
        code: ErrorCodes.FORBIDDEN,
      });
      const publishedAt = new Date(Date.now() - 60_000).toISOString();
      const published = await sut.publish(baoqb, { correctionId: requested.id, publishedUrl: 'https://baoquangbinh.vn/cai-chinh', publishedAt });
      expect(published.status).toBe('PUBLISHED');
      expect(published.answer).toMatchObject({
        publishedUrl: 'https://baoquangbinh.vn/cai-chinh',
        publishedAt,
        answeredByAgency: 'BAO_QB',
        late: false,
        refusalReasons: null,
      });
      await expect(sut.refuse(baoqb, { correctionId: requested.id, reasons: 'Bài viết đúng sự thật, có nguồn kiểm chứng' })).rejects.toMatchObject({
        code: ErrorCodes.INVALID_STATE,
      });
      expect((await bed.outbox(requested.id)).map((e) => e.subject)).toEqual([
        EventSubjects.press.correctionRequested,
        EventSubjects.press.correctionPublished,
      ]);
      const deadlines = await bed.dataSource.query(`SELECT cancelled_at FROM press_correction_deadline WHERE correction_id = $1`, [requested.id]);
      expect(deadlines[0].cancelled_at).not.toBeNull();
    });

    it('records a refusal with its reasons', async () => {
      const requested = await sut.request(lead, correction({ outletAgencyCode: 'DAI_PTTH' }));
      const refused = await sut.refuse(daiptth, { correctionId: requested.id, reasons: 'Bài viết đúng sự thật, có nguồn kiểm chứng' });
      expect(refused).toMatchObject({ status: 'REFUSED', answer: { refusalReasons: 'Bài viết đúng sự thật, có nguồn kiểm chứng', publishedUrl: null } });
      expect((await bed.audit(requested.id)).map((a) => a.action)).toEqual(['press.correction.requested', 'press.correction.refused']);
    });
  });

  describe('overdue', () => {
    it('marks an unanswered request OVERDUE once, and still takes a late answer', async () => {
      const requested = await sut.request(lead, correction());
      await bed.dataSource.query(`UPDATE press_correction SET deadline = now() - interval '1 minute' WHERE id = $1`, [requested.id]);
      await bed.dataSource.query(`UPDATE press_correction_deadline SET due_at = now() - interval '1 minute' WHERE correction_id = $1`, [requested.id]);
      const scheduler = bed.get(CorrectionOverdueScheduler);
      expect(await scheduler.runDue()).toBeGreaterThanOrEqual(1);
      expect(await scheduler.runDue()).toBe(0);
      expect((await sut.get(lead, requested.id)).status).toBe('OVERDUE');
      const late = await sut.publish(baoqb, {
        correctionId: requested.id,
        publishedUrl: 'https://baoquangbinh.vn/cai-chinh-muon',
        publishedAt: new Date().toISOString(),
      });
      expect(late).toMatchObject({ status: 'PUBLISHED', answer: { late: true } });
      expect((await bed.outbox(requested.id)).map((e) => e.subject)).toEqual([
        EventSubjects.press.correctionRequested,
        EventSubjects.press.correctionOverdue,
        EventSubjects.press.correctionPublished,
      ]);
    });
  });

  describe('get and list', () => {
    it('shows a request to its parties and leadership only, and lists newest first with the total', async () => {
      const first = await sut.request(lead, correction({ workTitle: 'Bài một' }));
      const second = await sut.request(lead, correction({ workTitle: 'Bài hai' }));
      await expect(sut.get(daiptth, first.id)).rejects.toMatchObject({ code: ErrorCodes.NOT_FOUND });
      expect((await sut.get(leader, first.id)).id).toBe(first.id);
      const page = await sut.list(baoqb, { first: 1, status: 'REQUESTED' });
      expect(page.edges.map((e) => e.node.id)).toEqual([second.id]);
      expect(page.hasNextPage).toBe(true);
      const next = await sut.list(baoqb, { first: 1, status: 'REQUESTED', after: page.endCursor! });
      expect(next.edges[0]!.node.id).toBe(first.id);
      expect(next.totalCount).toBe(page.totalCount);
      expect(
        (await sut.list(daiptth, { first: 50 })).edges.every((e) => e.node.outletAgencyCode === 'DAI_PTTH' || e.node.requesterAgencyCode === 'DAI_PTTH'),
      ).toBe(true);
      await expect(sut.list(baoqb, { first: 5, after: 'not-a-cursor' })).rejects.toMatchObject({ code: ErrorCodes.BAD_USER_INPUT, field: 'after' });
    });
  });
});
