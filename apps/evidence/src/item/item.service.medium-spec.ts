import { randomUUID } from 'node:crypto';
import { EventSubjects } from '@phoi-hop/contracts';
import { SeededUsers } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { createEvidenceTestbed, type EvidenceTestbed } from '../app/evidence.medium-testbed';
import { readBlob } from '../storage/blob-store';
import { ItemService } from './item.service';

describe(ItemService.name, () => {
  let bed: EvidenceTestbed;
  let sut: ItemService;
  const lethuy = actorOf(SeededUsers.lethuyOfficer);
  const lead = actorOf(SeededUsers.stttLead);
  const ca = actorOf(SeededUsers.caOfficer);
  const leader = actorOf(SeededUsers.leader);
  const syt = actorOf(SeededUsers.sytOfficer);
  const text = 'Trang giả mạo UBND huyện Lệ Thủy: chuyển phí hồ sơ vào STK 1903 5678 9012 34, gọi 0912 345 678.';

  beforeAll(async () => {
    bed = await createEvidenceTestbed();
    sut = bed.get(ItemService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  describe('addExcerpt and record', () => {
    it('keeps the excerpt as a blob with its hash, evented, audited, and derives the indicators it shows', async () => {
      const caseId = bed.addCase();
      const item = await sut.addExcerpt(lethuy, { caseId, text, sourceUrl: 'https://facebook.com/trang-gia-mao/posts/1', note: 'ghi chú' });
      expect(item).toMatchObject({ caseId, kind: 'TEXT_EXCERPT', capturedByAgency: 'UBND_LE_THUY', contentWithheld: false, purgedAt: null });
      expect((await readBlob(bed.blobs, item.sha256)).toString('utf8')).toBe(text);
      expect(await bed.outbox(caseId)).toEqual([
        expect.objectContaining({ subject: EventSubjects.evidence.itemAdded, data: expect.objectContaining({ itemId: item.id, sha256: item.sha256 }) }),
      ]);
      expect((await bed.audit(item.id)).map((a) => a.action)).toEqual(['evidence.excerpt-added']);
      const derived = await bed.dataSource.query(`SELECT kind, normalized_value, origin FROM content_indicator WHERE item_id = $1 ORDER BY kind`, [item.id]);
      expect(derived).toEqual([
        { kind: 'BANK_ACCOUNT', normalized_value: '19035678901234', origin: 'DERIVED' },
        { kind: 'PHONE', normalized_value: '+84912345678', origin: 'DERIVED' },
      ]);
      expect(bed.relay.kicks).toBeGreaterThan(0);
    });

    it('refuses a blank excerpt, an unknown case and a merged one, and stores nothing', async () => {
      const merged = bed.addCase({ status: 'MERGED' });
      await expect(sut.addExcerpt(lethuy, { caseId: bed.addCase(), text: '   ' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
      await expect(sut.addExcerpt(lethuy, { caseId: randomUUID(), text })).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'caseId' });
      await expect(sut.addExcerpt(lethuy, { caseId: merged, text })).rejects.toMatchObject({ code: 'INVALID_STATE' });
      expect(await sut.list(lead, merged)).toEqual([]);
    });

    it('records an item whose parts are already stored, inside the caller’s transaction', async () => {
      const caseId = bed.addCase();
      const id = randomUUID();
      const part = { role: 'TEXT' as const, sha256: 'a'.repeat(64), sizeBytes: 3, mimeType: 'text/plain; charset=utf-8' };
      const recorded = await bed.dataSource.transaction((manager) =>
        sut.record(
          lethuy,
          {
            id,
            caseId,
            caseNumber: 'QB-2026-999999',
            kind: 'TEXT_EXCERPT',
            primary: part,
            capturedBy: lethuy.userId,
            capturedByAgency: lethuy.agencyCode,
            capturedAt: new Date(),
            toolName: 'medium',
            toolVersion: '1',
            sourceUrl: null,
            fileName: null,
            nameMismatch: false,
            screenshot: null,
            note: null,
            visibleAgencies: ['UBND_LE_THUY', 'STTTT', 'CA'],
            parts: [part],
            imageHashes: [{ sha256: 'b'.repeat(64), source: 'ORIGINAL', phash: '01'.repeat(32) }],
          },
          manager,
        ),
      );
      expect(recorded).toMatchObject({ id, parts: [part] });
      expect(await bed.dataSource.query(`SELECT source, phash::text AS phash FROM image_hash WHERE item_id = $1`, [id])).toEqual([
        { source: 'ORIGINAL', phash: '01'.repeat(32) },
      ]);
    });
  });

  describe('list, get and content', () => {
    it('shows content to the capturing agency, coordinators and investigators; others see only that it exists', async () => {
      const caseId = bed.addCase({
        participants: [
          { agencyCode: 'STTTT', role: 'LEAD', basis: 'Đ6.1' },
          { agencyCode: 'SYT', role: 'PARTICIPANT', basis: 'Đ6.7' },
        ],
      });
      const item = await sut.addExcerpt(lethuy, { caseId, text, sourceUrl: 'https://example.vn/lua-dao', note: 'nội bộ' });
      expect((await sut.list(lead, caseId)).map((i) => [i.id, i.contentWithheld, i.note])).toEqual([[item.id, false, 'nội bộ']]);
      expect(await sut.get(syt, item.id)).toMatchObject({ contentWithheld: true, sourceUrl: null, note: null, sha256: item.sha256 });
      expect((await sut.get(leader, item.id)).contentWithheld).toBe(true);
      const content = await sut.content(ca, item.id);
      expect(content).toMatchObject({ itemId: item.id, text, sourceUrl: 'https://example.vn/lua-dao' });
      expect(content.downloads).toEqual([{ role: 'TEXT', sha256: item.sha256, url: expect.stringMatching(/^http:\/\/evidence\.test\/evidence\/blobs\//) }]);
      await expect(sut.content(syt, item.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect((await bed.audit(item.id)).filter((a) => a.action === 'evidence.viewed').map((a) => a.actorUserId)).toEqual([ca.userId]);
    });

    it('answers NOT_FOUND alike for an unknown item and one on a case the viewer may not see', async () => {
      const item = await sut.addExcerpt(lethuy, { caseId: bed.addCase(), text });
      await expect(sut.get(lethuy, randomUUID())).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'itemId' });
      bed.hideCase(item.caseId);
      await expect(sut.get(lethuy, item.id)).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'itemId' });
    });
  });

  describe('placeHold and releaseHold', () => {
    it('places and releases a legal hold with a reason each way, audited; twice either way is INVALID_STATE', async () => {
      const item = await sut.addExcerpt(lethuy, { caseId: bed.addCase(), text });
      const held = await sut.placeHold(lead, { itemId: item.id, reason: 'Công an đề nghị giữ nguyên chứng cứ' });
      expect(held.legalHold).toMatchObject({ reason: 'Công an đề nghị giữ nguyên chứng cứ', placedBy: lead.userId });
      await expect(sut.placeHold(lead, { itemId: item.id, reason: 'Một lần nữa cho chắc' })).rejects.toMatchObject({ code: 'INVALID_STATE' });
      expect((await sut.releaseHold(lead, { itemId: item.id, reason: 'Vụ việc đã kết thúc điều tra' })).legalHold).toBeNull();
      await expect(sut.releaseHold(lead, { itemId: item.id, reason: 'Không còn giữ nữa' })).rejects.toMatchObject({ code: 'INVALID_STATE' });
      expect((await bed.audit(item.id)).map((a) => a.action)).toEqual(['evidence.excerpt-added', 'evidence.hold-placed', 'evidence.hold-released']);
    });
  });
});
