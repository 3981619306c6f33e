import { EventSubjects, type DecideCaseResponse } from '@phoi-hop/contracts';
import { SeededUsers } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { createIntakeTestbed, type IntakeTestbed } from '../app/intake.medium-testbed';
import { CaseTransitionService } from '../case/case-transition.service';
import { CaseService } from '../case/case.service';
import { CaseDecisionService } from './case-decision.service';
import { HandlingActionService } from './handling-action.service';

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const assessment = {
  isFactualClaim: true,
  verifiedFalseBy: 'SYT',
  isPublicInterestReporting: false,
  isGenuineGrievance: false,
  proportionality: 'Tin sai về nước sinh hoạt gây hoang mang; gỡ bài là biện pháp tối thiểu',
  concludesNotProtected: true,
};

describe(HandlingActionService.name, () => {
  let bed: IntakeTestbed;
  let sut: HandlingActionService;
  const lethuy = actorOf(SeededUsers.lethuyOfficer);
  const lead = actorOf(SeededUsers.stttLead);
  const syt = actorOf(SeededUsers.sytOfficer);

  /** A case decided with a clarification (by Lệ Thủy's committee) and a removal request (by the department). */
  const decidedCase = async (): Promise<DecideCaseResponse> => {
    const opened = await bed.report(lethuy, { categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' });
    await bed.get(CaseTransitionService).transition(lead, { caseId: opened.id, command: 'TRIAGE' });
    return bed.get(CaseDecisionService).decide(lead, {
      caseId: opened.id,
      finding: 'FALSE',
      provisionCodes: ['ND15_2020_D101'],
      assessment,
      statementOfReasons: 'Xác minh với Sở Y tế: nước máy đạt chuẩn; thông tin sai sự thật gây hoang mang.',
      actions: [
        { type: 'PUBLISH_CLARIFICATION', assigneeAgencyCode: 'UBND_LE_THUY', dueDate: inAMonth() },
        { type: 'REQUEST_REMOVAL', assigneeAgencyCode: 'STTTT', dueDate: inAMonth() },
      ],
    });
  };
  const actionOf = (decided: DecideCaseResponse, type: string) => decided.actions.find((a) => a.type === type)!;

  beforeAll(async () => {
    bed = await createIntakeTestbed();
    sut = bed.get(HandlingActionService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  describe('update', () => {
    it('lets the assignee progress and finish its action with a result; the action deadline ends', async () => {
      const decided = await decidedCase();
      const clarification = actionOf(decided, 'PUBLISH_CLARIFICATION');
      expect((await sut.update(lethuy, { actionId: clarification.id, status: 'IN_PROGRESS' })).status).toBe('IN_PROGRESS');
      await expect(sut.update(lethuy, { actionId: clarification.id, status: 'DONE' })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'result',
        rule: { rule: 'minLength', min: 10 },
      });
      const done = await sut.update(lethuy, {
        actionId: clarification.id,
        status: 'DONE',
        result: 'Đã đăng đính chính trên cổng thông tin huyện',
        links: ['https://lethuy.example.vn/dinh-chinh'],
      });
      // The answer is the action as updated, in full, as the case shows it.
      expect(done).toMatchObject({
        id: clarification.id,
        decisionId: expect.any(String),
        status: 'DONE',
        result: 'Đã đăng đính chính trên cổng thông tin huyện',
        links: ['https://lethuy.example.vn/dinh-chinh'],
        doneAt: expect.any(String),
        withheld: false,
      });
      const open = await bed.dataSource.query(`SELECT id FROM case_deadline WHERE action_id = $1 AND cancelled_at IS NULL AND fired_at IS NULL`, [
        clarification.id,
      ]);
      expect(open).toEqual([]);
      const view = await bed.get(CaseService).get(lead, { id: decided.case.id });
      expect(view.actions.find((a) => a.id === clarification.id)).toMatchObject({ status: 'DONE', links: ['https://lethuy.example.vn/dinh-chinh'] });
      expect((await bed.outbox(decided.case.id)).at(-1)).toMatchObject({
        subject: EventSubjects.intake.actionUpdated,
        data: { action: { id: clarification.id, status: 'DONE' } },
      });
      expect((await bed.audit(decided.case.id)).at(-1)).toMatchObject({
        action: 'action.updated',
        actorAgency: 'UBND_LE_THUY',
        summary: { before: 'IN_PROGRESS', after: 'DONE' },
      });
      await expect(sut.update(lethuy, { actionId: clarification.id, status: 'IN_PROGRESS' })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    });

    it('hides an action from an agency that is neither its assignee nor coordinating (NOT_FOUND)', async () => {
      const decided = await decidedCase();
      await expect(sut.update(syt, { actionId: actionOf(decided, 'PUBLISH_CLARIFICATION').id, status: 'IN_PROGRESS' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });

    it('keeps a removal request open until the platform has answered', async () => {
      const decided = await decidedCase();
      await expect(
        sut.update(lead, { actionId: actionOf(decided, 'REQUEST_REMOVAL').id, status: 'DONE', result: 'Đã gửi yêu cầu gỡ bài tới Facebook' }),
      ).rejects.toMatchObject({
        code: 'INVALID_STATE',
        field: 'status',
      });
    });
  });

  describe('updateRemoval', () => {
    it('records the request from sending to the platform’s answer, then the action can be done', async () => {
      const decided = await decidedCase();
      const removal = actionOf(decided, 'REQUEST_REMOVAL');
      const sentAt = new Date().toISOString();
      expect((await sut.updateRemoval(lead, { actionId: removal.id, requestReference: '123/STTTT-TTĐT', sentAt })).status).toBe('IN_PROGRESS');
      const recorded = await sut.updateRemoval(lead, { actionId: removal.id, outcome: 'REMOVED', effectedAt: new Date().toISOString() });
      expect(recorded).toMatchObject({ id: removal.id, status: 'IN_PROGRESS', removal: { requestReference: '123/STTTT-TTĐT', outcome: 'REMOVED', sentAt } });
      const [row] = await bed.dataSource.query(`SELECT request_reference, outcome FROM removal_request WHERE action_id = $1`, [removal.id]);
      expect(row).toEqual({ request_reference: '123/STTTT-TTĐT', outcome: 'REMOVED' });
      expect((await sut.update(lead, { actionId: removal.id, status: 'DONE', result: 'Facebook đã gỡ bài viết theo yêu cầu' })).status).toBe('DONE');
      expect((await bed.audit(decided.case.id)).filter((a) => a.action === 'action.removal-updated')).toHaveLength(2);
      // The statistics read where the request stands from the events (compliance, time to effect).
      const updates = (await bed.outbox(decided.case.id)).filter((e) => e.subject === EventSubjects.intake.actionUpdated);
      expect(updates.map((e) => (e.data['removal'] as { sentAt: string | null; outcome: string | null } | undefined) ?? null)).toEqual([
        expect.objectContaining({ sentAt, outcome: null }),
        expect.objectContaining({ sentAt, outcome: 'REMOVED', effectedAt: expect.any(String) }),
        null,
      ]);
    });

    it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
      ['an outcome before the request was sent', { outcome: 'REMOVED' }, { code: 'BAD_USER_INPUT', field: 'outcome' }],
      ['a sending time in the future', { sentAt: new Date(Date.now() + 86_400_000).toISOString() }, { code: 'BAD_USER_INPUT', field: 'sentAt' }],
      ['a sending time before the action was planned', { sentAt: '2020-01-01T00:00:00Z' }, { code: 'BAD_USER_INPUT', field: 'sentAt' }],
      ['nothing to record', {}, { code: 'BAD_USER_INPUT', field: 'actionId' }],
    ])('refuses %s and changes nothing', async (_name, patch, expected) => {
      const decided = await decidedCase();
      const removal = actionOf(decided, 'REQUEST_REMOVAL');
      await expect(sut.updateRemoval(lead, { actionId: removal.id, ...patch })).rejects.toMatchObject(expected);
      const [row] = await bed.dataSource.query(`SELECT sent_at, outcome FROM removal_request WHERE action_id = $1`, [removal.id]);
      expect(row).toEqual({ sent_at: null, outcome: null });
    });

    it('refuses an action that is not a removal request', async () => {
      const decided = await decidedCase();
      await expect(sut.updateRemoval(lead, { actionId: actionOf(decided, 'PUBLISH_CLARIFICATION').id, requestReference: 'CV-1' })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'actionId',
      });
    });
  });
});
