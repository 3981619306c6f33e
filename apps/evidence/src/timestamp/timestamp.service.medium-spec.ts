import { createHash, randomBytes } from 'node:crypto';
import { SeededUsers, startLocalTsa, type LocalTsa } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { verifyTimeStampToken } from '@phoi-hop/timestamping';
import { createEvidenceTestbed, textExcerptItem, type EvidenceTestbed } from '../app/evidence.medium-testbed';
import { ItemRepository } from '../item/item.repository';
import { ItemService } from '../item/item.service';
import { TimestampService } from './timestamp.service';

interface TimestampRow {
  status: string;
  token: Buffer | null;
  gen_time: Date | null;
  tsa_name: string | null;
  attempts: number;
  last_error: string | null;
  due_at: Date;
  fired_at: Date | null;
}

const RETRY_MS = 500;

describe(TimestampService.name, () => {
  let tsa: LocalTsa;
  let bed: EvidenceTestbed;
  let sut: TimestampService;
  const lethuy = actorOf(SeededUsers.lethuyOfficer);

  beforeAll(async () => {
    tsa = await startLocalTsa();
    bed = await createEvidenceTestbed({ tsa: { url: tsa.url, trustedCertsPem: tsa.caCertPem, timeoutMs: 5_000, retryIntervalMs: RETRY_MS } });
    sut = bed.get(TimestampService);
  });

  afterEach(() => tsa.setMode('ok'));

  afterAll(async () => {
    await bed?.cleanup();
    await tsa?.close();
  });

  /** Records an item (as an excerpt would be) and schedules its timestamp in the same transaction; answers its id and hash. */
  async function scheduledItem(): Promise<{ id: string; sha256: string; caseId: string }> {
    const caseId = bed.addCase();
    const sha256 = createHash('sha256').update(randomBytes(32)).digest('hex');
    const item = textExcerptItem(lethuy, caseId, { sha256, sizeBytes: 32, caseNumber: 'QB-2026-000042' });
    await bed.dataSource.transaction(async (manager) => {
      await bed.get(ItemRepository).insert(manager, item);
      await sut.schedule(manager, item.id, sha256);
    });
    return { id: item.id, sha256, caseId };
  }

  async function row(id: string): Promise<TimestampRow | undefined> {
    const [found] = (await bed.dataSource.query(
      `SELECT status, token, gen_time, tsa_name, attempts, last_error, due_at, fired_at FROM evidence_timestamp WHERE id = $1`,
      [id],
    )) as TimestampRow[];
    return found;
  }

  describe('schedule and stampNow', () => {
    it('schedules a pending timestamp with the item, then stores the granted token, verified, audited and shown with the item', async () => {
      const { id, sha256, caseId } = await scheduledItem();
      expect(await row(id)).toMatchObject({ status: 'PENDING', token: null, attempts: 0, fired_at: null });
      const asked = tsa.queries.length;

      await sut.stampNow(id);

      const stamped = (await row(id))!;
      expect(stamped).toMatchObject({ status: 'VERIFIED', tsa_name: tsa.tsaName, attempts: 1, last_error: null, fired_at: expect.any(Date) });
      expect(tsa.queries.length).toBe(asked + 1);
      expect(await verifyTimeStampToken(stamped.token!, { sha256, trustedCertsPem: tsa.caCertPem })).toMatchObject({ valid: true, chained: true });
      // A token of another hash does not verify against this one: the stored token is this item's.
      expect((await verifyTimeStampToken(stamped.token!, { sha256: 'f'.repeat(64), trustedCertsPem: tsa.caCertPem })).valid).toBe(false);
      expect(await bed.audit(id)).toEqual([
        expect.objectContaining({
          action: 'evidence.timestamped',
          actorUserId: null,
          summary: expect.objectContaining({ caseId, sha256, tsaName: tsa.tsaName }),
        }),
      ]);
      const shown = await bed.get(ItemService).get(lethuy, id);
      expect(shown.timestamp).toEqual({
        status: 'VERIFIED',
        timestampedAt: stamped.gen_time!.toISOString(),
        tsaName: tsa.tsaName,
        serialNumber: expect.any(String),
        attempts: 1,
        lastError: null,
      });

      // Granted once: asking again neither calls the authority nor changes the token.
      await sut.stampNow(id);
      expect(tsa.queries.length).toBe(asked + 1);
      expect((await row(id))!.token).toEqual(stamped.token);
    });

    it.each(['http-error', 'drop'] as const)(
      'keeps the item when the authority fails (%s): the timestamp is FAILED with its error and due again later, nothing is thrown',
      async (mode) => {
        const { id } = await scheduledItem();
        tsa.setMode(mode);
        const before = Date.now();

        await expect(sut.stampNow(id)).resolves.toBeUndefined();

        const failed = (await row(id))!;
        expect(failed).toMatchObject({ status: 'FAILED', token: null, attempts: 1, last_error: expect.any(String), fired_at: null });
        expect(failed.due_at.getTime()).toBeGreaterThanOrEqual(before + RETRY_MS - 50);
        expect((await bed.get(ItemService).get(lethuy, id)).timestamp).toMatchObject({ status: 'FAILED', attempts: 1, timestampedAt: null });
        expect((await bed.audit(id)).map((a) => a.action)).toEqual([]);
      },
    );
  });

  describe('retryDue', () => {
    it('asks again only once due, doubles the delay while the authority fails, and stores the token once it grants it', async () => {
      // The timestamps failed by the cases above are not due during this one.
      await bed.dataSource.query(`UPDATE evidence_timestamp SET due_at = now() + interval '1 day' WHERE fired_at IS NULL`);
      const { id, sha256 } = await scheduledItem();
      tsa.setMode('http-error');
      await sut.stampNow(id);
      // Not due yet: nothing is asked.
      const asked = tsa.queries.length;
      const firstDue = (await row(id))!.due_at;
      if (firstDue.getTime() > Date.now() + 50) {
        expect(await sut.retryDue()).toBe(0);
        expect(tsa.queries.length).toBe(asked);
      }

      // Due, still failing: a second failure, due twice as late.
      await bed.dataSource.query(`UPDATE evidence_timestamp SET due_at = now() WHERE id = $1`, [id]);
      const before = Date.now();
      expect(await sut.retryDue()).toBe(0);
      expect(tsa.queries.length).toBe(asked + 1);
      const again = (await row(id))!;
      expect(again).toMatchObject({ status: 'FAILED', attempts: 2, token: null });
      expect(again.due_at.getTime()).toBeGreaterThanOrEqual(before + 2 * RETRY_MS - 50);

      // Due, and the authority is back: granted and verified.
      tsa.setMode('ok');
      await bed.dataSource.query(`UPDATE evidence_timestamp SET due_at = now() WHERE id = $1`, [id]);
      expect(await sut.retryDue()).toBe(1);
      const granted = (await row(id))!;
      expect(granted).toMatchObject({ status: 'VERIFIED', attempts: 3, last_error: null, tsa_name: tsa.tsaName, fired_at: expect.any(Date) });
      expect(await verifyTimeStampToken(granted.token!, { sha256, trustedCertsPem: tsa.caCertPem })).toMatchObject({ valid: true });
      expect((await bed.audit(id)).map((a) => a.action)).toEqual(['evidence.timestamped']);

      // Nothing is due any more.
      expect(await sut.retryDue()).toBe(0);
    });
  });
});
