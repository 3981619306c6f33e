import { Test, type TestingModule } from '@nestjs/testing';
import { HttpAdapterHost } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { Actor, SubmitReportRequest } from '@phoi-hop/contracts';
import { DIGEST_FIXTURE_DAY as FIXTURE_DAY, startDigestFeedServer, type DigestFeedServer } from '@phoi-hop/testing';
import { createServiceTestbed, type ServiceTestbed } from '@phoi-hop/testing-medium';
import { REPORTING_MIGRATIONS } from '../app/reporting.module';
import { docxParts, docxText } from '../document/docx-parts';
import { DECREE_30_LAYOUT, NATIONAL_MOTTO, NATIONAL_TITLE, RECIPIENTS_TITLE } from '../document/official-document';
import { DigestDocuments } from './digest-documents.service';
import { DigestFeedPoller } from './digest-feed.poller';
import { DigestIntake, LocalityTerms } from './digest.ports';
import { DigestRepository } from './digest.repository';
import type { DigestTerm } from './digest.rules';
import { DigestService } from './digest.service';
import { DIGEST_SETTINGS, type DigestSettings } from './digest.settings';

const COORDINATOR: Actor = { userId: 'u-coordinator', username: 'sttt.dieuphoi', agencyCode: 'STTTT', roles: ['COORDINATOR'] };

class FixedLocalities extends LocalityTerms {
  async terms(): Promise<DigestTerm[]> {
    return [
      { kind: 'LOCALITY', term: 'Đồng Hới', localityCode: 'DONG_HOI' },
      { kind: 'LOCALITY', term: 'Lệ Thủy', localityCode: 'LE_THUY' },
    ];
  }
}

class NoIntake extends DigestIntake {
  async submitReport(_request: SubmitReportRequest): Promise<{ caseId: string; reportId: string }> {
    throw new Error('the document reports nothing');
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
  linkSecret: 'digest-documents-medium-spec-secret',
};

describe(DigestDocuments.name, () => {
  let bed: ServiceTestbed;
  let module: TestingModule;
  let sut: DigestDocuments;
  let server: DigestFeedServer;

  beforeAll(async () => {
    bed = await createServiceTestbed({ service: 'reporting', migrations: REPORTING_MIGRATIONS });
    module = await Test.createTestingModule({
      providers: [
        { provide: DataSource, useValue: bed.dataSource },
        { provide: DIGEST_SETTINGS, useValue: SETTINGS },
        { provide: LocalityTerms, useClass: FixedLocalities },
        { provide: DigestIntake, useClass: NoIntake },
        { provide: HttpAdapterHost, useValue: {} },
        DigestRepository,
        DigestService,
        DigestFeedPoller,
        DigestDocuments,
      ],
    }).compile();
    sut = module.get(DigestDocuments);
    server = await startDigestFeedServer();
    const digest = module.get(DigestService);
    await digest.setKeywords(COORDINATOR, { keywords: ['lừa đảo', 'sat lo'] });
    for (const [name, path] of [
      ['Báo Quảng Bình', '/rss.xml'],
      ['Đài PT-TH', '/atom.xml'],
      ['Cổng TTĐT', '/feed.json'],
    ] as const) {
      await digest.addFeed(COORDINATOR, { name, url: `${server.base}${path}`, pollIntervalMinutes: 30 });
    }
    expect(await module.get(DigestFeedPoller).runDue()).toBe(3);
  });

  afterAll(async () => {
    await server?.close();
    await module?.close();
    await bed?.cleanup();
  });

  it('renders the day as a Decree 30 report of Sở TT&TT holding every item once with its link, and audits the download', async () => {
    const bytes = await sut.render({ kind: 'digest-document', day: FIXTURE_DAY, userId: 'u-leader', agencyCode: 'VP_UBND' });
    const parts = await docxParts(bytes);
    const xml = parts.get('word/document.xml')!;
    const text = docxText(xml);
    // Layout: A4, the decree's margins, Times New Roman everywhere, body at 14 pt.
    const { page, margin } = DECREE_30_LAYOUT;
    expect(xml).toContain(`<w:pgSz w:w="${page.width}" w:h="${page.height}"`);
    expect(xml).toMatch(new RegExp(`<w:pgMar w:top="${margin.top}" w:right="${margin.right}" w:bottom="${margin.bottom}" w:left="${margin.left}"`));
    expect(new Set([...xml.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]))).toEqual(new Set(['Times New Roman']));
    expect(parts.get('word/styles.xml')).toContain(`<w:sz w:val="${DECREE_30_LAYOUT.bodySize}"/>`);
    // Header block: issuing body and number beside the national title and motto; place and date in italics.
    const headerTable = xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>'));
    for (const line of ['UBND TỈNH QUẢNG BÌNH', 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'Số:       /BC-STTTT', NATIONAL_TITLE, NATIONAL_MOTTO])
      expect(headerTable).toContain(line);
    const dateAt = xml.indexOf('>Quảng Bình, ngày 30 tháng 11 năm 2026<');
    expect(xml.slice(xml.lastIndexOf('<w:r>', dateAt), dateAt)).toContain('<w:i/>');
    expect(text).toContain('BÁO CÁO\nĐiểm báo ngày 30/11/2026');
    // Page numbers from page 2, recipients at the end.
    expect(xml).toContain('<w:titlePg/>');
    expect([...parts.entries()].some(([name, part]) => name.startsWith('word/header') && /PAGE/.test(part))).toBe(true);
    expect(text.indexOf(RECIPIENTS_TITLE)).toBeGreaterThan(text.indexOf('Cảnh báo thủ đoạn lừa đảo'));
    expect(text).toContain('- Thường trực Tỉnh ủy (để báo cáo);');
    // Every matching item once, each with its link.
    for (const title of ['Lũ lụt ở Lệ Thủy', 'Mua lon keo dai o dong hoi', 'Sạt lở đất trên quốc lộ 12A', 'Cảnh báo thủ đoạn lừa đảo'])
      expect(text.split(title)).toHaveLength(2);
    const digest = await module.get(DigestService).day({ day: FIXTURE_DAY });
    expect(xml.match(/<w:hyperlink /g)).toHaveLength(digest.groups.reduce((n, g) => n + g.items.length, 0));
    expect((await bed.audit(FIXTURE_DAY)).map((a) => [a.action, a.actorUserId])).toEqual([['digest.document-downloaded', 'u-leader']]);
  });
});
