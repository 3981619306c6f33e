import { SeededUsers } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { createConsultationTestbed, type ConsultationTestbed } from '../app/consultation.medium-testbed';
import { ConsultationService } from './consultation.service';
import { OpinionQueueService } from './opinion-queue.service';

describe(OpinionQueueService.name, () => {
  let bed: ConsultationTestbed;
  let sut: OpinionQueueService;
  const lead = actorOf(SeededUsers.stttLead);
  const ca = actorOf(SeededUsers.caOfficer);
  const lethuy = actorOf(SeededUsers.lethuyOfficer);
  const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
  const written = (invited: string[], hours: number) => ({
    caseId: bed.addCase(),
    mode: 'WRITTEN' as const,
    invitedAgencyCodes: invited,
    subject: 'Xin ý kiến về hướng xử lý vụ việc',
    deadline: inHours(hours),
  });

  beforeAll(async () => {
    bed = await createConsultationTestbed();
    sut = bed.get(OpinionQueueService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  describe('queue', () => {
    it('lists the written consultations an agency still owes its opinion on, soonest deadline first (Đ4.2)', async () => {
      const consultations = bed.get(ConsultationService);
      const later = await consultations.open(lead, written(['CA', 'UBND_LE_THUY'], 72));
      const sooner = await consultations.open(lead, written(['CA'], 24));
      await consultations.open(lead, {
        caseId: bed.addCase(),
        mode: 'MEETING',
        invitedAgencyCodes: ['CA'],
        subject: 'Họp thống nhất hướng xử lý',
        meetingAt: inHours(5),
        location: 'Phòng họp Sở TT&TT',
      });

      const owed = await sut.queue(ca, { first: 10 });
      expect(owed.items.map((i) => i.consultationId)).toEqual([sooner.id, later.id]);
      expect(owed.items[0]).toMatchObject({ kind: 'OPINION', caseId: sooner.caseId, owedBy: 'CA', severity: 'HIGH', overdue: false, caseStatus: null });
      expect(owed.totalCount).toBe(2);

      await consultations.submitOpinion(ca, { consultationId: sooner.id, position: 'AGREE', reasoning: 'Thống nhất với đề xuất của Sở' });
      expect((await sut.queue(ca, { first: 10 })).items.map((i) => i.consultationId)).toEqual([later.id]);
      expect((await sut.queue(lethuy, { first: 10 })).items.map((i) => i.consultationId)).toEqual([later.id]);
      expect((await sut.queue(lead, { first: 10 })).items).toEqual([]);
      const page = await sut.queue(ca, { first: 1 });
      expect(page).toMatchObject({ totalCount: 1 });
    });
  });
});
