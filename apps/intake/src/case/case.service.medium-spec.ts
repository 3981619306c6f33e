import { SeededUsers } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { createIntakeTestbed, type IntakeTestbed } from '../app/intake.medium-testbed';
import { CaseService } from './case.service';

describe(CaseService.name, () => {
  let bed: IntakeTestbed;
  let sut: CaseService;
  const lethuy = actorOf(SeededUsers.lethuyOfficer);
  const donghoi = actorOf(SeededUsers.donghoiOfficer);
  const lead = actorOf(SeededUsers.stttLead);
  const syt = actorOf(SeededUsers.sytOfficer);

  beforeAll(async () => {
    bed = await createIntakeTestbed();
    sut = bed.get(CaseService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  describe('get', () => {
    it('shows a case to its reporter and participants, and to nobody else (NOT_FOUND, as if absent)', async () => {
      const opened = await bed.report(lethuy, { categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' });
      expect((await sut.get(lethuy, opened.id)).number).toBe(opened.number);
      expect((await sut.get(lead, opened.id)).reports).toHaveLength(1);
      await expect(sut.get(syt, opened.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(sut.get(lead, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('list', () => {
    it('lists an agency only its own cases, newest first, in pages that follow each other', async () => {
      const own = [];
      for (let i = 0; i < 3; i++) own.push(await bed.report(donghoi, { categoryCode: 'IMPERSONATION_SCAM', localityCode: 'DONG_HOI' }));
      const first = await sut.list(donghoi, { first: 2 });
      expect(first.hasNextPage).toBe(true);
      const second = await sut.list(donghoi, { first: 2, after: first.endCursor! });
      const seen = [...first.edges, ...second.edges].map((e) => e.node.id);
      expect(seen.slice(0, 3)).toEqual(own.map((c) => c.id).reverse());
      for (const edge of [...first.edges, ...second.edges]) expect(edge.node.participants.map((p) => p.agencyCode).concat(edge.node.reporterAgencyCode)).toContain('UBND_DONG_HOI');
      // The province-wide coordinator sees them as well as the others.
      const all = await sut.list(lead, { first: 100 });
      expect(all.edges.map((e) => e.node.id)).toEqual(expect.arrayContaining(own.map((c) => c.id)));
    });

    it('filters by status and category', async () => {
      await bed.report(lethuy, { categoryCode: 'IMPERSONATION_SCAM' });
      const scams = await sut.list(lead, { first: 100, categoryCode: 'IMPERSONATION_SCAM' });
      expect(scams.edges.length).toBeGreaterThan(0);
      expect(new Set(scams.edges.map((e) => e.node.categoryCode))).toEqual(new Set(['IMPERSONATION_SCAM']));
      expect((await sut.list(lead, { first: 100, status: 'CLOSED' })).edges).toEqual([]);
    });

    it('refuses a cursor it did not make as BAD_USER_INPUT on after', async () => {
      await expect(sut.list(lead, { first: 2, after: 'bm90LWEtY3Vyc29y' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });
  });
});
