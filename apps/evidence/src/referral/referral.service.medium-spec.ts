import { randomUUID } from 'node:crypto';
import { EventSubjects, type CaseDto } from '@phoi-hop/contracts';
import { SeededUsers } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { createEvidenceTestbed, type EvidenceTestbed } from '../app/evidence.medium-testbed';
import { ItemService } from '../item/item.service';
import { PackageService } from '../package/package.service';
import { ReferralService } from './referral.service';

describe(ReferralService.name, () => {
  let bed: EvidenceTestbed;
  let sut: ReferralService;
  const lead = actorOf(SeededUsers.stttLead);
  const ca = actorOf(SeededUsers.caOfficer);
  const lethuy = actorOf(SeededUsers.lethuyOfficer);
  const syt = actorOf(SeededUsers.sytOfficer);
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

  /** A case decided with a REFER_TO_POLICE action for CA (and a clarification), as intake would show it. */
  function decidedCase(provisions = [{ code: 'BLHS_D174', citation: 'Bộ luật Hình sự, Điều 174' }]) {
    const decisionId = randomUUID();
    const referAction = randomUUID();
    const otherAction = randomUUID();
    const action = (id: string, type: string, assigneeAgencyCode: string) =>
      ({ id, type, assigneeAgencyCode, decisionId, dueDate: today, status: 'PENDING' }) as unknown as CaseDto['actions'][number];
    const caseId = bed.addCase({
      status: 'ACTING',
      decisions: [{ id: decisionId, provisions } as unknown as CaseDto['decisions'][number]],
      actions: [action(referAction, 'REFER_TO_POLICE', 'CA'), action(otherAction, 'PUBLISH_CLARIFICATION', 'STTTT')],
    });
    return { caseId, referAction, otherAction };
  }

  beforeAll(async () => {
    bed = await createEvidenceTestbed();
    sut = bed.get(ReferralService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  describe('request', () => {
    it('refers a REFER_TO_POLICE action with the decision’s legal basis, once; told to the police and the lead agency only', async () => {
      const { caseId, referAction, otherAction } = decidedCase();
      const referral = await sut.request(lead, { caseId, actionId: referAction });
      expect(referral).toMatchObject({
        status: 'REQUESTED',
        policeAgencyCode: 'CA',
        legalBasis: [{ code: 'BLHS_D174', citation: 'Bộ luật Hình sự, Điều 174' }],
        requestedByAgency: 'STTTT',
        policeReference: null,
      });
      expect(await bed.outbox(caseId)).toEqual([expect.objectContaining({ subject: EventSubjects.evidence.referralChanged, visibleTo: ['CA', 'STTTT'] })]);
      await expect(sut.request(lead, { caseId, actionId: referAction })).rejects.toMatchObject({ code: 'CONFLICT', field: 'actionId' });
      await expect(sut.request(lead, { caseId, actionId: otherAction })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'actionId' });
      const bare = decidedCase([]);
      await expect(sut.request(lead, { caseId: bare.caseId, actionId: bare.referAction })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    });
  });

  describe('update, handOver and list', () => {
    it('goes through the police’s statuses to an outcome, with a package handed over as a custody transfer', async () => {
      const { caseId, referAction } = decidedCase();
      const { id } = await sut.request(lead, { caseId, actionId: referAction });
      await expect(sut.update(lead, { referralId: id, status: 'ACCEPTED', policeReference: '12/PA05' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(sut.update(ca, { referralId: id, status: 'ACCEPTED' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'policeReference' });
      expect(await sut.update(ca, { referralId: id, status: 'ACCEPTED', policeReference: '12/PA05' })).toMatchObject({
        status: 'ACCEPTED',
        policeReference: '12/PA05',
      });
      await sut.update(ca, { referralId: id, status: 'IN_PROGRESS' });

      await bed.get(ItemService).addExcerpt(lethuy, { caseId, text: 'Bài đăng giả mạo thu phí hỗ trợ lũ lụt.' });
      const pkg = await bed.get(PackageService).export(lead, caseId);
      await expect(sut.handOver(lead, { referralId: id, packageId: pkg.id, receivedByAgency: 'STTTT' })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'receivedByAgency',
      });
      const handed = await sut.handOver(lead, { referralId: id, packageId: pkg.id, receivedByAgency: 'CA' });
      expect(handed.handedOver).toEqual([expect.objectContaining({ packageId: pkg.id, packageSha256: pkg.sha256, receivedByAgency: 'CA', by: lead.userId })]);
      await expect(sut.handOver(lead, { referralId: id, packageId: pkg.id, receivedByAgency: 'CA' })).rejects.toMatchObject({ code: 'CONFLICT' });

      const done = await sut.update(ca, { referralId: id, status: 'CONCLUDED', outcomeCategory: 'PROSECUTED', outcomeDate: today });
      expect(done).toMatchObject({ status: 'CONCLUDED', outcomeCategory: 'PROSECUTED', outcomeDate: today });
      await expect(sut.update(ca, { referralId: id, status: 'IN_PROGRESS' })).rejects.toMatchObject({ code: 'INVALID_STATE' });
      expect((await sut.list(lead, caseId)).map((r) => r.status)).toEqual(['CONCLUDED']);
      expect(await sut.list(syt, caseId)).toEqual([]);
      expect((await bed.audit(id)).map((a) => a.action)).toEqual(['referral.requested', 'referral.updated', 'referral.updated', 'referral.updated']);
      expect((await bed.audit(pkg.id)).map((a) => a.action)).toEqual(['evidence.exported', 'evidence.transferred']);
    });

    it('answers NOT_FOUND for a referral of a case the caller may not see', async () => {
      const { caseId, referAction } = decidedCase();
      const { id } = await sut.request(lead, { caseId, actionId: referAction });
      await expect(sut.update(syt, { referralId: id, status: 'ACCEPTED', policeReference: '1/PA05' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
        field: 'referralId',
      });
    });
  });
});
