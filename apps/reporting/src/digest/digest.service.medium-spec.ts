import { Test, type TestingModule } from '@nestjs/testing';
import { HttpAdapterHost } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ErrorCodes, type Actor, type DigestFeedDto, type SubmitReportRequest } from '@phoi-hop/contracts';
import { DIGEST_FIXTURE_DAY as FIXTURE_DAY, startDigestFeedServer, type DigestFeedServer } from '@phoi-hop/testing';
import { createServiceTestbed, type ServiceTestbed } from '@phoi-hop/testing-medium';
import { REPORTING_MIGRATIONS } from '../app/reporting.module';
import { DigestDocuments } from './digest-documents.service';
import { DigestFeedPoller } from './digest-feed.poller';
import { DigestLinks } from './digest-links';
import { DigestIntake, LocalityTerms } from './digest.ports';
import { DigestRepository, type FeedRow } from './digest.repository';
import type { DigestTerm } from './digest.rules';
import { DigestService } from './digest.service';
import { DIGEST_SETTINGS, type DigestSettings } from './digest.settings';

const COORDINATOR: Actor = { userId: 'u-coordinator', username: 'sttt.dieuphoi', agencyCode: 'STTTT', roles: ['COORDINATOR'] };

/** The province's localities as the directory names them (a part of the Quảng Bình seed). */
class FixedLocalities extends LocalityTerms {
  async terms(): Promise<DigestTerm[]> {
    return [
      { kind: 'LOCALITY', term: 'Đồng Hới', localityCode: 'DONG_HOI' },
      { kind: 'LOCALITY', term: 'Lệ Thủy', localityCode: 'LE_THUY' },
      { kind: 'LOCALITY', term: 'Minh Hóa', localityCode: 'MINH_HOA' },
    ];
  }
}

/** Intake as far as the digest sees it: records each submission and answers one case per URL. */
class RecordingIntake extends DigestIntake {
  readonly submitted: SubmitReportRequest[] = [];
  async submitReport(request: SubmitReportRequest) {
    this.submitted.push(request);
    const n = String(this.submitted.length).padStart(12, '0');
    return { caseId: `00000000-0000-4000-8000-${n}`, reportId: `00000000-0000-4000-9000-${n}` };
  }
}

const SETTINGS: DigestSettings = {
  allowPrivateAddresses: true,
  fetchTimeoutMs: 5_000,
  maxBytes: 1024 * 1024,
  maxRedirects: 3,
  pollerEnabled: false,
  tickMs: 60_000,
  publicUrl: 'http://reporting.test',
  linkSecret: 'digest-medium-spec-secret',
};

describe(DigestService.name, () => {
  let bed: ServiceTestbed;
  let module: TestingModule;
  let sut: DigestService;
  let poller: DigestFeedPoller;
  let intake: RecordingIntake;
  let server: DigestFeedServer;
  const feeds: Record<string, DigestFeedDto> = {};

  const makeDue = () => bed.dataSource.query(`UPDATE digest_feed SET next_poll_at = now() - interval '1 second' WHERE enabled`);
  const feed = async (name: string) => (await sut.listFeeds()).find((f) => f.name === name)!;
  const itemRows = async () =>
    (await bed.dataSource.query(`SELECT canonical_url, title, feed_id FROM digest_item ORDER BY canonical_url`)) as { canonical_url: string }[];

  beforeAll(async () => {
    bed = await createServiceTestbed({ service: 'reporting', migrations: REPORTING_MIGRATIONS });
    intake = new RecordingIntake();
    module = await Test.createTestingModule({
      providers: [
        { provide: DataSource, useValue: bed.dataSource },
        { provide: DIGEST_SETTINGS, useValue: SETTINGS },
        { provide: LocalityTerms, useClass: FixedLocalities },
        { provide: DigestIntake, useValue: intake },
        { provide: HttpAdapterHost, useValue: {} },
        DigestRepository,
        DigestService,
        DigestFeedPoller,
        DigestLinks,
        DigestDocuments,
      ],
    }).compile();
    sut = module.get(DigestService);
    poller = module.get(DigestFeedPoller);
    server = await startDigestFeedServer();
    await sut.setKeywords(COORDINATOR, { keywords: ['lừa đảo', 'sat lo'] });
    for (const [name, path] of [
      ['Báo Quảng Bình', '/rss.xml'],
      ['Đài PT-TH', '/atom.xml'],
      ['Cổng TTĐT', '/feed.json'],
      ['Hỏng 500', '/broken-500.xml'],
      ['Hỏng XML', '/broken.xml'],
    ] as const) {
      feeds[name] = await sut.addFeed(COORDINATOR, { name, url: `${server.base}${path}`, pollIntervalMinutes: 30 });
    }
  });

  afterAll(async () => {
    await server?.close();
    await module?.close();
    await bed?.cleanup();
  });

  describe('the first poll', () => {
    beforeAll(async () => {
      expect(await poller.runDue()).toBe(5);
    });

    it('holds each matching item of the day once, whatever feed or link form brought it', async () => {
      const digest = await sut.day({ day: FIXTURE_DAY });
      const links = digest.groups.flatMap((g) => g.items.map((i) => i.canonicalUrl)).sort();
      expect(links).toEqual([
        'https://baoquangbinh.vn/phap-luat/lua-dao-thue.html',
        'https://baoquangbinh.vn/thoi-su/lu-lut-le-thuy.html',
        'https://qbtv.vn/tin/mua-lon-dong-hoi',
        'https://quangbinh.gov.vn/tin/sat-lo-minh-hoa',
      ]);
      expect(digest.itemCount).toBe(4);
      expect(await itemRows()).toHaveLength(4);
    });

    it('groups items by the locality or topic they matched first, with source, link, time, excerpt and terms', async () => {
      const digest = await sut.day({ day: FIXTURE_DAY });
      expect(digest.groups.map((g) => [g.kind, g.term, g.items.length])).toEqual([
        ['LOCALITY', 'Đồng Hới', 1],
        ['LOCALITY', 'Lệ Thủy', 1],
        ['LOCALITY', 'Minh Hóa', 1],
        ['KEYWORD', 'lừa đảo', 1],
      ]);
      const flood = digest.groups[1]!.items[0]!;
      expect(flood).toMatchObject({
        feedName: 'Báo Quảng Bình',
        title: 'Lũ lụt ở Lệ Thủy: hàng trăm hộ dân phải sơ tán',
        link: 'https://baoquangbinh.vn/thoi-su/lu-lut-le-thuy.html?utm_source=rss',
        publishedAt: '2026-11-30T01:30:00.000Z',
        excerpt: 'Nước sông Kiến Giang lên nhanh, chính quyền huyện đã sơ tán dân.',
        matches: [{ kind: 'LOCALITY', term: 'Lệ Thủy', localityCode: 'LE_THUY' }],
        reported: null,
      });
      // "sat lo" (configured without diacritics) matched "Sạt lở" beside the locality.
      expect(digest.groups[2]!.items[0]!.matches.map((m) => m.term)).toEqual(['Minh Hóa', 'sat lo']);
    });

    it('records each feed’s health: the working ones healthy with their counts and format', async () => {
      expect((await feed('Báo Quảng Bình')).health).toMatchObject({
        status: 'HEALTHY',
        consecutiveFailures: 0,
        lastItemCount: 3,
        matchedItemCount: 2,
        format: 'RSS',
      });
      expect((await feed('Đài PT-TH')).health).toMatchObject({ status: 'HEALTHY', lastItemCount: 2, matchedItemCount: 1, format: 'ATOM' });
      expect((await feed('Cổng TTĐT')).health).toMatchObject({ status: 'HEALTHY', lastItemCount: 2, matchedItemCount: 1, format: 'JSON_FEED' });
    });

    it('shows a broken feed in its health, without stopping the others', async () => {
      const http500 = (await feed('Hỏng 500')).health;
      expect(http500).toMatchObject({ status: 'FAILING', consecutiveFailures: 1, lastError: 'HTTP 500 Internal Server Error', lastSuccessAt: null });
      const malformed = (await feed('Hỏng XML')).health;
      expect(malformed).toMatchObject({ status: 'FAILING', consecutiveFailures: 1, lastSuccessAt: null });
      expect(malformed.lastError).toContain('not a feed');
      // Tried again after the feed's interval at first.
      const waitMs = Date.parse(http500.nextPollAt!) - Date.parse(http500.lastErrorAt!);
      expect(waitMs).toBeGreaterThan(29 * 60_000);
      expect(waitMs).toBeLessThan(31 * 60_000);
    });
  });

  describe('the second poll', () => {
    let before: unknown;
    beforeAll(async () => {
      before = { digest: await sut.day({ day: FIXTURE_DAY }), rows: await itemRows() };
      server.requests.length = 0;
      await makeDue();
      expect(await poller.runDue()).toBe(5);
    });

    it('sends the validators and gets 304 where the site supports it', () => {
      expect(server.requests.find((r) => r.path === '/rss.xml')).toEqual({ path: '/rss.xml', ifNoneMatch: '"rss-v1"', ifModifiedSince: null, status: 304 });
      expect(server.requests.find((r) => r.path === '/atom.xml')).toEqual({
        path: '/atom.xml',
        ifNoneMatch: null,
        ifModifiedSince: 'Mon, 30 Nov 2026 09:00:00 GMT',
        status: 304,
      });
    });

    it('changes nothing in the digest', async () => {
      expect({ digest: await sut.day({ day: FIXTURE_DAY }), rows: await itemRows() }).toEqual(before);
      expect((await feed('Báo Quảng Bình')).health).toMatchObject({ status: 'HEALTHY', lastItemCount: 3, matchedItemCount: 2 });
    });

    it('backs a still-broken feed off exponentially', async () => {
      const health = (await feed('Hỏng 500')).health;
      expect(health.consecutiveFailures).toBe(2);
      const waitMs = Date.parse(health.nextPollAt!) - Date.parse(health.lastErrorAt!);
      expect(waitMs).toBeGreaterThan(59 * 60_000);
      expect(waitMs).toBeLessThan(61 * 60_000);
    });

    it('polls one feed the caller holds locked: the stored validators make it NOT_MODIFIED, and its next poll is set', async () => {
      server.requests.length = 0;
      const terms = await sut.terms();
      const outcome = await bed.dataSource.transaction(async (manager) => {
        const [row] = (await manager.query(`SELECT * FROM digest_feed WHERE id = $1 FOR UPDATE`, [feeds['Báo Quảng Bình']!.id])) as FeedRow[];
        return sut.pollFeed(manager, row!, terms);
      });
      expect(outcome).toEqual({ kind: 'NOT_MODIFIED' });
      expect(server.requests).toEqual([{ path: '/rss.xml', ifNoneMatch: '"rss-v1"', ifModifiedSince: null, status: 304 }]);
      expect(Date.parse((await feed('Báo Quảng Bình')).health.nextPollAt!)).toBeGreaterThan(Date.now() + 29 * 60_000);
    });

    it('does not poll a feed before its time', async () => {
      server.requests.length = 0;
      expect(await poller.runDue()).toBe(0);
      expect(server.requests).toEqual([]);
    });
  });

  describe('reportItem', () => {
    it('turns an item into one report, however often it is asked', async () => {
      const digest = await sut.day({ day: FIXTURE_DAY });
      const flood = digest.groups[1]!.items[0]!;
      const first = await sut.reportItem(COORDINATOR, { itemId: flood.id, categoryCode: 'FALSE_INFO_PANIC' });
      const second = await sut.reportItem(COORDINATOR, { itemId: flood.id, categoryCode: 'FALSE_INFO_PANIC' });
      expect(first.created).toBe(true);
      expect(second.created).toBe(false);
      expect(second.item.reported).toEqual(first.item.reported);
      expect(first.item.reported).toMatchObject({ reportedBy: COORDINATOR.userId, caseId: expect.any(String), reportId: expect.any(String) });
      expect(intake.submitted).toEqual([
        expect.objectContaining({
          channel: 'MEDIA_MONITORING',
          url: flood.canonicalUrl,
          categoryCode: 'FALSE_INFO_PANIC',
          localityCode: 'LE_THUY',
          observedAt: '2026-11-30T01:30:00.000Z',
          clientRequestId: `digest-item:${flood.id}`,
          excerpt: expect.stringContaining('Nước sông Kiến Giang'),
        }),
      ]);
      // Where it came from is the channel now, not a sentence in the note.
      expect(intake.submitted[0]!.note).not.toMatch(/Điểm báo/);
      expect((await sut.day({ day: FIXTURE_DAY })).groups[1]!.items[0]!.reported).toEqual(first.item.reported);
      expect((await bed.audit(flood.id)).map((a) => a.action)).toEqual(['digest.item-reported']);
    });

    it('is NOT_FOUND for an unknown item', async () => {
      await expect(sut.reportItem(COORDINATOR, { itemId: '00000000-0000-4000-8000-000000000000', categoryCode: 'SCAM' })).rejects.toMatchObject({
        code: ErrorCodes.NOT_FOUND,
        field: 'itemId',
      });
    });
  });

  describe('feeds and keywords', () => {
    it('refuses a second feed with the same address, and changes nothing', async () => {
      const count = (await sut.listFeeds()).length;
      await expect(sut.addFeed(COORDINATOR, { name: 'Lặp', url: `${server.base}/rss.xml` })).rejects.toMatchObject({ code: ErrorCodes.CONFLICT, field: 'url' });
      expect(await sut.listFeeds()).toHaveLength(count);
    });

    it('refuses an address that is not a web address', async () => {
      await expect(sut.addFeed(COORDINATOR, { name: 'Tệp', url: 'file:///etc/passwd' })).rejects.toMatchObject({
        code: ErrorCodes.BAD_USER_INPUT,
        field: 'url',
      });
    });

    it('disables a feed: it is no longer polled and shows as DISABLED', async () => {
      const disabled = await sut.disableFeed(COORDINATOR, { feedId: feeds['Hỏng XML']!.id });
      expect(disabled).toMatchObject({ enabled: false, health: { status: 'DISABLED', nextPollAt: null } });
      await bed.dataSource.query(`UPDATE digest_feed SET next_poll_at = now() - interval '1 second'`);
      server.requests.length = 0;
      await poller.runDue();
      expect(server.requests.map((r) => r.path)).not.toContain('/broken.xml');
      expect((await bed.audit(disabled.id)).map((a) => a.action)).toEqual(['digest.feed-added', 'digest.feed-updated']);
    });

    it('is NOT_FOUND updating an unknown feed', async () => {
      await expect(sut.updateFeed(COORDINATOR, { feedId: '00000000-0000-4000-8000-000000000000', name: 'x' })).rejects.toMatchObject({
        code: ErrorCodes.NOT_FOUND,
      });
    });

    it('keeps keywords that fold alike once and refuses a blank one by its index', async () => {
      expect((await sut.setKeywords(COORDINATOR, { keywords: ['lừa đảo', 'Lua dao', 'sạt lở'] })).keywords).toEqual(['lừa đảo', 'sạt lở']);
      await expect(sut.setKeywords(COORDINATOR, { keywords: ['lũ', '  '] })).rejects.toMatchObject({ code: ErrorCodes.BAD_USER_INPUT, field: 'keywords.1' });
      expect((await sut.keywords()).keywords).toEqual(['lừa đảo', 'sạt lở']);
    });

    it('matches on the directory’s localities and then the keywords', async () => {
      expect(await sut.terms()).toEqual([
        { kind: 'LOCALITY', term: 'Đồng Hới', localityCode: 'DONG_HOI' },
        { kind: 'LOCALITY', term: 'Lệ Thủy', localityCode: 'LE_THUY' },
        { kind: 'LOCALITY', term: 'Minh Hóa', localityCode: 'MINH_HOA' },
        { kind: 'KEYWORD', term: 'lừa đảo', localityCode: null },
        { kind: 'KEYWORD', term: 'sạt lở', localityCode: null },
      ]);
    });
  });

  describe('the .docx link', () => {
    it('is behind a signed address that names the day and cannot be forged', async () => {
      const links = module.get(DigestLinks);
      const link = await links.documentLink(COORDINATOR, FIXTURE_DAY);
      expect(link).toMatchObject({ day: FIXTURE_DAY, fileName: 'diem-bao-2026-11-30.docx' });
      expect(link.url.startsWith('http://reporting.test/reporting/digest/documents/')).toBe(true);
      const token = link.url.split('/').pop()!;
      expect(await links.verify(token)).toMatchObject({ day: FIXTURE_DAY, userId: COORDINATOR.userId });
      expect(await links.verify(`${token.slice(0, -2)}xx`)).toBeNull();
    });
  });
});
