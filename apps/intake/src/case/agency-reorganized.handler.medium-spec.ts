import { EventSubjects } from '@phoi-hop/contracts';
import { SeededUsers } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { createIntakeTestbed, type IntakeTestbed } from '../app/intake.medium-testbed';
import { AgencyReorganizedHandler } from './agency-reorganized.handler';
import { CaseTransitionService } from './case-transition.service';
import { CaseService } from './case.service';

describe(AgencyReorganizedHandler.name, () => {
  let bed: IntakeTestbed;
  let sut: AgencyReorganizedHandler;
  const lethuy = actorOf(SeededUsers.lethuyOfficer);
  const lead = actorOf(SeededUsers.stttLead);
  const reorganized = (retired: string[], successorCode: string) => ({
    type: EventSubjects.directory.agenciesReorganized,
    aggregateId: successorCode,
    visibleTo: [...retired, successorCode],
    data: { effectiveDate: new Date().toISOString().slice(0, 10), retired, successorCode },
  });

  beforeAll(async () => {
    bed = await createIntakeTestbed();
    sut = bed.get(AgencyReorganizedHandler);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  it('moves the open cases of a retired agency to its successor, keeping who was responsible as history', async () => {
    const open = await bed.report(lethuy, { categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' });
    const dismissed = await bed.report(lethuy, { categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' });
    await bed.get(CaseTransitionService).transition(lead, { caseId: dismissed.id, command: 'DISMISS', reason: 'Không có cơ sở' });

    await bed.consume(sut, reorganized(['UBND_LE_THUY'], 'UBND_LE_THUY_MOI'));

    const moved = await bed.get(CaseService).get(lead, { id: open.id });
    expect(moved.participants.map((p) => p.agencyCode)).toContain('UBND_LE_THUY_MOI');
    expect(moved.participants.map((p) => p.agencyCode)).not.toContain('UBND_LE_THUY');
    expect(moved.participants.find((p) => p.agencyCode === 'UBND_LE_THUY_MOI')!.basis).toMatch(/\(kế nhiệm UBND_LE_THUY\)$/);
    expect(moved.participantHistory.find((p) => p.agencyCode === 'UBND_LE_THUY')).toMatchObject({
      endedAt: expect.any(String),
      replacedBy: 'UBND_LE_THUY_MOI',
    });
    expect((await bed.outbox(open.id)).at(-1)).toMatchObject({
      subject: EventSubjects.intake.caseReassigned,
      data: { retired: 'UBND_LE_THUY', successor: 'UBND_LE_THUY_MOI' },
    });
    expect((await bed.audit(open.id)).at(-1)).toMatchObject({ action: 'case.reassigned', summary: { from: 'UBND_LE_THUY', to: 'UBND_LE_THUY_MOI' } });
    // A case no longer open keeps who was responsible at the time.
    expect((await bed.get(CaseService).get(lead, { id: dismissed.id })).participants.map((p) => p.agencyCode)).toContain('UBND_LE_THUY');
  });
});
