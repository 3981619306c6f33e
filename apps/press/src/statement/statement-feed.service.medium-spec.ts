import { parseAtomFeed } from 'feedsmith';
import { SeededUsers } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { PUBLIC_BASE, createPressPublicationTestbed, type PressPublicationTestbed } from '../common/press-publication.medium-testbed';
import { StatementFeedService } from './statement-feed.service';
import { StatementService } from './statement.service';

describe(StatementFeedService.name, () => {
  let bed: PressPublicationTestbed;
  let sut: StatementFeedService;
  let statements: StatementService;
  const ca = actorOf(SeededUsers.caOfficer);
  const REVIEW = {
    claim: 'Đập thủy điện Rào Quán đã vỡ',
    appearanceUrl: 'https://facebook.com/trang-tin-gia/posts/1',
    firstAppearedOn: '2026-11-30',
    rating: 'FALSE',
  } as const;
  const publish = async (caseId: string, title: string, claimReview?: typeof REVIEW) =>
    statements.publish(
      ca,
      (await statements.draft(ca, { caseIds: [caseId], title, body: `${title}: nội dung thông cáo chính thức`, ...(claimReview ? { claimReview } : {}) })).id,
    );

  beforeAll(async () => {
    bed = await createPressPublicationTestbed();
    sut = bed.get(StatementFeedService);
    statements = bed.get(StatementService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  it('serves the published statements only, newest publication first, and changes its validators when the feed changes', async () => {
    const empty = await sut.atom();
    expect(empty.lastModified).toBeNull();
    const caseId = bed.addCase();
    const first = await publish(caseId, 'Thông cáo một', REVIEW);
    const second = await publish(caseId, 'Thông cáo hai');
    const withdrawn = await publish(caseId, 'Thông cáo ba');
    await statements.withdraw(ca, { statementId: withdrawn.id, reason: 'Thông cáo đăng nhầm' });
    await statements.draft(ca, { caseIds: [caseId], title: 'Dự thảo', body: 'Dự thảo chưa công bố, không vào feed' });

    const before = await sut.atom();
    expect(parseAtomFeed(before.xml).entries?.map((e) => e.id)).toEqual([`urn:uuid:${second.id}`, `urn:uuid:${first.id}`]);
    expect(before.lastModified?.toISOString()).toBe((await statements.get(ca, withdrawn.id)).updatedAt);
    expect((await sut.atom()).etag).toBe(before.etag);

    await statements.correct(ca, { statementId: first.id, body: 'Thông cáo một: nội dung đã đính chính lại', note: 'Sửa nội dung' });
    const after = await sut.atom();
    expect(after.etag).not.toBe(before.etag);
    expect(after.lastModified!.getTime()).toBeGreaterThanOrEqual(before.lastModified!.getTime());
    // A correction updates the entry without moving it.
    const entries = parseAtomFeed(after.xml).entries!;
    expect(entries.map((e) => e.id)).toEqual([`urn:uuid:${second.id}`, `urn:uuid:${first.id}`]);
    expect(entries[1]!.updated).toBe((await statements.get(ca, first.id)).updatedAt);
  });

  it('serves the JSON-LD and the page of a statement in the feed, and nothing for others', async () => {
    const caseId = bed.addCase();
    const reviewed = await publish(caseId, 'Thông cáo có đánh giá', REVIEW);
    const plain = await publish(caseId, 'Thông cáo không đánh giá');
    const draft = await statements.draft(ca, { caseIds: [caseId], title: 'Dự thảo', body: 'Dự thảo chưa công bố, không có trang' });
    expect(await sut.jsonLd(reviewed.id)).toMatchObject({ '@type': 'ClaimReview', url: `${PUBLIC_BASE}/feeds/statements/${reviewed.id}` });
    expect(await sut.jsonLd(plain.id)).toBeNull();
    expect(await sut.jsonLd(draft.id)).toBeNull();
    expect(await sut.jsonLd('not-an-id')).toBeNull();
    expect(await sut.page(reviewed.id)).toContain('application/ld+json');
    expect(await sut.page(draft.id)).toBeNull();
  });
});
