import { ErrorCodes, EventSubjects, type DraftStatementRequest } from '@phoi-hop/contracts';
import { SeededUsers } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { PUBLIC_BASE, createPressPublicationTestbed, type PressPublicationTestbed } from '../common/press-publication.medium-testbed';
import { StatementService } from './statement.service';

describe(StatementService.name, () => {
  let bed: PressPublicationTestbed;
  let sut: StatementService;
  const ca = actorOf(SeededUsers.caOfficer);
  const lead = actorOf(SeededUsers.stttLead);
  const syt = actorOf(SeededUsers.sytOfficer);
  const leader = actorOf(SeededUsers.leader);
  const REVIEW = {
    claim: 'Đập thủy điện Rào Quán đã vỡ',
    appearanceUrl: 'https://facebook.com/trang-tin-gia/posts/1',
    firstAppearedOn: '2026-11-30',
    rating: 'FALSE',
  } as const;

  const draft = (caseIds: string[], change: Partial<DraftStatementRequest> = {}): DraftStatementRequest => ({
    caseIds,
    title: 'Công an tỉnh thông tin về tin đồn vỡ đập',
    body: 'Thông tin đập thủy điện Rào Quán bị vỡ là sai sự thật. Đập vận hành bình thường.',
    claimReview: { ...REVIEW },
    ...change,
  });

  beforeAll(async () => {
    bed = await createPressPublicationTestbed();
    sut = bed.get(StatementService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  describe('draft', () => {
    it('keeps a draft of the agency on its cases, seen by the agency only, evented to it alone and audited', async () => {
      const caseId = bed.addCase();
      const drafted = await sut.draft(ca, draft([caseId]));
      expect(drafted).toMatchObject({
        status: 'DRAFT',
        agencyCode: 'CA',
        caseIds: [caseId],
        publishedAt: null,
        url: null,
        claimReviewJsonLd: null,
        revisions: [],
      });
      await expect(sut.get(lead, drafted.id)).rejects.toMatchObject({ code: ErrorCodes.NOT_FOUND });
      expect((await sut.get(leader, drafted.id)).id).toBe(drafted.id);
      expect(await bed.outbox(drafted.id)).toEqual([expect.objectContaining({ subject: EventSubjects.press.statementDrafted, visibleTo: ['CA'] })]);
      expect(await bed.audit(drafted.id)).toEqual([expect.objectContaining({ action: 'press.statement.drafted', actorAgency: 'CA' })]);
    });

    it('refuses cases the agency takes no part in, or does not see, and a claim from the future', async () => {
      const caseId = bed.addCase();
      await expect(sut.draft(syt, draft([caseId]))).rejects.toMatchObject({ code: ErrorCodes.FORBIDDEN, field: 'caseIds.0' });
      await expect(sut.draft(ca, draft([caseId, '00000000-0000-4000-8000-000000000000']))).rejects.toMatchObject({
        code: ErrorCodes.NOT_FOUND,
        field: 'caseIds.1',
      });
      await expect(sut.draft(ca, draft([caseId], { claimReview: { ...REVIEW, firstAppearedOn: '2999-01-01' } }))).rejects.toMatchObject({
        code: ErrorCodes.BAD_USER_INPUT,
        field: 'claimReview.firstAppearedOn',
      });
    });
  });

  describe('updateDraft', () => {
    it('changes a draft in place, its cases too, with events to the agency only, and refuses once published', async () => {
      const caseId = bed.addCase();
      const other = bed.addCase();
      const drafted = await sut.draft(ca, draft([caseId]));
      await expect(sut.updateDraft(lead, { statementId: drafted.id, title: 'Tiêu đề khác' })).rejects.toMatchObject({ code: ErrorCodes.NOT_FOUND });
      await expect(sut.updateDraft(ca, { statementId: drafted.id, title: drafted.title })).rejects.toMatchObject({ code: ErrorCodes.BAD_USER_INPUT });
      const updated = await sut.updateDraft(ca, { statementId: drafted.id, caseIds: [caseId, other], title: 'Tiêu đề đã sửa', claimReview: null });
      expect(updated).toMatchObject({
        status: 'DRAFT',
        title: 'Tiêu đề đã sửa',
        body: drafted.body,
        claimReview: null,
        caseIds: [caseId, other],
        revisions: [],
      });
      expect(updated.caseNumbers).toHaveLength(2);
      expect((await bed.outbox(drafted.id)).map((e) => [e.subject, e.visibleTo])).toEqual([
        [EventSubjects.press.statementDrafted, ['CA']],
        [EventSubjects.press.statementDraftUpdated, ['CA']],
      ]);
      await sut.publish(ca, drafted.id);
      await expect(sut.updateDraft(ca, { statementId: drafted.id, title: 'Sửa sau khi công bố' })).rejects.toMatchObject({ code: ErrorCodes.INVALID_STATE });
    });
  });

  describe('publish, correct and withdraw', () => {
    it('publishes to everyone with the agency’s name and ClaimReview, keeps each corrected text, and withdraws', async () => {
      const caseId = bed.addCase();
      const drafted = await sut.draft(ca, draft([caseId]));
      await expect(sut.publish(lead, drafted.id)).rejects.toMatchObject({ code: ErrorCodes.NOT_FOUND });
      const published = await sut.publish(ca, drafted.id);
      expect(published).toMatchObject({ status: 'PUBLISHED', agencyName: 'Công an tỉnh', url: `${PUBLIC_BASE}/feeds/statements/${drafted.id}` });
      expect(published.claimReviewJsonLd).toMatchObject({
        '@type': 'ClaimReview',
        reviewRating: { alternateName: 'Sai sự thật' },
        author: { name: 'Công an tỉnh' },
      });
      expect(published.revisions.map((r) => r.revision)).toEqual([1]);
      expect((await sut.get(syt, drafted.id)).status).toBe('PUBLISHED');
      await expect(sut.publish(ca, drafted.id)).rejects.toMatchObject({ code: ErrorCodes.INVALID_STATE });
      await expect(sut.correct(lead, { statementId: drafted.id, body: 'Nội dung khác hẳn, đủ hai mươi ký tự', note: 'Sửa số liệu' })).rejects.toMatchObject({
        code: ErrorCodes.FORBIDDEN,
      });
      await expect(sut.correct(ca, { statementId: drafted.id, note: 'Không sửa gì cả' })).rejects.toMatchObject({ code: ErrorCodes.BAD_USER_INPUT });

      const corrected = await sut.correct(ca, {
        statementId: drafted.id,
        body: 'Thông tin đập thủy điện Rào Quán bị vỡ là sai sự thật. Đập vận hành bình thường, mực nước an toàn.',
        claimReview: { ...REVIEW, rating: 'MISLEADING' },
        note: 'Bổ sung thông tin mực nước',
      });
      expect(corrected.status).toBe('CORRECTED');
      expect(corrected.revisions.map((r) => [r.revision, r.note, r.claimReview?.rating])).toEqual([
        [1, null, 'FALSE'],
        [2, 'Bổ sung thông tin mực nước', 'MISLEADING'],
      ]);
      expect(corrected.revisions[0]!.body).toBe(drafted.body);
      expect(new Date(corrected.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(published.updatedAt).getTime());
      expect(corrected.publishedAt).toBe(published.publishedAt);

      const withdrawn = await sut.withdraw(ca, { statementId: drafted.id, reason: 'Đã có thông cáo thay thế' });
      expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', withdrawalReason: 'Đã có thông cáo thay thế', claimReviewJsonLd: null });
      expect(withdrawn.revisions).toHaveLength(2);
      await expect(sut.withdraw(ca, { statementId: drafted.id, reason: 'Thu hồi lần nữa' })).rejects.toMatchObject({ code: ErrorCodes.INVALID_STATE });
      const events = await bed.outbox(drafted.id);
      expect(events.map((e) => e.subject)).toEqual([
        EventSubjects.press.statementDrafted,
        EventSubjects.press.statementPublished,
        EventSubjects.press.statementCorrected,
        EventSubjects.press.statementWithdrawn,
      ]);
      expect([...events[1]!.visibleTo].sort()).toEqual(['CA', 'STTTT', 'UBND_LE_THUY']);
      expect((await bed.audit(drafted.id)).map((a) => a.action)).toEqual([
        'press.statement.drafted',
        'press.statement.published',
        'press.statement.corrected',
        'press.statement.withdrawn',
      ]);
    });
  });

  describe('list', () => {
    it('lists published statements for everyone and drafts for their agency, newest first, with the total', async () => {
      const caseId = bed.addCase();
      const older = await sut.publish(ca, (await sut.draft(ca, draft([caseId], { title: 'Thông cáo thứ nhất' }))).id);
      const newer = await sut.publish(ca, (await sut.draft(ca, draft([caseId], { title: 'Thông cáo thứ hai' }))).id);
      const hidden = await sut.draft(ca, draft([caseId], { title: 'Dự thảo' }));
      const forSyt = await sut.list(syt, { first: 10, caseId });
      expect(forSyt.edges.map((e) => e.node.id)).toEqual([newer.id, older.id]);
      expect(forSyt.totalCount).toBe(2);
      const forCa = await sut.list(ca, { first: 1, caseId });
      expect(forCa).toMatchObject({ totalCount: 3, hasNextPage: true });
      expect(forCa.edges[0]!.node.id).toBe(hidden.id);
      const rest = await sut.list(ca, { first: 5, caseId, after: forCa.endCursor! });
      expect(rest.edges.map((e) => e.node.id)).toEqual([newer.id, older.id]);
      expect((await sut.list(ca, { first: 5, caseId, status: 'DRAFT' })).edges.map((e) => e.node.id)).toEqual([hidden.id]);
    });
  });
});
