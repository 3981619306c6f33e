import { randomUUID } from 'node:crypto';
import { EventSubjects } from '@phoi-hop/contracts';
import { SeededUsers, startLocalTsa, type LocalTsa } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { createEvidenceTestbed, textExcerptItem, type EvidenceTestbed } from '../app/evidence.medium-testbed';
import { readBlob } from '../storage/blob-store';
import type { NewItem } from './item.repository';
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
      const item = {
        ...textExcerptItem(lethuy, caseId, { sha256: 'a'.repeat(64) }),
        imageHashes: [{ sha256: 'b'.repeat(64), source: 'ORIGINAL' as const, phash: '01'.repeat(32) }],
      };
      const recorded = await bed.dataSource.transaction((manager) => sut.record(lethuy, item, manager));
      expect(recorded).toMatchObject({ id: item.id, parts: item.parts });
      expect(await bed.dataSource.query(`SELECT source, phash::text AS phash FROM image_hash WHERE item_id = $1`, [item.id])).toEqual([
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

  describe('timestamp', () => {
    const newItem = (caseId: string): NewItem =>
      textExcerptItem(lethuy, caseId, { caseNumber: 'QB-2026-999998', sourceUrl: 'https://example.vn/bai-dang', note: 'ghi chú' });

    it('without a time-stamping authority, answers the item as recorded and stores no timestamp', async () => {
      const recorded = await bed.dataSource.transaction((manager) => sut.record(lethuy, newItem(bed.addCase()), manager));
      expect(await sut.timestamp(recorded)).toEqual(recorded);
      expect(recorded.timestamp).toBeNull();
      expect(await bed.dataSource.query(`SELECT 1 FROM evidence_timestamp WHERE id = $1`, [recorded.id])).toEqual([]);
    });

    describe('with a time-stamping authority', () => {
      let tsa: LocalTsa;
      let stamped: EvidenceTestbed;
      let items: ItemService;

      beforeAll(async () => {
        tsa = await startLocalTsa();
        stamped = await createEvidenceTestbed({ tsa: { url: tsa.url, trustedCertsPem: tsa.caCertPem, timeoutMs: 5_000, retryIntervalMs: 60_000 } });
        items = stamped.get(ItemService);
      });

      afterAll(async () => {
        await stamped?.cleanup();
        await tsa?.close();
      });

      it('stamps an item recorded inside the caller’s transaction once asked, and answers it with its verified timestamp and the same view', async () => {
        const caseId = stamped.addCase();
        const recorded = await stamped.dataSource.transaction((manager) => items.record(lethuy, newItem(caseId), manager));
        // Recorded inside the caller's transaction: scheduled, not yet requested.
        expect(recorded.timestamp).toMatchObject({ status: 'PENDING', attempts: 0, timestampedAt: null });
        const asked = tsa.queries.length;

        const answered = await items.timestamp(recorded);

        expect(tsa.queries.length).toBe(asked + 1);
        expect(answered).toEqual({
          ...recorded,
          timestamp: {
            status: 'VERIFIED',
            timestampedAt: expect.any(String),
            tsaName: tsa.tsaName,
            serialNumber: expect.any(String),
            attempts: 1,
            lastError: null,
          },
        });
        expect((await stamped.audit(recorded.id)).map((a) => a.action)).toEqual(['evidence.excerpt-added', 'evidence.timestamped']);
        // Asked with the view of one who may not read the content: the stamped item comes back still without it.
        const other = await stamped.dataSource.transaction((manager) => items.record(lethuy, newItem(caseId), manager));
        const withheld = await items.get(syt, other.id);
        expect(withheld).toMatchObject({ contentWithheld: true, timestamp: { status: 'PENDING' } });
        expect(await items.timestamp(withheld)).toEqual({ ...withheld, timestamp: expect.objectContaining({ status: 'VERIFIED', attempts: 1 }) });
      });

      it('answers the item with a FAILED timestamp when the authority fails, and keeps it', async () => {
        tsa.setMode('http-error');
        try {
          const recorded = await stamped.dataSource.transaction((manager) => items.record(lethuy, newItem(stamped.addCase()), manager));
          const answered = await items.timestamp(recorded);
          expect(answered.timestamp).toMatchObject({ status: 'FAILED', attempts: 1, lastError: expect.stringContaining('503'), timestampedAt: null });
          expect(await items.get(lethuy, recorded.id)).toMatchObject({ id: recorded.id, sha256: recorded.sha256, timestamp: { status: 'FAILED' } });
        } finally {
          tsa.setMode('ok');
        }
      });
    });
  });
});
