import { Test, type TestingModule } from '@nestjs/testing';
import { HttpAdapterHost } from '@nestjs/core';
import yauzl from 'yauzl';
import { DataSource } from 'typeorm';
import type { Actor, SubmitReportRequest } from '@phoi-hop/contracts';
import { DIGEST_FIXTURE_DAY as FIXTURE_DAY, startDigestFeedServer, type DigestFeedServer } from '@phoi-hop/testing';
import { createServiceTestbed, type ServiceTestbed } from '@phoi-hop/testing-medium';
import { REPORTING_MIGRATIONS } from '../app/reporting.module';
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

function unzipEntry(bytes: Buffer, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        });
      });
      zip.on('end', () => reject(new Error(`${name} is not in the document`)));
      zip.readEntry();
    });
  });
}

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

  it('renders an A4 document in Times New Roman 13 titled with the day, holding every item, and audits the download', async () => {
    const bytes = await sut.render({ kind: 'digest-document', day: FIXTURE_DAY, userId: 'u-leader', agencyCode: 'VP_UBND' });
    const xml = await unzipEntry(bytes, 'word/document.xml');
    const styles = await unzipEntry(bytes, 'word/styles.xml');
    expect(xml).toContain('ĐIỂM BÁO NGÀY 30/11/2026');
    expect(xml).toContain('SỞ THÔNG TIN VÀ TRUYỀN THÔNG');
    expect(xml).toMatch(/<w:pgSz w:w="11907" w:h="16840"/);
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701"/);
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(styles).toContain('<w:sz w:val="26"/>');
    for (const title of ['Lũ lụt ở Lệ Thủy', 'Mua lon keo dai o dong hoi', 'Sạt lở đất trên quốc lộ 12A', 'Cảnh báo thủ đoạn lừa đảo'])
      expect(xml).toContain(title);
    expect((await bed.audit(FIXTURE_DAY)).map((a) => [a.action, a.actorUserId])).toEqual([['digest.document-downloaded', 'u-leader']]);
  });
});
