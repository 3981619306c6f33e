import { randomUUID } from 'node:crypto';
import { EventSubjects, type CaseStatus, type CaseStatusChangedEvent, type EventEnvelope } from '@phoi-hop/contracts';
import { SeededUsers, startLocalTsa, type LocalTsa } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { createEvidenceTestbed, type EvidenceTestbed } from '../app/evidence.medium-testbed';
import { IntegrityScheduler } from '../integrity/integrity.scheduler';
import { ItemService } from '../item/item.service';
import { PackageService } from '../package/package.service';
import { CaseClosureHandler } from './case-closure.handler';
import { TimestampService } from '../timestamp/timestamp.service';
import { RETENTION_PURGER, RetentionScheduler } from './retention.scheduler';

describe(RetentionScheduler.name, () => {
  let bed: EvidenceTestbed;
  let sut: RetentionScheduler;
  let items: ItemService;
  const lethuy = actorOf(SeededUsers.lethuyOfficer);
  const lead = actorOf(SeededUsers.stttLead);
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

  /** Intake's event of a status change of the case, as the evidence service consumes it. */
  const statusChanged = (caseId: string, from: CaseStatus, to: CaseStatus, occurredAt: string, on: EvidenceTestbed = bed) =>
    on.dataSource.transaction((manager) =>
      on.get(CaseClosureHandler).handle(
        {
          id: randomUUID(),
          type: EventSubjects.intake.caseStatusChanged,
          occurredAt,
          aggregateId: caseId,
          visibleTo: [],
          data: { caseId, caseNumber: 'QB', from, to, severity: 'HIGH', reason: null } satisfies CaseStatusChangedEvent,
        } satisfies EventEnvelope,
        manager,
      ),
    );
  const excerpt = (caseId: string, text = `Bài đăng lừa đảo ${randomUUID()}: gọi 0912 345 678`) => items.addExcerpt(lethuy, { caseId, text, note: 'ghi chú' });

  beforeAll(async () => {
    bed = await createEvidenceTestbed({ retentionDays: 30 });
    sut = bed.get(RetentionScheduler);
    items = bed.get(ItemService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  it('purges an expired item’s content and keeps a tombstone, a custody entry and an event; a held one survives until released', async () => {
    const caseId = bed.addCase();
    const held = await excerpt(caseId);
    const expired = await excerpt(caseId);
    await items.placeHold(lead, { itemId: held.id, reason: 'Công an đang điều tra, giữ nguyên chứng cứ' });
    await statusChanged(caseId, 'ACTING', 'CLOSED', daysAgo(31));

    await sut.runNow();
    const gone = await items.get(lead, expired.id);
    expect(gone).toMatchObject({ purgedAt: expect.any(String), sha256: expired.sha256, sizeBytes: expired.sizeBytes, parts: [], note: null });
    expect(await bed.blobs.exists(expired.sha256)).toBe(false);
    await expect(items.content(lead, expired.id)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect(await bed.dataSource.query(`SELECT count(*)::int AS n FROM content_indicator WHERE item_id = $1`, [expired.id])).toEqual([{ n: 0 }]);
    const [tombstone] = await bed.dataSource.query(
      `SELECT sha256, size_bytes::int AS size, parts, purged_by, retention_days FROM evidence_tombstone WHERE item_id = $1`,
      [expired.id],
    );
    expect(tombstone).toEqual({
      sha256: expired.sha256,
      size: expired.sizeBytes,
      parts: [{ role: 'TEXT', sha256: expired.sha256, sizeBytes: expired.sizeBytes }],
      purged_by: RETENTION_PURGER,
      retention_days: 30,
    });
    expect((await bed.audit(expired.id)).map((a) => [a.action, a.actorUserId, a.summary['caseId']])).toEqual([
      ['evidence.excerpt-added', lethuy.userId, caseId],
      ['evidence.purged', null, caseId],
    ]);
    expect((await bed.outbox(caseId)).filter((e) => e.subject === EventSubjects.evidence.itemPurged)).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ itemId: expired.id, sha256: expired.sha256, retentionDays: 30 }) }),
    ]);

    // The held item survives this run and every other until its hold is released.
    expect(await items.get(lead, held.id)).toMatchObject({ purgedAt: null, legalHold: expect.anything() });
    await sut.runNow();
    expect(await bed.blobs.exists(held.sha256)).toBe(true);
    await items.releaseHold(lead, { itemId: held.id, reason: 'Công an đã kết thúc điều tra' });
    await sut.runNow();
    expect((await items.get(lead, held.id)).purgedAt).not.toBeNull();
    expect(await bed.blobs.exists(held.sha256)).toBe(false);
    await expect(items.placeHold(lead, { itemId: held.id, reason: 'Quá muộn, đã xóa nội dung' })).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('keeps evidence of a case closed within the period, of one reopened, and of one never closed', async () => {
    const recent = bed.addCase();
    const reopened = bed.addCase();
    const open = bed.addCase();
    const kept = [await excerpt(recent), await excerpt(reopened), await excerpt(open)];
    await statusChanged(recent, 'ACTING', 'DISMISSED', daysAgo(29));
    await statusChanged(reopened, 'ACTING', 'CLOSED', daysAgo(90));
    await statusChanged(reopened, 'CLOSED', 'TRIAGED', daysAgo(1));
    await sut.runNow();
    for (const item of kept) expect((await items.get(lead, item.id)).purgedAt).toBeNull();
  });

  it('keeps a blob another live item holds, and purges a package once every item in it is purged', async () => {
    const closed = bed.addCase();
    const live = bed.addCase();
    const text = `Cùng một đoạn trích trên hai vụ việc ${randomUUID()}`;
    const purged = await excerpt(closed, text);
    const twin = await excerpt(live, text);
    expect(twin.sha256).toBe(purged.sha256);
    const pkg = await bed.get(PackageService).export(lead, closed);
    await statusChanged(closed, 'ACTING', 'CLOSED', daysAgo(45));
    await sut.runNow();
    expect((await items.get(lead, purged.id)).purgedAt).not.toBeNull();
    expect(await bed.blobs.exists(twin.sha256)).toBe(true);
    const [listed] = await bed.get(PackageService).list(lead, closed);
    expect(listed).toMatchObject({ id: pkg.id, purgedAt: expect.any(String), downloadUrl: null });
    expect(await bed.blobs.exists(pkg.sha256)).toBe(false);
    expect((await bed.audit(pkg.id)).map((a) => a.action)).toEqual(['evidence.exported', 'evidence.package-purged']);
    // The integrity check does not take purged content for missing.
    await bed.get(IntegrityScheduler).runNow();
    expect(await bed.dataSource.query(`SELECT sha256 FROM integrity_finding WHERE sha256 = ANY($1::text[])`, [[purged.sha256, pkg.sha256]])).toEqual([]);
  });

  it('fires each run once, and schedules the next', async () => {
    const before = await bed.dataSource.query(`SELECT count(*)::int AS n FROM retention_run WHERE fired_at IS NULL`);
    expect(await sut.runNow()).toBeGreaterThanOrEqual(1);
    expect(await bed.dataSource.query(`SELECT count(*)::int AS n FROM retention_run WHERE fired_at IS NULL AND due_at > now()`)).toEqual([{ n: 1 }]);
    expect(before[0].n).toBeGreaterThanOrEqual(1);
  });

  describe('with trusted timestamps', () => {
    let tsa: LocalTsa;
    let stamped: EvidenceTestbed;

    beforeAll(async () => {
      tsa = await startLocalTsa();
      stamped = await createEvidenceTestbed({
        retentionDays: 30,
        tsa: { url: tsa.url, trustedCertsPem: tsa.caCertPem, timeoutMs: 5_000, retryIntervalMs: 10 },
      });
    });

    afterAll(async () => {
      await stamped?.cleanup();
      await tsa?.close();
    });

    it('removes a purged item’s timestamp with its blob (a failed one is requested no more); a held item keeps its token', async () => {
      const add = (caseId: string) => stamped.get(ItemService).addExcerpt(lethuy, { caseId, text: `Bài đăng lừa đảo ${randomUUID()}` });
      const caseId = stamped.addCase();
      const held = await add(caseId);
      const expired = await add(caseId);
      tsa.setMode('http-error');
      const unstamped = await add(caseId).finally(() => tsa.setMode('ok'));
      expect([held.timestamp?.status, expired.timestamp?.status, unstamped.timestamp?.status]).toEqual(['VERIFIED', 'VERIFIED', 'FAILED']);
      const heldToken = await stamped.dataSource.query(`SELECT token FROM evidence_timestamp WHERE id = $1`, [held.id]);
      await stamped.get(ItemService).placeHold(lead, { itemId: held.id, reason: 'Công an đang điều tra, giữ nguyên chứng cứ' });
      await statusChanged(caseId, 'ACTING', 'DISMISSED', daysAgo(31), stamped);

      await stamped.get(RetentionScheduler).runNow();

      expect(await stamped.dataSource.query(`SELECT id, status FROM evidence_timestamp ORDER BY id`)).toEqual([{ id: held.id, status: 'VERIFIED' }]);
      expect(await stamped.dataSource.query(`SELECT token FROM evidence_timestamp WHERE id = $1`, [held.id])).toEqual(heldToken);
      expect([await stamped.blobs.exists(held.sha256), await stamped.blobs.exists(expired.sha256), await stamped.blobs.exists(unstamped.sha256)]).toEqual([
        true,
        false,
        false,
      ]);
      expect((await stamped.get(ItemService).get(lead, expired.id)).timestamp).toBeNull();
      expect((await stamped.get(ItemService).get(lead, held.id)).timestamp).toMatchObject({ status: 'VERIFIED', tsaName: tsa.tsaName });
      // The authority is back and the failed timestamp would be due: nothing of the purged item is asked for.
      const asked = tsa.queries.length;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await stamped.get(TimestampService).retryDue()).toBe(0);
      expect(tsa.queries.length).toBe(asked);
    });
  });
});
