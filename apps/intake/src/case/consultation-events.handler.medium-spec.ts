import { randomUUID } from 'node:crypto';
import { EventSubjects } from '@phoi-hop/contracts';
import { SeededUsers } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { createIntakeTestbed, type IntakeTestbed } from '../app/intake.medium-testbed';
import { CaseDecisionService } from '../decision/case-decision.service';
import { CaseTransitionService } from './case-transition.service';
import { CaseService } from './case.service';
import { ConsultationEventsHandler } from './consultation-events.handler';

describe(ConsultationEventsHandler.name, () => {
  let bed: IntakeTestbed;
  let sut: ConsultationEventsHandler;
  const lethuy = actorOf(SeededUsers.lethuyOfficer);
  const lead = actorOf(SeededUsers.stttLead);
  const btg = actorOf(SeededUsers.btgOfficer);
  const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

  const triagedCase = async () => {
    const opened = await bed.report(lethuy, { categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' });
    return bed.get(CaseTransitionService).transition(lead, { caseId: opened.id, command: 'TRIAGE' });
  };
  const openedEvent = (kase: { id: string; number: string }, consultationId: string, invited: string[]) => ({
    type: EventSubjects.consultation.opened,
    aggregateId: kase.id,
    visibleTo: ['STTTT', ...invited],
    actor: { userId: lead.userId, agencyCode: 'STTTT' },
    data: { consultationId, caseId: kase.id, caseNumber: kase.number, mode: 'WRITTEN', invitedAgencyCodes: invited, deadline: null, meetingAt: null },
  });

  beforeAll(async () => {
    bed = await createIntakeTestbed();
    sut = bed.get(ConsultationEventsHandler);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  it('opened: the case goes into consultation, the invited agencies join it and see it (Đ4.2), a consultation deadline starts', async () => {
    const kase = await triagedCase();
    await expect(bed.get(CaseService).get(btg, { id: kase.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await bed.consume(sut, openedEvent(kase, randomUUID(), ['BTG']));

    const seen = await bed.get(CaseService).get(btg, { id: kase.id });
    expect(seen.status).toBe('IN_CONSULTATION');
    expect(seen.participants.find((p) => p.agencyCode === 'BTG')).toMatchObject({ role: 'PARTICIPANT', basis: 'Đ4.2 (mời cho ý kiến)' });
    expect(seen.deadlines.map((d) => d.kind)).toContain('CONSULTATION');
    expect((await bed.outbox(kase.id)).at(-1)).toMatchObject({
      subject: EventSubjects.intake.caseStatusChanged,
      data: { from: 'TRIAGED', to: 'IN_CONSULTATION' },
    });
    expect((await bed.audit(kase.id)).at(-1)).toMatchObject({ action: 'case.start_consultation', actorAgency: 'STTTT' });
  });

  it('resolved: the agreed plan is kept, and a decision that names the consultation plans it', async () => {
    const kase = await triagedCase();
    const consultationId = randomUUID();
    await bed.consume(sut, openedEvent(kase, consultationId, ['CA']));
    const plan = [{ type: 'PUBLISH_CLARIFICATION', assigneeAgencyCode: 'UBND_LE_THUY', dueDate: inAMonth(), details: 'Đài truyền thanh huyện' }];
    const resolved = {
      type: EventSubjects.consultation.resolved,
      aggregateId: kase.id,
      visibleTo: ['STTTT', 'CA'],
      data: { consultationId, caseId: kase.id, caseNumber: kase.number, summary: 'Thống nhất đính chính', plan },
    };
    await bed.consume(sut, resolved);
    // A redelivered event changes nothing.
    await bed.consume(sut, resolved);
    expect(await bed.dataSource.query(`SELECT summary FROM consultation_plan WHERE case_id = $1`, [kase.id])).toEqual([{ summary: 'Thống nhất đính chính' }]);

    const decided = await bed.get(CaseDecisionService).decide(lead, {
      caseId: kase.id,
      finding: 'MISLEADING',
      provisionCodes: [],
      statementOfReasons: 'Theo kết luận xin ý kiến: đính chính thông tin.',
      actions: [],
      consultationId,
    });
    expect(decided.actions.map((a) => `${a.type}:${a.assigneeAgencyCode}`)).toEqual(['PUBLISH_CLARIFICATION:UBND_LE_THUY']);
    expect(decided.case.decisions[0]).toMatchObject({ consultationId });
  });
});
