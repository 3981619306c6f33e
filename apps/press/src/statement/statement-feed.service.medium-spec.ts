import { parseAtomFeed } from 'feedsmith';
import { SeededUsers } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { PUBLIC_BASE, TESTBED_FEED_PAGE_SIZE, createPressPublicationTestbed, type PressPublicationTestbed } from '../common/press-publication.medium-testbed';
import { feedPageOf, type FeedPosition } from './statement-feed-page';
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

  describe('paging (RFC 5005)', () => {
    const FEED = `${PUBLIC_BASE}/feeds/statements.atom`;
    const linkOf = (xml: string, rel: string) => parseAtomFeed(xml).links?.find((l) => l.rel === rel)?.href;
    /** The page a rel="next" address names, read as the controller reads a request's query. */
    const pageOf = (href: string): FeedPosition | null => feedPageOf(Object.fromEntries(new URL(href).searchParams));
    /** Every page from the first, following rel="next": the entry ids of each page. */
    const walk = async () => {
      const pages: string[][] = [];
      let before: FeedPosition | null = null;
      for (let guard = 0; guard < 100; guard++) {
        const page = await sut.atom(before);
        pages.push((parseAtomFeed(page.xml).entries ?? []).map((e) => e.id!));
        expect(linkOf(page.xml, 'first')).toBe(FEED);
        const next = linkOf(page.xml, 'next');
        if (!next) return pages;
        before = pageOf(next);
        expect(linkOf((await sut.atom(before)).xml, 'self')).toBe(next);
      }
      throw new Error('the feed does not end');
    };

    it('serves every published statement exactly once across pages of the page size, newest first, without drafts or withdrawn ones', async () => {
      const caseId = bed.addCase();
      const published: string[] = [];
      for (let i = 1; i <= 2 * TESTBED_FEED_PAGE_SIZE + 2; i++) published.push((await publish(caseId, `Thông cáo số ${i}`)).id);
      const withdrawn = await publish(caseId, 'Thông cáo thu hồi');
      await statements.withdraw(ca, { statementId: withdrawn.id, reason: 'Thông cáo đăng nhầm' });
      const draft = await statements.draft(ca, { caseIds: [caseId], title: 'Dự thảo', body: 'Dự thảo chưa công bố, không vào feed' });

      const first = await sut.atom();
      expect(linkOf(first.xml, 'self')).toBe(FEED);
      const pages = await walk();
      expect(pages.length).toBeGreaterThanOrEqual(3);
      expect(pages.every((page) => page.length <= TESTBED_FEED_PAGE_SIZE)).toBe(true);
      const ids = pages.flat();
      expect(new Set(ids).size).toBe(ids.length);
      const [{ count }] = await bed.dataSource.query(`SELECT count(*)::int AS count FROM press_statement WHERE status IN ('PUBLISHED', 'CORRECTED')`);
      expect(ids).toHaveLength(count);
      // Mine, newest publication first, in one run across the page boundaries.
      const mine = published.map((id) => `urn:uuid:${id}`).reverse();
      expect(ids.filter((id) => mine.includes(id))).toEqual(mine);
      expect(ids.slice(0, mine.length)).toEqual(mine);
      expect(ids).not.toContain(`urn:uuid:${withdrawn.id}`);
      expect(ids).not.toContain(`urn:uuid:${draft.id}`);
    });

    it('keeps an older page’s entries when newer statements are published; each page has its own validators', async () => {
      const caseId = bed.addCase();
      for (let i = 1; i <= TESTBED_FEED_PAGE_SIZE + 1; i++) await publish(caseId, `Thông cáo cũ ${i}`);
      const second = pageOf(linkOf((await sut.atom()).xml, 'next')!);
      const before = await sut.atom(second);
      await publish(caseId, 'Thông cáo mới nhất');
      const after = await sut.atom(second);
      expect(parseAtomFeed(after.xml).entries!.map((e) => e.id)).toEqual(parseAtomFeed(before.xml).entries!.map((e) => e.id));
      expect(after.etag).not.toBe((await sut.atom()).etag);
      // The feed changed, so every page says so (a correction of any entry may move any page).
      expect(after.lastModified!.getTime()).toBeGreaterThan(before.lastModified!.getTime());
    });
  });
});
