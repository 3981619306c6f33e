import { SeededUsers } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { createIntakeTestbed, distinctExcerpt, type IntakeTestbed } from '../app/intake.medium-testbed';
import { CaseDecisionService } from '../decision/case-decision.service';
import { CaseTransitionService } from './case-transition.service';
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
      expect((await sut.get(lethuy, { id: opened.id })).number).toBe(opened.number);
      expect((await sut.get(lead, { id: opened.id })).reports).toHaveLength(1);
      await expect(sut.get(syt, { id: opened.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(sut.get(lead, { id: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  it('get: shows a police referral’s details only to those who may read restricted data, and records that they did', async () => {
    const opened = await bed.report(lethuy, { categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' });
    await bed.get(CaseTransitionService).transition(lead, { caseId: opened.id, command: 'TRIAGE' });
    await bed.get(CaseDecisionService).decide(lead, {
      caseId: opened.id,
      finding: 'UNLAWFUL',
      provisionCodes: ['LANM_2025'],
      assessment: {
        isFactualClaim: true,
        verifiedFalseBy: 'CA',
        isPublicInterestReporting: false,
        isGenuineGrievance: false,
        proportionality: 'Chuyển cơ quan điều tra',
        concludesNotProtected: true,
      },
      statementOfReasons: 'Có dấu hiệu vi phạm pháp luật; chuyển Công an tỉnh xử lý.',
      actions: [
        {
          type: 'REFER_TO_POLICE',
          assigneeAgencyCode: 'CA',
          dueDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
          details: 'Hồ sơ tài khoản phát tán',
        },
      ],
    });
    const officerView = await sut.get(lethuy, { id: opened.id });
    expect(officerView.actions[0]).toMatchObject({ type: 'REFER_TO_POLICE', details: null, withheld: true });
    expect((await bed.audit(opened.id)).map((a) => a.action)).not.toContain('restricted.read');

    const investigatorView = await sut.get(actorOf(SeededUsers.caOfficer), { id: opened.id });
    expect(investigatorView.actions[0]).toMatchObject({ details: 'Hồ sơ tài khoản phát tán', withheld: false });
    expect((await bed.audit(opened.id)).at(-1)).toMatchObject({ action: 'restricted.read', actorAgency: 'CA', summary: { data: 'policeReferral' } });
  });

  describe('reports and reportStats', () => {
    it('pages each case’s reports oldest first with their count, and counts them with the severity their spread suggests', async () => {
      // The same text from two agencies: one case with two reports.
      const excerpt = distinctExcerpt();
      const first = await bed.report(lethuy, { excerpt, categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' });
      await bed.report(donghoi, { excerpt, categoryCode: 'FALSE_INFO_PANIC', localityCode: 'DONG_HOI', estimatedReach: 250_000 });
      const other = await bed.report(lethuy, { categoryCode: 'IMPERSONATION_SCAM' });

      const page = await sut.reports(lead, { caseIds: [first.id, other.id], first: 1 });
      expect(page.pages.map((p) => `${p.caseId}:${p.totalCount}:${p.hasNextPage}`)).toEqual([`${first.id}:2:true`, `${other.id}:1:false`]);
      expect(page.pages[0]!.edges[0]!.node.reporterAgencyCode).toBe('UBND_LE_THUY');
      const next = await sut.reports(lead, { caseIds: [first.id], first: 1, after: page.pages[0]!.endCursor! });
      expect(next.pages[0]!.edges.map((e) => e.node.reporterAgencyCode)).toEqual(['UBND_DONG_HOI']);

      const stats = await sut.reportStats(lead, { caseIds: [first.id, other.id] });
      expect(stats.stats.map((s) => `${s.caseId}:${s.reportCount}`)).toEqual([`${first.id}:2`, `${other.id}:1`]);
      expect(stats.stats[0]!.severitySuggestion.reasons.length).toBeGreaterThan(0);
    });

    it('reads a case the caller may not see as one without reports', async () => {
      const hidden = await bed.report(lethuy, { categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' });
      const page = await sut.reports(syt, { caseIds: [hidden.id], first: 10 });
      expect(page.pages).toEqual([expect.objectContaining({ caseId: hidden.id, edges: [], totalCount: 0 })]);
      expect((await sut.reportStats(syt, { caseIds: [hidden.id] })).stats).toEqual([]);
    });
  });

  describe('list', () => {
    it('lists an agency only its own cases, newest first, in pages that follow each other', async () => {
      const own = [];
      for (let i = 0; i < 3; i++) own.push(await bed.report(donghoi, { categoryCode: 'IMPERSONATION_SCAM', localityCode: 'DONG_HOI' }));
      const first = await sut.list(donghoi, { first: 2, withTotalCount: true });
      expect(first.hasNextPage).toBe(true);
      const everyOne = (await sut.list(donghoi, { first: 100 })).edges.length;
      expect(everyOne).toBeGreaterThanOrEqual(3);
      expect(first.totalCount).toBe(everyOne);
      expect((await sut.list(donghoi, { first: 2 })).totalCount).toBeNull();
      const second = await sut.list(donghoi, { first: 2, after: first.endCursor!, withTotalCount: true });
      // The count is of the whole list, whichever page asks.
      expect(second.totalCount).toBe(everyOne);
      await expect(sut.list(donghoi, { first: 2, after: 'bm9wZQ' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      const seen = [...first.edges, ...second.edges].map((e) => e.node.id);
      expect(seen.slice(0, 3)).toEqual(own.map((c) => c.id).reverse());
      // Every case listed is one the agency reported to or takes part in.
      const visible = await bed.dataSource.query(`SELECT visible_agencies AS v FROM handling_case WHERE id = ANY($1::uuid[])`, [seen]);
      expect(visible).toHaveLength(seen.length);
      expect(visible.every((row: { v: string[] }) => row.v.includes('UBND_DONG_HOI'))).toBe(true);
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

    it('searches free text without diacritics or case, best match first, and filters by severity, locality, agency and dates', async () => {
      const marker = `Kiểm tra ${bed.schema.slice(1, 9)}`;
      const flood = await bed.report(lethuy, {
        excerpt: `${marker}: lũ lụt tràn về xã An Thủy, người dân sơ tán gấp`,
        categoryCode: 'FALSE_INFO_PANIC',
        localityCode: 'LE_THUY',
      });
      const scam = await bed.report(donghoi, {
        excerpt: `Tuyển cộng tác viên online nộp phí giữ chỗ qua Zalo ${bed.schema}`,
        categoryCode: 'IMPERSONATION_SCAM',
        localityCode: 'DONG_HOI',
      });

      const found = await sut.list(lead, { first: 10, text: 'lu lut tran ve xa an thuy', withTotalCount: true });
      expect(found.edges[0]!.node.id).toBe(flood.id);
      expect(found.totalCount).toBe(found.edges.length);
      // A plain list's cursor is no search's cursor.
      const plain = await sut.list(lead, { first: 1 });
      await expect(sut.list(lead, { first: 1, text: 'lu lut', after: plain.endCursor! })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      expect(found.edges.map((e) => e.node.id)).not.toContain(scam.id);
      expect((await sut.list(lead, { first: 10, text: flood.number })).edges.map((e) => e.node.id)).toEqual([flood.id]);

      const inDongHoi = await sut.list(lead, { first: 100, localityCode: 'DONG_HOI' });
      expect(inDongHoi.edges.map((e) => e.node.id)).toContain(scam.id);
      expect(inDongHoi.edges.every((e) => e.node.localityCode === 'DONG_HOI')).toBe(true);
      const ofCa = await sut.list(lead, { first: 100, agencyCode: 'CA' });
      expect(ofCa.edges.map((e) => e.node.id)).toEqual(expect.arrayContaining([flood.id, scam.id]));
      const bySeverity = await sut.list(lead, { first: 100, severity: flood.severity });
      expect(bySeverity.edges.every((e) => e.node.severity === flood.severity)).toBe(true);
      const future = new Date(Date.now() + 3_600_000).toISOString();
      expect((await sut.list(lead, { first: 100, openedFrom: future })).edges).toEqual([]);
      expect((await sut.list(lead, { first: 100, openedTo: future })).edges.map((e) => e.node.id)).toEqual(expect.arrayContaining([flood.id, scam.id]));
      // No deadline has passed yet: nothing is overdue.
      expect((await sut.list(lead, { first: 100, overdue: true })).edges).toEqual([]);
      // An officer searching finds only the cases its agency is on.
      expect((await sut.list(syt, { first: 10, text: 'lu lut tran ve xa an thuy' })).edges).toEqual([]);
    });

    it('refuses a cursor it did not make as BAD_USER_INPUT on after', async () => {
      await expect(sut.list(lead, { first: 2, after: 'bm90LWEtY3Vyc29y' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });
  });
});
