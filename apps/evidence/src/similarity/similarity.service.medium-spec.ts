import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import type { Actor } from '@phoi-hop/contracts';
import { SeededUsers, testPicture } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { createEvidenceTestbed, type EvidenceTestbed } from '../app/evidence.medium-testbed';
import { ItemService } from '../item/item.service';
import { UploadService } from '../upload/upload.service';
import { SimilarityService } from './similarity.service';

describe(SimilarityService.name, () => {
  let bed: EvidenceTestbed;
  let sut: SimilarityService;
  let uploads: UploadService;
  const lethuy = actorOf(SeededUsers.lethuyOfficer);
  const donghoi = actorOf(SeededUsers.donghoiOfficer);
  const lead = actorOf(SeededUsers.stttLead);
  const syt = actorOf(SeededUsers.sytOfficer);

  beforeAll(async () => {
    bed = await createEvidenceTestbed();
    sut = bed.get(SimilarityService);
    uploads = bed.get(UploadService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  /** Uploads a picture to the case as `actor` would, through a ticket; returns the item's id. */
  async function upload(actor: Actor, caseId: string, bytes: Buffer, fileName: string): Promise<string> {
    const ticket = await uploads.requestTicket(actor, { caseId, fileName });
    const item = await uploads.receive(ticket.uploadUrl.split('/').pop()!, Readable.from([bytes]));
    return item.id;
  }

  describe('forItem and forCase', () => {
    it('links the same picture re-encoded and resized in another case, nearest first, and not a different picture', async () => {
      const original = await testPicture(7);
      const caseA = bed.addCase();
      const caseB = bed.addCase({ reporterAgencyCode: 'UBND_DONG_HOI', reports: [{ reporterAgencyCode: 'UBND_DONG_HOI', url: 'https://example.vn/b' }] });
      const caseC = bed.addCase();
      const a = await upload(lethuy, caseA, original, 'bai-dang.png');
      const near = await upload(donghoi, caseB, await sharp(original).resize(320).jpeg({ quality: 40 }).toBuffer(), 'anh-chup.jpg');
      const exact = await upload(lethuy, caseC, await sharp(original).webp({ quality: 90 }).toBuffer(), 'anh.webp');
      const far = await upload(lethuy, caseC, await testPicture(99), 'khac.png');

      const found = await sut.forItem(lead, a);
      expect(found.map((f) => f.similarItemId).sort()).toEqual([near, exact].sort());
      expect(found.every((f) => f.itemId === a && f.source === 'ORIGINAL' && f.distance <= 10)).toBe(true);
      expect(found.map((f) => f.distance)).toEqual([...found.map((f) => f.distance)].sort((x, y) => x - y));
      expect(found.find((f) => f.similarItemId === near)).toMatchObject({ similarCaseId: caseB, similarKind: 'FILE', similarSource: 'ORIGINAL' });
      expect((await sut.forItem(lead, far)).map((f) => f.similarItemId)).toEqual([]);

      // The case-wide query covers every item of the case, never the case's own items.
      expect((await sut.forCase(lead, caseC)).map((f) => [f.itemId, f.similarItemId])).toEqual(expect.arrayContaining([[exact, a]]));
      expect((await sut.forCase(lead, caseC)).some((f) => f.similarCaseId === caseC)).toBe(false);
    });

    it('lists only the cases the viewer may see, and refuses an item or case it may not see', async () => {
      const original = await testPicture(31);
      const mine = bed.addCase();
      const other = bed.addCase({
        reporterAgencyCode: 'UBND_DONG_HOI',
        participants: [{ agencyCode: 'STTTT', role: 'LEAD', basis: 'Đ6.1' }],
        reports: [{ reporterAgencyCode: 'UBND_DONG_HOI', url: 'https://example.vn/c' }],
      });
      const item = await upload(lethuy, mine, original, 'a.png');
      await upload(donghoi, other, await sharp(original).resize(400).png().toBuffer(), 'b.png');
      expect(await sut.forItem(lethuy, item)).toEqual([]);
      expect((await sut.forItem(lead, item)).map((f) => f.similarCaseId)).toEqual([other]);
      await expect(sut.forItem(syt, randomUUID())).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'itemId' });
      bed.hideCase(mine);
      await expect(sut.forItem(syt, item)).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'itemId' });
      await expect(sut.forCase(syt, mine)).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'caseId' });
    });

    it('hashes no text excerpt, and nothing of a file that is no picture', async () => {
      const caseId = bed.addCase();
      const excerpt = await bed.get(ItemService).addExcerpt(lethuy, { caseId, text: 'Chỉ có chữ, không có ảnh.' });
      const pdf = await upload(lethuy, caseId, Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'), 'cv.pdf');
      expect(await bed.dataSource.query(`SELECT item_id FROM image_hash WHERE item_id = ANY($1::uuid[])`, [[excerpt.id, pdf]])).toEqual([]);
      expect(await sut.forCase(lead, caseId)).toEqual([]);
    });
  });
});
