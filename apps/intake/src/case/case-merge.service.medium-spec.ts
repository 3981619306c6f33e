import { EventSubjects } from '@phoi-hop/contracts';
import { FLOOD_RUMOUR, FLOOD_RUMOUR_PARTIAL, SeededUsers } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { createIntakeTestbed, type IntakeTestbed } from '../app/intake.medium-testbed';
import { CaseTransitionService } from './case-transition.service';
import { CaseMergeService } from './case-merge.service';
import { CaseService } from './case.service';

describe(CaseMergeService.name, () => {
  let bed: IntakeTestbed;
  let sut: CaseMergeService;
  const lethuy = actorOf(SeededUsers.lethuyOfficer);
  const donghoi = actorOf(SeededUsers.donghoiOfficer);
  const lead = actorOf(SeededUsers.stttLead);
  const syt = actorOf(SeededUsers.sytOfficer);

  beforeAll(async () => {
    bed = await createIntakeTestbed();
    sut = bed.get(CaseMergeService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  describe('merge', () => {
    it('moves the reports and agencies into the target; the source is MERGED and owes nothing', async () => {
      const target = await bed.report(lethuy, { categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' });
      const source = await bed.report(donghoi, { categoryCode: 'FALSE_INFO_PANIC', localityCode: 'DONG_HOI' });
      const merged = await sut.merge(lead, { caseId: source.id, intoCaseId: target.id, reason: 'Cùng một tin đồn' });

      expect(merged.id).toBe(target.id);
      expect(merged.reports.map((r) => r.id).sort()).toEqual([...target.reports, ...source.reports].map((r) => r.id).sort());
      expect(merged.participants.map((p) => p.agencyCode)).toEqual(expect.arrayContaining(['UBND_LE_THUY', 'UBND_DONG_HOI']));
      const after = await bed.get(CaseService).get(lead, { id: source.id });
      expect(after).toMatchObject({ status: 'MERGED', mergedInto: target.id, reports: [] });
      const [{ n }] = await bed.dataSource.query(
        `SELECT count(*)::int AS n FROM case_deadline WHERE case_id = $1 AND cancelled_at IS NULL AND fired_at IS NULL`,
        [source.id],
      );
      expect(n).toBe(0);
      expect((await bed.outbox(source.id)).at(-1)).toMatchObject({ subject: EventSubjects.intake.caseStatusChanged, data: { to: 'MERGED' } });
      expect((await bed.outbox(target.id)).at(-1)).toMatchObject({
        subject: EventSubjects.intake.caseMerged,
        data: { mergedCaseId: source.id, reportsMoved: 1 },
      });
      expect((await bed.audit(source.id)).at(-1)).toMatchObject({ action: 'case.merged', summary: { after: { status: 'MERGED', mergedInto: target.number } } });
      expect((await bed.audit(target.id)).at(-1)).toMatchObject({ action: 'case.merged-into', summary: { from: source.number } });
    });

    it.each<[string, Record<string, unknown>]>([
      ['itself', { code: 'BAD_USER_INPUT', field: 'intoCaseId' }],
      ['no reason', { code: 'BAD_USER_INPUT', field: 'reason' }],
    ])('refuses a merge into %s', async (kind, expected) => {
      const source = await bed.report(lethuy, { categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' });
      const other = await bed.report(lethuy, { categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' });
      const request =
        kind === 'itself' ? { caseId: source.id, intoCaseId: source.id, reason: 'Trùng lặp' } : { caseId: source.id, intoCaseId: other.id, reason: ' ' };
      await expect(sut.merge(lead, request)).rejects.toMatchObject(expected);
    });

    it('refuses a target that is closed to new content, and one the caller cannot see', async () => {
      const source = await bed.report(lethuy, { categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' });
      const dismissed = await bed.report(lethuy, { categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' });
      await bed.get(CaseTransitionService).transition(lead, { caseId: dismissed.id, command: 'DISMISS', reason: 'Không có cơ sở' });
      await expect(sut.merge(lead, { caseId: source.id, intoCaseId: dismissed.id, reason: 'Trùng lặp' })).rejects.toMatchObject({
        code: 'INVALID_STATE',
        field: 'intoCaseId',
      });
      await expect(sut.merge(syt, { caseId: source.id, intoCaseId: dismissed.id, reason: 'Trùng lặp' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await bed.get(CaseService).get(lead, { id: source.id })).status).toBe('OPEN');
    });
  });

  describe('rejectDuplicate', () => {
    it('drops a "possible duplicate" suggestion, on the record; an unsuggested case is refused', async () => {
      const original = await bed.report(lethuy, { excerpt: FLOOD_RUMOUR, categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' });
      const similar = await bed.report(donghoi, { excerpt: FLOOD_RUMOUR_PARTIAL, categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' });
      expect(similar.possibleDuplicates.map((d) => d.caseId)).toContain(original.id);

      const cleared = await sut.rejectDuplicate(lead, { caseId: similar.id, duplicateCaseId: original.id });
      expect(cleared.possibleDuplicates.map((d) => d.caseId)).not.toContain(original.id);
      expect((await bed.audit(similar.id)).at(-1)).toMatchObject({ action: 'case.duplicate-rejected', summary: { rejected: { caseId: original.id } } });
      await expect(sut.rejectDuplicate(lead, { caseId: similar.id, duplicateCaseId: original.id })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'duplicateCaseId',
      });
    });
  });
});
