import { createHash, randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import type { Actor } from '@phoi-hop/contracts';
import { createServiceTestbed, type ServiceTestbed } from '@phoi-hop/testing-medium';
import { REPORTING_MIGRATIONS } from '../app/reporting.module';
import { DocumentDownloadHttpController, documentDownloadProviders } from './document-download.providers';
import { DocumentDownloadService } from './document-download.service';
import { DOCUMENT_LINK_TTL_SECONDS } from './document-download.settings';

const LEADER: Actor = { userId: 'u-leader', username: 'lanhdao', agencyCode: 'VP_UBND', roles: ['LEADER'] };
const PDF = 'application/pdf';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe(DocumentDownloadService.name, () => {
  let bed: ServiceTestbed;
  let app: INestApplication;
  let sut: DocumentDownloadService;

  beforeAll(async () => {
    bed = await createServiceTestbed({ service: 'reporting', migrations: REPORTING_MIGRATIONS });
    const module = await Test.createTestingModule({
      controllers: [DocumentDownloadHttpController],
      providers: [
        { provide: DataSource, useValue: bed.dataSource },
        ...documentDownloadProviders({ publicUrl: null, linkSecret: 'document-download-medium-spec-secret-xxxxxxxx', inlineMaxBytes: 64 * 1024 }),
      ],
    }).compile();
    app = module.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    sut = app.get(DocumentDownloadService);
  });

  afterAll(async () => {
    await app?.close();
    await bed?.cleanup();
  });

  describe('offer', () => {
    it('inlines a small document and gives its address, which serves the same bytes', async () => {
      const bytes = Buffer.from('table,row,column,value\nby_category,1,count,7\n', 'utf8');
      const offered = await sut.offer(LEADER, 'so-lieu.csv', 'text/csv; charset=utf-8', bytes);
      expect(offered).toMatchObject({ fileName: 'so-lieu.csv', byteLength: bytes.length, sha256: sha256(bytes), contentBase64: bytes.toString('base64') });
      expect(Date.parse(offered.expiresAt) - Date.now()).toBeLessThanOrEqual(DOCUMENT_LINK_TTL_SECONDS * 1000);
      const response = await fetch(offered.url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
    });

    it('gives a document larger than a NATS message by its address only, and the download is intact and audited', async () => {
      const bytes = randomBytes(2_500_000);
      const offered = await sut.offer(LEADER, 'ho-so-QB-2026-000042.pdf', PDF, bytes);
      expect(offered.contentBase64).toBeNull();
      expect(offered.byteLength).toBe(2_500_000);
      // What travels back over NATS stays small, whatever the document's size.
      expect(JSON.stringify(offered).length).toBeLessThan(2_000);
      expect(offered.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/reporting\/documents\/[\w-]+\.[\w-]+\.[\w-]+$/);

      const response = await fetch(offered.url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="ho-so-QB-2026-000042.pdf"');
      const downloaded = Buffer.from(await response.arrayBuffer());
      expect(downloaded.length).toBe(bytes.length);
      expect(sha256(downloaded)).toBe(offered.sha256);
      const id = (await bed.dataSource.query(`SELECT id FROM rendered_document WHERE sha256 = $1`, [offered.sha256]))[0].id as string;
      expect((await bed.audit(id)).map((a) => [a.action, a.actorUserId])).toEqual([['reporting.document-downloaded', 'u-leader']]);
    });
  });

  describe('download', () => {
    it('refuses an altered address (404, nothing audited)', async () => {
      const offered = await sut.offer(LEADER, 'bao-cao.docx', PDF, Buffer.from('PK…'));
      const token = offered.url.split('/').pop()!;
      expect(await sut.download(`${token.slice(0, -2)}xx`)).toBeNull();
      const other = await fetch(offered.url.replace(token, token.split('.').reverse().join('.')));
      expect(other.status).toBe(404);
      expect(await other.json()).toEqual({ code: 'NOT_FOUND', message: 'No such download address, or it has expired' });
      const id = (await bed.dataSource.query(`SELECT id FROM rendered_document WHERE sha256 = $1`, [offered.sha256]))[0].id as string;
      expect(await bed.audit(id)).toEqual([]);
    });

    it('refuses a document whose time is up, and forgets it when the next one is stored', async () => {
      const offered = await sut.offer(LEADER, 'cu.docx', PDF, Buffer.from('old bytes'));
      await bed.dataSource.query(`UPDATE rendered_document SET expires_at = now() - interval '1 second' WHERE sha256 = $1`, [offered.sha256]);
      expect(await sut.download(offered.url.split('/').pop()!)).toBeNull();
      await sut.offer(LEADER, 'moi.docx', PDF, Buffer.from('new bytes'));
      expect(await bed.dataSource.query(`SELECT id FROM rendered_document WHERE sha256 = $1`, [offered.sha256])).toEqual([]);
    });
  });
});
