import { parseAtomFeed } from 'feedsmith';
import { SeededUsers, listeningPort } from '@phoi-hop/testing';
import { caller, newCase } from './support/evidence';
import { startPlatform, type Platform } from './support/platform';

const PUBLIC_URL = 'https://phoi-hop.example.gov.vn';
const PAGE_SIZE = 3;
const DRAFT = `mutation($i: DraftPressStatementInput!) { draftPressStatement(input: $i) { statement { id } } }`;
const PUBLISH = `mutation($i: PublishPressStatementInput!) { publishPressStatement(input: $i) { statement { id } } }`;

/**
 * Acceptance: the statements feed is paged as RFC 5005 says (§3): its address is the newest page,
 * each page links rel="first", rel="self" and (while older entries remain) rel="next"; a reader that
 * follows next with a real feed parser gets every published statement once, in order; each page
 * answers conditional GETs; a page it did not hand out is a 400 with a body that says why.
 */
describe('the paged statements feed', () => {
  let platform: Platform;
  let api: ReturnType<typeof caller>;
  let pressUrl: string;

  beforeAll(async () => {
    platform = await startPlatform({
      press: { replyLinks: { secret: 'press-statements-paging-e2e-reply-secret-0123456789', publicUrl: PUBLIC_URL }, statementFeed: { pageSize: PAGE_SIZE } },
    });
    api = caller(platform);
    pressUrl = `http://127.0.0.1:${listeningPort(platform.press!)}`;
  }, 60_000);

  afterAll(async () => {
    await platform?.stop();
  });

  /** The address a link of the feed names, on this test's press service (the links carry the public URL). */
  const local = (href: string) => href.replace(PUBLIC_URL, pressUrl);
  const linkOf = (xml: string, rel: string) => parseAtomFeed(xml).links?.find((l) => l.rel === rel)?.href;

  it('walks from the newest page through rel="next": every published statement once, newest first, no drafts; 304 on each page when unchanged', async () => {
    const caseId = await newCase(platform, SeededUsers.lethuyOfficer);
    const published: string[] = [];
    for (let i = 1; i <= 2 * PAGE_SIZE + 1; i++) {
      const { draftPressStatement } = await api.ok<{ draftPressStatement: { statement: { id: string } } }>(SeededUsers.caOfficer, DRAFT, {
        i: { caseIds: [caseId], title: `Thông cáo số ${i} về tin đồn`, body: `Thông cáo số ${i}: Công an tỉnh khẳng định thông tin này là sai sự thật.` },
      });
      await api.ok(SeededUsers.caOfficer, PUBLISH, { i: { statementId: draftPressStatement.statement.id } });
      published.push(draftPressStatement.statement.id);
    }
    const { draftPressStatement: draft } = await api.ok<{ draftPressStatement: { statement: { id: string } } }>(SeededUsers.caOfficer, DRAFT, {
      i: { caseIds: [caseId], title: 'Dự thảo chưa công bố', body: 'Dự thảo này không được xuất hiện trong feed công khai.' },
    });

    const seen: string[] = [];
    const pages: { url: string; etag: string; lastModified: string }[] = [];
    let url: string | undefined = `${pressUrl}/feeds/statements.atom`;
    while (url) {
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
      const xml = await response.text();
      const feed = parseAtomFeed(xml);
      expect(feed.id).toBe(`${PUBLIC_URL}/feeds/statements.atom`);
      expect(linkOf(xml, 'first')).toBe(`${PUBLIC_URL}/feeds/statements.atom`);
      expect(local(linkOf(xml, 'self')!)).toBe(url);
      expect(feed.entries!.length).toBeLessThanOrEqual(PAGE_SIZE);
      seen.push(...feed.entries!.map((e) => e.id!));
      pages.push({ url, etag: response.headers.get('etag')!, lastModified: response.headers.get('last-modified')! });
      const next = linkOf(xml, 'next');
      url = next ? local(next) : undefined;
    }
    expect(pages).toHaveLength(3);
    expect(seen).toEqual(published.map((id) => `urn:uuid:${id}`).reverse());
    expect(seen.join(' ')).not.toContain(draft.statement.id);

    for (const page of pages) {
      expect((await fetch(page.url, { headers: { 'if-none-match': page.etag } })).status).toBe(304);
      expect((await fetch(page.url, { headers: { 'if-modified-since': page.lastModified } })).status).toBe(304);
    }
    expect(new Set(pages.map((p) => p.etag)).size).toBe(pages.length);
  });

  it.each([
    ['a cursor it did not hand out', '?before=bm90LWEtY3Vyc29y', 'before'],
    ['a page number', '?page=2', 'page'],
    ['two cursors', '?before=a&before=b', 'before'],
  ])('refuses %s with 400 and a body that says why', async (_name, query, field) => {
    const response = await fetch(`${pressUrl}/feeds/statements.atom${query}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ code: 'BAD_USER_INPUT', field, message: expect.stringContaining('rel="next"') });
  });
});
