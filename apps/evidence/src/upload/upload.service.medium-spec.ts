import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { SeededUsers, testPicture } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { createEvidenceTestbed, type EvidenceTestbed } from '../app/evidence.medium-testbed';
import { ItemService } from '../item/item.service';
import { UploadService } from './upload.service';

describe(UploadService.name, () => {
  let bed: EvidenceTestbed;
  let sut: UploadService;
  const lethuy = actorOf(SeededUsers.lethuyOfficer);
  const lead = actorOf(SeededUsers.stttLead);
  const tokenOf = (url: string) => url.split('/').pop()!;
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

  beforeAll(async () => {
    bed = await createEvidenceTestbed({ maxUploadBytes: 200_000 });
    sut = bed.get(UploadService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  describe('requestTicket', () => {
    it('hands out a short-lived, single-use address with the limits, audited', async () => {
      const caseId = bed.addCase();
      const ticket = await sut.requestTicket(lethuy, { caseId, fileName: 'anh-chup.png', note: 'ảnh chụp bài đăng' });
      expect(ticket).toMatchObject({ uploadUrl: expect.stringMatching(/^http:\/\/evidence\.test\/evidence\/uploads\//), maxBytes: 200_000 });
      expect(Date.parse(ticket.expiresAt) - Date.now()).toBeGreaterThan(200_000);
      expect((await bed.audit(ticket.ticketId)).map((a) => a.action)).toEqual(['evidence.upload-requested']);
      await expect(sut.requestTicket(lethuy, { caseId: randomUUID(), fileName: 'a.png' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(sut.requestTicket(lethuy, { caseId: bed.addCase({ status: 'MERGED' }), fileName: 'a.png' })).rejects.toMatchObject({
        code: 'INVALID_STATE',
      });
    });
  });

  describe('receive', () => {
    it('stores a picture as it streams in, sniffed, hashed (SHA-256 and perceptual), once per address', async () => {
      const caseId = bed.addCase();
      const png = await testPicture(5);
      const ticket = await sut.requestTicket(lethuy, { caseId, fileName: 'bai-dang.jpg' });
      const item = await sut.receive(tokenOf(ticket.uploadUrl), Readable.from([png.subarray(0, 100), png.subarray(100)]));
      expect(item).toMatchObject({ kind: 'FILE', mimeType: 'image/png', nameMismatch: true, sizeBytes: png.length, fileName: 'bai-dang.jpg' });
      expect(await bed.blobs.exists(item.sha256)).toBe(true);
      expect(await bed.dataSource.query(`SELECT source, length(phash::text)::int AS bits FROM image_hash WHERE item_id = $1`, [item.id])).toEqual([
        { source: 'ORIGINAL', bits: 64 },
      ]);
      await expect(sut.receive(tokenOf(ticket.uploadUrl), Readable.from([png]))).rejects.toMatchObject({ status: 410, code: 'INVALID_STATE' });
      await expect(sut.receive('not-a-token', Readable.from([png]))).rejects.toMatchObject({ status: 404 });
    });

    it.each<[string, () => Readable, number]>([
      ['over the size limit', () => Readable.from([Buffer.concat([PDF, Buffer.alloc(150_000, 32)]), Buffer.alloc(150_000, 32)]), 413],
      ['not what the allow-list takes', () => Readable.from([Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(5_000, 7)])]), 415],
      [
        'cut off halfway',
        () =>
          new Readable({
            read() {
              this.push(PDF);
              this.destroy(new Error('connection reset'));
            },
          }),
        400,
      ],
    ])('refuses an upload %s, leaving no blob and no item, and records the refusal', async (_name, body, status) => {
      const caseId = bed.addCase();
      const ticket = await sut.requestTicket(lethuy, { caseId, fileName: 'tai-lieu.pdf' });
      await expect(sut.receive(tokenOf(ticket.uploadUrl), body())).rejects.toMatchObject({ status, code: 'BAD_USER_INPUT' });
      expect(await bed.get(ItemService).list(lead, caseId)).toEqual([]);
      expect((await bed.audit(ticket.ticketId)).map((a) => a.action)).toEqual(['evidence.upload-requested', 'evidence.upload-refused']);
    });
  });
});
