import { EventSubjects } from '@phoi-hop/contracts';
import { SeededUsers } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { createIntakeTestbed, distinctExcerpt, type IntakeTestbed } from '../app/intake.medium-testbed';
import { CaseSplitService } from './case-split.service';
import { CaseTransitionService } from './case-transition.service';

describe(CaseSplitService.name, () => {
  let bed: IntakeTestbed;
  let sut: CaseSplitService;
  const lethuy = actorOf(SeededUsers.lethuyOfficer);
  const donghoi = actorOf(SeededUsers.donghoiOfficer);
  const lead = actorOf(SeededUsers.stttLead);
  const syt = actorOf(SeededUsers.sytOfficer);

  /** A case with two reports of the same text: one from Lệ Thủy, and one from Đồng Hới about a scam in Đồng Hới. */
  const caseWithTwoReports = async () => {
    const excerpt = distinctExcerpt();
    const first = await bed.report(lethuy, { excerpt, categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' });
    const joined = await bed.report(donghoi, { excerpt, categoryCode: 'IMPERSONATION_SCAM', localityCode: 'DONG_HOI' });
    expect(joined.id).toBe(first.id);
    return { caseId: first.id, number: first.number, stray: joined.reports.find((r) => r.reporterAgencyCode === 'UBND_DONG_HOI')! };
  };

  beforeAll(async () => {
    bed = await createIntakeTestbed();
    sut = bed.get(CaseSplitService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  describe('split', () => {
    it('opens a new case for the report, routed on its own category and locality (Đ6)', async () => {
      const { caseId, number, stray } = await caseWithTwoReports();
      const result = await sut.split(lead, { caseId, reportId: stray.id, reason: 'Nội dung khác vụ việc' });

      expect(result.case.reports.map((r) => r.id)).not.toContain(stray.id);
      expect(result.newCase).toMatchObject({ status: 'OPEN', categoryCode: 'IMPERSONATION_SCAM', localityCode: 'DONG_HOI', splitFrom: caseId });
      expect(result.newCase.reports.map((r) => r.id)).toEqual([stray.id]);
      expect(result.newCase.participants.map((p) => p.agencyCode)).toEqual(expect.arrayContaining(['STTTT', 'UBND_DONG_HOI']));
      expect((await bed.outbox(caseId)).at(-1)).toMatchObject({
        subject: EventSubjects.intake.reportSplit,
        data: { reportId: stray.id, newCaseId: result.newCase.id },
      });
      expect((await bed.audit(caseId)).at(-1)).toMatchObject({ action: 'case.report-split', summary: { newCase: result.newCase.number } });
      expect((await bed.audit(result.newCase.id)).at(-1)).toMatchObject({ action: 'case.opened', summary: { splitFrom: number } });
    });

    it('answers a retried split with the same key from the first answer', async () => {
      const { caseId, stray } = await caseWithTwoReports();
      const request = { caseId, reportId: stray.id, reason: 'Nội dung khác vụ việc', clientRequestId: `split-${caseId}` };
      const first = await sut.split(lead, request);
      expect(await sut.split(lead, request)).toEqual(first);
      const [{ n }] = await bed.dataSource.query(`SELECT count(*)::int AS n FROM handling_case WHERE split_from = $1`, [caseId]);
      expect(n).toBe(1);
    });

    it('refuses to split a case’s only report, a report of another case, or without a reason', async () => {
      const lone = await bed.report(lethuy, { categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' });
      await expect(sut.split(lead, { caseId: lone.id, reportId: lone.reports[0]!.id, reason: 'Nội dung khác' })).rejects.toMatchObject({
        code: 'INVALID_STATE',
        field: 'reportId',
      });
      const { caseId } = await caseWithTwoReports();
      await expect(sut.split(lead, { caseId, reportId: lone.reports[0]!.id, reason: 'Nội dung khác' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
        field: 'reportId',
      });
      await expect(sut.split(lead, { caseId, reportId: lone.reports[0]!.id, reason: '  ' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      await expect(sut.split(syt, { caseId, reportId: lone.reports[0]!.id, reason: 'Nội dung khác' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('refuses to split out of a case that is no longer open (INVALID_STATE), writing nothing', async () => {
      const { caseId, stray } = await caseWithTwoReports();
      await bed.get(CaseTransitionService).transition(lead, { caseId, command: 'DISMISS', reason: 'Không có cơ sở' });
      const events = (await bed.outbox(caseId)).length;
      await expect(sut.split(lead, { caseId, reportId: stray.id, reason: 'Nội dung khác' })).rejects.toMatchObject({ code: 'INVALID_STATE' });
      expect(await bed.outbox(caseId)).toHaveLength(events);
    });
  });
});
