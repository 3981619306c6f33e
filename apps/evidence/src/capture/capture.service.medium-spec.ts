import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { WARCParser } from 'warcio';
import { EventSubjects } from '@phoi-hop/contracts';
import { SeededUsers, testPicture } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { createEvidenceTestbed, type EvidenceTestbed } from '../app/evidence.medium-testbed';
import { IndicatorService } from '../indicator/indicator.service';
import { SimilarityService } from '../similarity/similarity.service';
import { UploadService } from '../upload/upload.service';
import { readBlob } from '../storage/blob-store';
import { Readable } from 'node:stream';
import { CaptureService } from './capture.service';

/** A scam page served on loopback (the test allowance is on), with a redirect, a picture and links. */
const page = (picture: string) => `<!doctype html><html><head><meta charset="utf-8"><title>Hỗ trợ lũ lụt</title></head><body>
<h1>UBND huyện thông báo hỗ trợ</h1><p>Gọi 0912 345 678 để đăng ký. Chuyển phí vào STK: 0071000123456.</p>
<img src="/${picture}"><a href="https://nhan-ho-tro-lulut.vn/dang-ky">Đăng ký</a><a href="https://www.facebook.com/sharer.php">Chia sẻ</a></body></html>`;

describe(CaptureService.name, () => {
  let bed: EvidenceTestbed;
  let sut: CaptureService;
  let server: http.Server;
  let base: string;
  let picture: Buffer;
  const lethuy = actorOf(SeededUsers.lethuyOfficer);
  const lead = actorOf(SeededUsers.stttLead);

  beforeAll(async () => {
    bed = await createEvidenceTestbed({ capture: { allowPrivateAddresses: true } });
    sut = bed.get(CaptureService);
    picture = await testPicture(42);
    server = http.createServer((req, res) => {
      if (req.url === '/moved') return res.writeHead(302, { location: '/bai' }).end();
      if (req.url === '/bai') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('anh.png'));
      if (req.url === '/anh.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(picture);
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await bed?.cleanup();
  });

  describe('capture', () => {
    it('keeps the page as WARC and text after its redirect, hashes its picture, and derives the indicators it shows', async () => {
      const caseId = bed.addCase();
      const item = await sut.capture(lethuy, { caseId, url: `${base}/moved`, note: 'trang lừa đảo' });
      expect(item).toMatchObject({ kind: 'WEB_CAPTURE', sourceUrl: `${base}/moved`, screenshotStatus: 'UNAVAILABLE', mimeType: 'application/warc' });
      expect(item.parts.map((p) => p.role)).toEqual(['TEXT', 'WARC']);
      const warc = await readBlob(bed.blobs, item.sha256);
      const targets: string[] = [];
      for await (const record of new WARCParser(Readable.from([warc]))) if (record.warcType === 'response') targets.push(record.warcTargetURI!);
      expect(targets).toEqual([`${base}/moved`, `${base}/bai`, `${base}/anh.png`]);
      const text = (await readBlob(bed.blobs, item.parts.find((p) => p.role === 'TEXT')!.sha256)).toString('utf8');
      expect(text).toContain('Gọi 0912 345 678 để đăng ký.');
      expect(await bed.dataSource.query(`SELECT source FROM image_hash WHERE item_id = $1`, [item.id])).toEqual([{ source: 'PAGE_IMAGE' }]);
      expect((await bed.get(IndicatorService).forCase(lead, caseId)).map((i) => `${i.kind}:${i.normalizedValue}`)).toEqual([
        'BANK_ACCOUNT:0071000123456',
        'DOMAIN:nhan-ho-tro-lulut.vn',
        'PHONE:+84912345678',
      ]);
      expect((await bed.outbox(caseId)).map((e) => e.subject)).toEqual([EventSubjects.evidence.itemAdded]);
      expect((await bed.audit(item.id)).map((a) => a.action)).toEqual(['evidence.captured']);
    });

    it('links the picture on the captured page to the same picture uploaded to another case', async () => {
      const captured = await sut.capture(lethuy, { caseId: bed.addCase(), url: `${base}/bai` });
      const uploads = bed.get(UploadService);
      const ticket = await uploads.requestTicket(lethuy, { caseId: bed.addCase(), fileName: 'anh-chup.png' });
      const uploaded = await uploads.receive(ticket.uploadUrl.split('/').pop()!, Readable.from([picture]));
      expect((await bed.get(SimilarityService).forItem(lead, captured.id)).map((s) => [s.source, s.similarItemId, s.distance])).toContainEqual([
        'PAGE_IMAGE',
        uploaded.id,
        0,
      ]);
    });

    it('refuses an address it does not capture, and an unknown case, storing nothing', async () => {
      const caseId = bed.addCase();
      await expect(sut.capture(lethuy, { caseId, url: 'http://user:pw@127.0.0.1/' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
      await expect(sut.capture(lethuy, { caseId: randomUUID(), url: `${base}/bai` })).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'caseId' });
      await expect(sut.capture(lethuy, { caseId, url: 'http://127.0.0.1:1/' })).rejects.toMatchObject({ code: 'UNAVAILABLE', field: 'url' });
      expect(await bed.dataSource.query(`SELECT id FROM evidence_item WHERE case_id = $1`, [caseId])).toEqual([]);
    });
  });
});
