import { randomUUID } from 'node:crypto';
import { SeededUsers } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { createEvidenceTestbed, type EvidenceTestbed } from '../app/evidence.medium-testbed';
import { ItemService } from '../item/item.service';
import { IndicatorService } from './indicator.service';

describe(IndicatorService.name, () => {
  let bed: EvidenceTestbed;
  let sut: IndicatorService;
  let items: ItemService;
  const lethuy = actorOf(SeededUsers.lethuyOfficer);
  const donghoi = actorOf(SeededUsers.donghoiOfficer);
  const lead = actorOf(SeededUsers.stttLead);
  const ca = actorOf(SeededUsers.caOfficer);
  const leader = actorOf(SeededUsers.leader);
  const syt = actorOf(SeededUsers.sytOfficer);
  const scam = (phone: string) => `Hỗ trợ lũ lụt: nộp phí tại nhan-ho-tro-lulut.vn, gọi ${phone} hoặc chuyển vào STK: 0071000123456.`;
  const donghoiCase = () =>
    bed.addCase({ reporterAgencyCode: 'UBND_DONG_HOI', reports: [{ reporterAgencyCode: 'UBND_DONG_HOI', url: `https://example.vn/${randomUUID()}` }] });

  beforeAll(async () => {
    bed = await createEvidenceTestbed();
    sut = bed.get(IndicatorService);
    items = bed.get(ItemService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  describe('forCase', () => {
    it('links the cases whose content shows the same normalised indicator, with first and last seen, and audits the read', async () => {
      const caseA = bed.addCase();
      const caseB = donghoiCase();
      const a = await items.addExcerpt(lethuy, { caseId: caseA, text: scam('0912 345 678') });
      const b = await items.addExcerpt(donghoi, { caseId: caseB, text: scam('+84 912 345 678') });
      const shown = await sut.forCase(lead, caseA);
      expect(shown.map((i) => [i.kind, i.value, i.normalizedValue, i.origin])).toEqual([
        ['BANK_ACCOUNT', '0071000123456', '0071000123456', 'DERIVED'],
        ['DOMAIN', 'nhan-ho-tro-lulut.vn', 'nhan-ho-tro-lulut.vn', 'DERIVED'],
        ['PHONE', '0912 345 678', '+84912345678', 'DERIVED'],
      ]);
      const phone = shown.find((i) => i.kind === 'PHONE')!;
      expect(phone).toMatchObject({ caseId: caseA, itemId: a.id, linkedCaseIds: [caseB], firstSeenAt: a.capturedAt, lastSeenAt: b.capturedAt });
      expect(shown.every((i) => i.linkedCaseIds.join() === caseB)).toBe(true);
      expect((await bed.audit(caseA)).filter((e) => e.action === 'evidence.indicators-viewed')).toEqual([
        expect.objectContaining({ actorUserId: lead.userId, summary: expect.objectContaining({ caseId: caseA }) }),
      ]);
    });

    it('is restricted like the content: the capturing agency sees its own and only the links it may read; others see none', async () => {
      const caseA = bed.addCase();
      const caseB = donghoiCase();
      await items.addExcerpt(lethuy, { caseId: caseA, text: scam('0987 111 222') });
      await items.addExcerpt(donghoi, { caseId: caseB, text: scam('0987 111 222') });
      const own = await sut.forCase(lethuy, caseA);
      expect(own.map((i) => i.kind)).toEqual(['BANK_ACCOUNT', 'DOMAIN', 'PHONE']);
      expect(own.find((i) => i.kind === 'PHONE')!.linkedCaseIds).toEqual([]);
      expect((await sut.forCase(ca, caseA)).find((i) => i.kind === 'PHONE')!.linkedCaseIds).toEqual([caseB]);
      expect(await sut.forCase(leader, caseA)).toEqual([]);
      bed.hideCase(caseA);
      await expect(sut.forCase(syt, caseA)).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'caseId' });
    });
  });

  describe('add and remove', () => {
    it('adds an indicator an officer reads in the item, normalised and linked; the same again is CONFLICT', async () => {
      const caseA = bed.addCase();
      const caseB = donghoiCase();
      const a = await items.addExcerpt(lethuy, { caseId: caseA, text: 'Ảnh chụp màn hình tin nhắn lừa đảo (số tài khoản trong ảnh).' });
      const b = await items.addExcerpt(donghoi, { caseId: caseB, text: 'Chuyển khoản vào tài khoản số 1903 5678 9012 34 để nhận quà.' });
      const added = await sut.add(lethuy, { itemId: a.id, kind: 'BANK_ACCOUNT', value: ' 1903-5678-9012-34 ' });
      expect(added).toMatchObject({
        kind: 'BANK_ACCOUNT',
        value: '1903-5678-9012-34',
        normalizedValue: '19035678901234',
        origin: 'OFFICER',
        addedBy: lethuy.userId,
      });
      expect(added.linkedCaseIds).toEqual([]);
      expect((await sut.add(lead, { itemId: b.id, kind: 'DOMAIN', value: 'https://Qua-Tang.xyz/nhan' })).normalizedValue).toBe('qua-tang.xyz');
      expect((await sut.forCase(lead, caseA))[0]!.linkedCaseIds).toEqual([caseB]);
      await expect(sut.add(lethuy, { itemId: a.id, kind: 'BANK_ACCOUNT', value: '19035678901234' })).rejects.toMatchObject({
        code: 'CONFLICT',
        field: 'value',
      });
      const audit = await bed.audit(added.id);
      expect(audit).toEqual([expect.objectContaining({ action: 'evidence.indicator-added', summary: { caseId: caseA, itemId: a.id, kind: 'BANK_ACCOUNT' } })]);
      expect(JSON.stringify(audit)).not.toContain('19035678901234');
    });

    it.each<[string, { kind: 'PHONE' | 'DOMAIN' | 'EMAIL'; value: string }, Record<string, unknown>]>([
      ['an invalid phone number', { kind: 'PHONE', value: '12345' }, { code: 'BAD_USER_INPUT', field: 'value' }],
      ['an address that is no domain', { kind: 'DOMAIN', value: '10.0.0.1' }, { code: 'BAD_USER_INPUT', field: 'value' }],
      ['a broken e-mail address', { kind: 'EMAIL', value: 'hotro@' }, { code: 'BAD_USER_INPUT', field: 'value' }],
    ])('refuses %s and records nothing', async (_name, change, expected) => {
      const item = await items.addExcerpt(lethuy, { caseId: bed.addCase(), text: 'Bài đăng không có dấu hiệu nào.' });
      await expect(sut.add(lethuy, { itemId: item.id, ...change })).rejects.toMatchObject(expected);
      expect(await sut.forCase(lead, item.caseId)).toEqual([]);
    });

    it('lets only those who may read the item’s content add or remove its indicators', async () => {
      const item = await items.addExcerpt(lethuy, { caseId: bed.addCase(), text: scam('0912 000 111') });
      await expect(sut.add(leader, { itemId: item.id, kind: 'PHONE', value: '0912 000 222' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(sut.add(lethuy, { itemId: randomUUID(), kind: 'PHONE', value: '0912 000 222' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
        field: 'itemId',
      });
      const phone = (await sut.forCase(lethuy, item.caseId)).find((i) => i.kind === 'PHONE')!;
      await expect(sut.remove(leader, { indicatorId: phone.id, reason: 'Không phải số trong bài' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(sut.remove(lethuy, { indicatorId: randomUUID(), reason: 'Không phải số trong bài' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
        field: 'indicatorId',
      });
    });

    it('removes an indicator recorded by mistake, with its reason in the custody log', async () => {
      const item = await items.addExcerpt(lethuy, { caseId: bed.addCase(), text: scam('0912 333 444') });
      const domain = (await sut.forCase(lethuy, item.caseId)).find((i) => i.kind === 'DOMAIN')!;
      expect(await sut.remove(lead, { indicatorId: domain.id, reason: 'Tên miền của báo chí, không phải lừa đảo' })).toMatchObject({ id: domain.id });
      expect((await sut.forCase(lethuy, item.caseId)).map((i) => i.kind)).toEqual(['BANK_ACCOUNT', 'PHONE']);
      expect((await bed.audit(domain.id)).map((a) => [a.action, a.summary['reason']])).toEqual([
        ['evidence.indicator-removed', 'Tên miền của báo chí, không phải lừa đảo'],
      ]);
    });
  });
});
