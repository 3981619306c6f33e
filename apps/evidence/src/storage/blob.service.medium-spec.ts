import { SeededUsers } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { createEvidenceTestbed, type EvidenceTestbed } from '../app/evidence.medium-testbed';
import { ItemService } from '../item/item.service';
import { BlobService } from './blob.service';

describe(BlobService.name, () => {
  let bed: EvidenceTestbed;
  let sut: BlobService;
  const lethuy = actorOf(SeededUsers.lethuyOfficer);
  const lead = actorOf(SeededUsers.stttLead);
  const read = async (stream: NodeJS.ReadableStream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  };

  beforeAll(async () => {
    bed = await createEvidenceTestbed();
    sut = bed.get(BlobService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  describe('openForDownload', () => {
    it('serves a part through its signed address, as a download in the custody log of the case', async () => {
      const items = bed.get(ItemService);
      const item = await items.addExcerpt(lethuy, { caseId: bed.addCase(), text: 'Nguyên văn bài đăng cần tải về.' });
      const [download] = (await items.content(lead, item.id)).downloads;
      const opened = await sut.openForDownload(download!.url.split('/').pop()!);
      expect(opened).toMatchObject({ mimeType: 'text/plain; charset=utf-8', sha256: item.sha256 });
      expect(await read(opened!.stream)).toBe('Nguyên văn bài đăng cần tải về.');
      expect((await bed.audit(item.id)).filter((a) => a.action === 'evidence.downloaded')).toEqual([
        expect.objectContaining({ actorUserId: lead.userId, summary: expect.objectContaining({ caseId: item.caseId, role: 'TEXT', sha256: item.sha256 }) }),
      ]);
    });

    it('serves nothing for a forged address or a blob that is gone', async () => {
      const items = bed.get(ItemService);
      const item = await items.addExcerpt(lethuy, { caseId: bed.addCase(), text: 'Bài đăng sẽ bị xóa khỏi kho.' });
      const [download] = (await items.content(lead, item.id)).downloads;
      expect(await sut.openForDownload(`${download!.url.split('/').pop()!}x`)).toBeNull();
      await bed.blobs.delete(item.sha256);
      expect(await sut.openForDownload(download!.url.split('/').pop()!)).toBeNull();
      expect((await bed.audit(item.id)).some((a) => a.action === 'evidence.downloaded')).toBe(false);
    });
  });
});
