import { SeededUsers } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { createIntakeTestbed, type IntakeTestbed } from '../app/intake.medium-testbed';
import { CaseDecisionService } from '../decision/case-decision.service';
import { HandlingActionService } from '../decision/handling-action.service';
import { CaseTransitionService } from './case-transition.service';
import { WorkQueueService } from './work-queue.service';

describe(WorkQueueService.name, () => {
  let bed: IntakeTestbed;
  let sut: WorkQueueService;
  const lethuy = actorOf(SeededUsers.lethuyOfficer);
  const lead = actorOf(SeededUsers.stttLead);
  const syt = actorOf(SeededUsers.sytOfficer);
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    bed = await createIntakeTestbed();
    sut = bed.get(WorkQueueService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  describe('queue', () => {
    it('gives the lead agency’s coordinators the cases to triage and to decide, and each agency its actions, soonest first', async () => {
      const toTriage = await bed.report(lethuy, { categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' });
      const toDecide = await bed.report(lethuy, { categoryCode: 'IMPERSONATION_SCAM', localityCode: 'LE_THUY' });
      await bed.get(CaseTransitionService).transition(lead, { caseId: toDecide.id, command: 'TRIAGE' });
      const acting = await bed.report(lethuy, { categoryCode: 'GRIEVANCE', localityCode: 'LE_THUY' });
      await bed.get(CaseTransitionService).transition(lead, { caseId: acting.id, command: 'TRIAGE' });
      const decided = await bed.get(CaseDecisionService).decide(lead, {
        caseId: acting.id,
        finding: 'GRIEVANCE',
        provisionCodes: [],
        statementOfReasons: 'Phản ánh chính đáng; địa phương giải quyết (Đ7.2).',
        actions: [
          { type: 'RESOLVE_GRIEVANCE', assigneeAgencyCode: 'UBND_LE_THUY', dueDate: inDays(20), details: 'Giải quyết phản ánh' },
          { type: 'MONITOR', assigneeAgencyCode: 'UBND_LE_THUY', dueDate: inDays(5) },
        ],
      });

      const coordinator = await sut.queue(lead, { first: 50 });
      const byCase = (caseId: string) => coordinator.items.filter((i) => i.caseId === caseId).map((i) => i.kind);
      expect(byCase(toTriage.id)).toEqual(['TRIAGE']);
      expect(byCase(toDecide.id)).toEqual(['DECIDE']);
      expect(byCase(acting.id)).toEqual([]);
      const deadlines = coordinator.items.map((i) => i.deadline).filter((d): d is string => d !== null);
      expect(deadlines).toEqual([...deadlines].sort());
      expect(coordinator.totalCount).toBe(coordinator.items.length);

      const locality = await sut.queue(lethuy, { first: 50 });
      expect(locality.items.map((i) => `${i.kind}:${i.actionType}`)).toEqual(['HANDLING_ACTION:MONITOR', 'HANDLING_ACTION:RESOLVE_GRIEVANCE']);
      expect(locality.items.every((i) => i.owedBy === 'UBND_LE_THUY' && !i.overdue && i.caseId === acting.id)).toBe(true);
      expect((await sut.queue(syt, { first: 50 })).items).toEqual([]);

      // A done action leaves the queue; the page holds at most `first` items but counts them all.
      const monitor = decided.actions.find((a) => a.type === 'MONITOR')!;
      await bed.get(HandlingActionService).update(lethuy, { actionId: monitor.id, status: 'DONE', result: 'Đã theo dõi, không phát sinh thêm' });
      expect((await sut.queue(lethuy, { first: 50 })).items.map((i) => i.actionType)).toEqual(['RESOLVE_GRIEVANCE']);
      const page = await sut.queue(lead, { first: 1 });
      expect(page.items).toHaveLength(1);
      expect(page.totalCount).toBe(coordinator.totalCount);
    });
  });
});
