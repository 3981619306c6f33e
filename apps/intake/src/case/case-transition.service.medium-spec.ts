import { EventSubjects, RpcSubjects } from '@phoi-hop/contracts';
import { SeededUsers } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { createIntakeTestbed, type IntakeTestbed } from '../app/intake.medium-testbed';
import { CaseTransitionService } from './case-transition.service';

describe(CaseTransitionService.name, () => {
  let bed: IntakeTestbed;
  let sut: CaseTransitionService;
  const lethuy = actorOf(SeededUsers.lethuyOfficer);
  const lead = actorOf(SeededUsers.stttLead);
  const syt = actorOf(SeededUsers.sytOfficer);
  const openCase = () => bed.report(lethuy, { categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' });
  const deadlines = async (caseId: string) =>
    (
      await bed.dataSource.query(`SELECT DISTINCT kind FROM case_deadline WHERE case_id = $1 AND cancelled_at IS NULL AND fired_at IS NULL ORDER BY kind`, [
        caseId,
      ])
    ).map((r: { kind: string }) => r.kind);

  beforeAll(async () => {
    bed = await createIntakeTestbed();
    sut = bed.get(CaseTransitionService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  describe('transition', () => {
    it('triages with the suggested severity: the triage deadline is met and the decision one starts', async () => {
      const opened = await openCase();
      expect(await deadlines(opened.id)).toEqual(['TRIAGE']);
      const triaged = await sut.transition(lead, { caseId: opened.id, command: 'TRIAGE' });
      expect(triaged).toMatchObject({ status: 'TRIAGED', severity: opened.severitySuggestion!.severity });
      expect(triaged.triagedAt).not.toBeNull();
      expect(await deadlines(opened.id)).toEqual(['DECISION']);
      expect(triaged.statusHistory.map((c) => `${c.from}→${c.to}@${c.byAgency}`)).toEqual(['null→OPEN@UBND_LE_THUY', 'OPEN→TRIAGED@STTTT']);
      const events = await bed.outbox(opened.id);
      expect(events.at(-1)).toMatchObject({ subject: EventSubjects.intake.caseStatusChanged, data: { from: 'OPEN', to: 'TRIAGED' } });
      expect((await bed.audit(opened.id)).at(-1)).toMatchObject({
        action: 'case.triage',
        actorAgency: 'STTTT',
        summary: { before: { status: 'OPEN' }, after: { status: 'TRIAGED' } },
      });
    });

    it('assigns officers at triage only if they are active and of an agency on the case', async () => {
      const opened = await openCase();
      await expect(sut.transition(lead, { caseId: opened.id, command: 'TRIAGE', assignedOfficers: ['syt.officer'] })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'assignedOfficers',
      });
      await expect(sut.transition(lead, { caseId: opened.id, command: 'TRIAGE', assignedOfficers: ['nobody.here'] })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'assignedOfficers',
      });
      expect(bed.directory.calls.at(-1)).toEqual({ subject: RpcSubjects.directory.userResolve, data: { usernames: ['nobody.here'] } });
      const triaged = await sut.transition(lead, { caseId: opened.id, command: 'TRIAGE', severity: 'HIGH', assignedOfficers: ['ca.officer'] });
      expect(triaged).toMatchObject({ status: 'TRIAGED', severity: 'HIGH', assignedOfficers: ['ca.officer'] });
    });

    it('dismisses with a reason and reopens with a reason; the deadlines follow', async () => {
      const opened = await openCase();
      await expect(sut.transition(lead, { caseId: opened.id, command: 'DISMISS', reason: '' })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'reason',
      });
      const dismissed = await sut.transition(lead, { caseId: opened.id, command: 'DISMISS', reason: 'Tin đã được cải chính' });
      expect(dismissed.status).toBe('DISMISSED');
      expect(await deadlines(opened.id)).toEqual([]);
      const reopened = await sut.transition(lead, { caseId: opened.id, command: 'REOPEN', reason: 'Bài viết được đăng lại' });
      expect(reopened.status).toBe('TRIAGED');
      expect(reopened.statusHistory.map((c) => c.to)).toEqual(['OPEN', 'DISMISSED', 'TRIAGED']);
    });

    it('refuses what the lifecycle forbids (INVALID_STATE) and writes nothing', async () => {
      const opened = await openCase();
      const outboxBefore = (await bed.outbox(opened.id)).length;
      await expect(sut.transition(lead, { caseId: opened.id, command: 'REOPEN', reason: 'Không có lý do' })).rejects.toMatchObject({ code: 'INVALID_STATE' });
      await expect(sut.transition(lead, { caseId: opened.id, command: 'CLOSE', reason: 'Đã xử lý xong toàn bộ vụ việc' })).rejects.toMatchObject({
        code: 'INVALID_STATE',
      });
      expect(await bed.outbox(opened.id)).toHaveLength(outboxBefore);
      expect((await bed.audit(opened.id)).map((a) => a.action)).not.toContain('case.reopen');
    });

    it('sets severity and officers only at triage', async () => {
      const opened = await openCase();
      await expect(sut.transition(lead, { caseId: opened.id, command: 'DISMISS', reason: 'Trùng lặp', severity: 'LOW' })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'severity',
      });
    });

    it('closing needs an outcome summary', async () => {
      const opened = await bed.report(lethuy, { categoryCode: 'IMPERSONATION_SCAM' });
      await sut.transition(lead, { caseId: opened.id, command: 'TRIAGE' });
      await expect(sut.transition(lead, { caseId: opened.id, command: 'CLOSE', reason: 'xong' })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'reason',
      });
    });

    it('does not let an agency that is not on the case move it', async () => {
      const opened = await openCase();
      await expect(sut.transition(syt, { caseId: opened.id, command: 'TRIAGE' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await bed.dataSource.query(`SELECT status FROM handling_case WHERE id = $1`, [opened.id]))[0].status).toBe('OPEN');
    });
  });
});
