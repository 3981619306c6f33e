import { EventSubjects } from '@phoi-hop/contracts';
import { SeededUsers } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { createPressTestbed, type PressTestbed } from '../app/press.medium-testbed';
import { ComplaintService } from '../complaint/complaint.service';
import { complaintRequest } from '../complaint/complaint.service.medium-spec';
import { ReplyService } from '../reply/reply.service';
import { RulingService } from './ruling.service';

describe(RulingService.name, () => {
  let bed: PressTestbed;
  let sut: RulingService;
  const btg = actorOf(SeededUsers.btgOfficer);
  const baoqb = actorOf(SeededUsers.baoqbOfficer);
  const hnb = actorOf(SeededUsers.hnbOfficer);
  const reviewer = actorOf(SeededUsers.hnbReviewer);
  const reasons = 'Bài viết không kiểm chứng thông tin với cơ quan y tế.';

  beforeAll(async () => {
    bed = await createPressTestbed();
    sut = bed.get(RulingService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  async function replied(caseId?: string): Promise<string> {
    const filed = await bed.get(ComplaintService).file(btg, complaintRequest(caseId ? { caseId } : {}));
    await bed.get(ReplyService).replyAsOutlet(baoqb, { complaintId: filed.id, text: 'Phản hồi của Báo Quảng Bình.' });
    return filed.id;
  }

  describe('issue', () => {
    it('refuses a ruling while the reply window is open without a reply', async () => {
      const filed = await bed.get(ComplaintService).file(btg, complaintRequest());
      await expect(sut.issue(hnb, { complaintId: filed.id, outcome: 'WARNING', ruleCodes: ['DDNB_2017_D2'], reasons })).rejects.toMatchObject({
        code: 'REPLY_WINDOW_OPEN',
      });
    });

    it('rules after the reply citing known rules, opens the appeal time, and refuses a ruling on one’s own agency’s complaint', async () => {
      const id = await replied();
      await expect(sut.issue(hnb, { complaintId: id, outcome: 'WARNING', ruleCodes: ['DDNB_2017_D42'], reasons })).rejects.toMatchObject({
        field: 'ruleCodes',
      });
      const ruled = await sut.issue(hnb, { complaintId: id, outcome: 'WARNING', ruleCodes: ['DDNB_2017_D2', 'DDNB_2017_D4'], reasons });
      expect(ruled).toMatchObject({
        status: 'RULED',
        finalOutcome: 'WARNING',
        rulings: [{ ruledByAgency: 'HNB', ruleCodes: ['DDNB_2017_D2', 'DDNB_2017_D4'] }],
      });
      expect(ruled.appealDueAt).not.toBeNull();
      expect((await bed.outbox(id)).map((e) => e.subject)).toContain(EventSubjects.press.ruled);

      const own = await bed.get(ComplaintService).file(hnb, complaintRequest());
      await expect(sut.issue(reviewer, { complaintId: own.id, outcome: 'NO_VIOLATION', ruleCodes: ['DDNB_2017_D2'], reasons })).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringContaining('complaining agency'),
      });
    });

    it('needs the case’s grounded decision for a sanction on a complaint about a case, not for NO_VIOLATION', async () => {
      const { caseId } = bed.addCase(false);
      const id = await replied(caseId);
      await expect(sut.issue(hnb, { complaintId: id, outcome: 'REPRIMAND', ruleCodes: ['DDNB_2017_D2'], reasons })).rejects.toMatchObject({
        code: 'RESTRICTIVE_ACTION_NOT_GROUNDED',
      });
      expect((await sut.issue(hnb, { complaintId: id, outcome: 'NO_VIOLATION', ruleCodes: ['DDNB_2017_D2'], reasons })).status).toBe('RULED');
      const grounded = await replied(bed.addCase(true).caseId);
      expect((await sut.issue(hnb, { complaintId: grounded, outcome: 'REPRIMAND', ruleCodes: ['DDNB_2017_D2'], reasons })).finalOutcome).toBe('REPRIMAND');
    });
  });

  describe('lodgeAppeal and decideAppeal', () => {
    it('hears an appeal by a reviewer who took no part, and a RETURNED ruling goes back for a new one', async () => {
      const id = await replied();
      await sut.issue(hnb, { complaintId: id, outcome: 'WARNING', ruleCodes: ['DDNB_2017_D2'], reasons });
      await expect(sut.lodgeAppeal(btg, { complaintId: id, party: 'RESPONDENT', grounds: ['NEW_INFORMATION'], statement: reasons })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      const appealed = await sut.lodgeAppeal(baoqb, {
        complaintId: id,
        party: 'RESPONDENT',
        grounds: ['NEW_INFORMATION'],
        statement: 'Có ghi âm cuộc gọi với trạm y tế.',
      });
      expect(appealed.status).toBe('UNDER_APPEAL');
      await expect(sut.decideAppeal(hnb, { complaintId: id, decision: 'UPHELD', reasons })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const returned = await sut.decideAppeal(reviewer, { complaintId: id, decision: 'RETURNED', reasons: 'Cần xem xét ghi âm mới trước khi kết luận.' });
      expect(returned).toMatchObject({ status: 'AWAITING_RULING', finalOutcome: null, appeals: [{ decision: 'RETURNED' }] });
      expect(returned.rulings[0]!.setAsideAt).not.toBeNull();
      // The new ruling, then an appeal upheld: closed with the ruling's outcome.
      await sut.issue(hnb, { complaintId: id, outcome: 'REMINDER', ruleCodes: ['DDNB_2017_D2'], reasons });
      await sut.lodgeAppeal(btg, { complaintId: id, party: 'COMPLAINANT', grounds: ['MISAPPLIED_RULE'], statement: 'Mức nhắc nhở là nhẹ so với vi phạm.' });
      const upheld = await sut.decideAppeal(reviewer, { complaintId: id, decision: 'UPHELD', reasons: 'Mức nhắc nhở phù hợp với vi phạm.' });
      expect(upheld).toMatchObject({ status: 'CLOSED', finalOutcome: 'REMINDER' });
      expect((await bed.outbox(id)).map((e) => e.subject).slice(-2)).toEqual([EventSubjects.press.appealDecided, EventSubjects.press.complaintClosed]);
    });
  });
});
