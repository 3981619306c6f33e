import { EventSubjects, NoticeSubjects, provinceDay } from '@phoi-hop/contracts';
import { actorOf } from '@phoi-hop/testing-medium';
import { createDirectoryTestbed, type DirectoryTestbed } from '../app/directory.medium-testbed';
import { RoutingService } from '../routing/routing.service';
import { ReferenceAdminService } from './reference-admin.service';

const dayAfter = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe(ReferenceAdminService.name, () => {
  let bed: DirectoryTestbed;
  let sut: ReferenceAdminService;
  let routing: RoutingService;
  const admin = actorOf({ username: 'admin', agencyCode: 'STTTT', roles: ['ADMIN'] });
  const healthCase = { categoryCode: 'FALSE_INFO_PANIC', sectorCode: 'HEALTH', text: 'Tin đồn về dịch bệnh' };
  const participants = async (asOf?: string) => (await routing.explain({ ...healthCase, ...(asOf ? { asOf } : {}) })).participants.map((p) => p.agencyCode);

  beforeAll(async () => {
    bed = await createDirectoryTestbed();
    sut = bed.get(ReferenceAdminService);
    routing = bed.get(RoutingService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  describe('edit and history', () => {
    it('puts a new version of a sector in force from a later day: routing changes on that day only', async () => {
      const from = dayAfter(provinceDay(), 10);
      expect(await participants()).toContain('SYT');
      const revision = await sut.edit(admin, {
        kind: 'SECTOR',
        code: 'HEALTH',
        validFrom: from,
        record: { name: 'Y tế', departmentAgencyCode: 'STTTT' },
        reason: 'Giao Sở TT&TT theo dõi lĩnh vực y tế',
      });
      expect(revision).toMatchObject({
        kind: 'SECTOR',
        code: 'HEALTH',
        validFrom: from,
        record: { code: 'HEALTH', departmentAgencyCode: 'STTTT' },
        actorAgency: 'STTTT',
      });
      expect(await participants()).toContain('SYT');
      expect(await participants(from)).not.toContain('SYT');
      expect(bed.notices.published).toContain(NoticeSubjects.directoryChanged);
      expect((await bed.outbox('HEALTH')).at(-1)).toMatchObject({
        subject: EventSubjects.directory.referenceChanged,
        data: { revisionId: revision.id, kind: 'SECTOR', validFrom: from },
      });
      expect((await bed.audit('HEALTH')).at(-1)).toMatchObject({
        action: 'reference.edited',
        targetType: 'sector',
        summary: { before: { departmentAgencyCode: 'SYT' }, after: { departmentAgencyCode: 'STTTT' } },
      });
      expect((await sut.history({ kind: 'SECTOR', code: 'HEALTH' })).map((r) => r.id)).toEqual([revision.id]);
    });

    it('refuses a second version on the same day (CONFLICT)', async () => {
      const from = dayAfter(provinceDay(), 20);
      await sut.edit(admin, { kind: 'SLA', code: 'LOW', validFrom: from, record: { triageHours: 96, decisionHours: 240 }, reason: 'Nới thời hạn mức thấp' });
      await expect(
        sut.edit(admin, { kind: 'SLA', code: 'LOW', validFrom: from, record: { triageHours: 90, decisionHours: 240 }, reason: 'Lần nữa' }),
      ).rejects.toMatchObject({ code: 'CONFLICT', field: 'validFrom' });
      expect(await sut.history({ kind: 'SLA', code: 'LOW' })).toHaveLength(1);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['a day in the past', { kind: 'SECTOR', code: 'HEALTH', validFrom: '2020-01-01', record: { name: 'Y tế', departmentAgencyCode: 'SYT' } }, 'validFrom'],
      ['both a record and retire', { kind: 'SECTOR', code: 'HEALTH', retire: true, record: { name: 'Y tế', departmentAgencyCode: 'SYT' } }, 'retire'],
      ['neither a record nor retire', { kind: 'SECTOR', code: 'HEALTH' }, 'record'],
      ['retiring an agency (that is a reorganisation)', { kind: 'AGENCY', code: 'SYT', retire: true }, 'retire'],
      ['an SLA for no severity', { kind: 'SLA', code: 'URGENT', record: { triageHours: 1, decisionHours: 2 } }, 'code'],
      ['an SLA of negative hours', { kind: 'SLA', code: 'LOW', record: { triageHours: -1, decisionHours: 2 } }, 'record.triageHours'],
      [
        'a record under another code',
        { kind: 'SECTOR', code: 'HEALTH', record: { code: 'EDUCATION', name: 'Y tế', departmentAgencyCode: 'SYT' } },
        'record.code',
      ],
      ['a sector managed by an unknown agency', { kind: 'SECTOR', code: 'HEALTH', record: { name: 'Y tế', departmentAgencyCode: 'NO_SUCH' } }, 'record'],
    ])('refuses %s (BAD_USER_INPUT on its field) and records nothing', async (_name, request, field) => {
      const before = await sut.history({ kind: request['kind'] as 'SECTOR', code: request['code'] as string });
      await expect(sut.edit(admin, { reason: 'Thử sửa', ...request } as never)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await sut.history({ kind: request['kind'] as 'SECTOR', code: request['code'] as string })).toEqual(before);
    });

    it('retires a locality that is not in force only as NOT_FOUND', async () => {
      await expect(sut.edit(admin, { kind: 'LOCALITY', code: 'ATLANTIS', retire: true, reason: 'Không tồn tại' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
        field: 'code',
      });
    });
  });
  describe('press rules and public holidays (Đ6.3)', () => {
    const holidays = async (day = provinceDay()) => (await routing.referenceDataOn(day)).publicHolidays;
    const pressRules = async (day = provinceDay()) => (await routing.referenceDataOn(day)).pressRules;
    const newRule = (overrides: Record<string, unknown> = {}) => ({
      ruleSet: 'SOCIAL_NETWORK_CONDUCT',
      article: 'Điều 9',
      title: 'Không tiết lộ thông tin riêng tư của nguồn tin',
      text: 'Người làm báo không đăng tải lên mạng xã hội thông tin riêng tư của nguồn tin khi chưa được đồng ý.',
      source: 'Quy định của Hội Nhà báo tỉnh (thử nghiệm)',
      effectiveFrom: provinceDay(),
      ...overrides,
    });

    it('adds a public holiday at once: served in referenceData, audited, announced, with its history', async () => {
      const day = dayAfter(provinceDay(), 40);
      bed.notices.published.length = 0;
      const revision = await sut.edit(admin, {
        kind: 'PUBLIC_HOLIDAY',
        code: day,
        record: { name: 'Nghỉ bù Quốc khánh' },
        reason: 'Thủ tướng quyết định nghỉ bù',
      });
      expect(revision).toMatchObject({
        kind: 'PUBLIC_HOLIDAY',
        code: day,
        validFrom: provinceDay(),
        record: { day, name: 'Nghỉ bù Quốc khánh', needsReview: false },
      });
      expect(await holidays()).toContainEqual({ day, name: 'Nghỉ bù Quốc khánh', needsReview: false });
      expect(bed.notices.published).toContain(NoticeSubjects.directoryChanged);
      expect((await bed.outbox(day)).at(-1)).toMatchObject({ subject: EventSubjects.directory.referenceChanged, data: { kind: 'PUBLIC_HOLIDAY', code: day } });
      expect((await bed.audit(day)).at(-1)).toMatchObject({ action: 'reference.edited', targetType: 'public_holiday', summary: { before: null } });
      expect(await sut.history({ kind: 'PUBLIC_HOLIDAY', code: day })).toHaveLength(1);
    });

    it('removes a public holiday that is not past, the same day if need be (its edits are history, not versions of a day)', async () => {
      const day = dayAfter(provinceDay(), 41);
      await sut.edit(admin, { kind: 'PUBLIC_HOLIDAY', code: day, record: { name: 'Ngày nghỉ nhầm' }, reason: 'Thêm thử' });
      expect((await holidays()).some((h) => h.day === day)).toBe(true);
      await sut.edit(admin, { kind: 'PUBLIC_HOLIDAY', code: day, retire: true, reason: 'Nhập nhầm ngày' });
      expect((await holidays()).some((h) => h.day === day)).toBe(false);
      expect((await sut.history({ kind: 'PUBLIC_HOLIDAY', code: day })).map((r) => r.record)).toEqual([expect.objectContaining({ day }), null]);
      expect((await bed.audit(day)).at(-1)).toMatchObject({ action: 'reference.retired', summary: { before: { day }, after: null } });
      const other = dayAfter(provinceDay(), 42);
      await expect(sut.edit(admin, { kind: 'PUBLIC_HOLIDAY', code: other, retire: true, reason: 'Không có' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
        field: 'code',
      });
    });

    it('adds a press rule and ends another with its successor; rulings of the old days keep the old one', async () => {
      const today = provinceDay();
      const successor = await sut.edit(admin, {
        kind: 'PRESS_RULE',
        code: 'MXH_2019_D9',
        record: newRule({ effectiveFrom: dayAfter(today, 30) }),
        reason: 'Bổ sung điều khoản',
      });
      expect(successor.record).toMatchObject({ code: 'MXH_2019_D9', effectiveTo: null, successorCode: null, needsReview: false });
      const current = (await pressRules()).find((r) => r.code === 'DDNB_2017_D2')!;
      await sut.edit(admin, {
        kind: 'PRESS_RULE',
        code: 'DDNB_2017_D2',
        record: { ...current, effectiveTo: dayAfter(today, 29), successorCode: 'MXH_2019_D9' },
        reason: 'Điều khoản được thay thế',
      });
      expect((await pressRules()).map((r) => r.code)).toContain('DDNB_2017_D2');
      const later = (await pressRules(dayAfter(today, 30))).map((r) => r.code);
      expect(later).toContain('MXH_2019_D9');
      expect(later).not.toContain('DDNB_2017_D2');
      expect((await bed.audit('DDNB_2017_D2')).at(-1)).toMatchObject({
        targetType: 'press_rule',
        summary: { before: { effectiveTo: null }, after: { successorCode: 'MXH_2019_D9' } },
      });
    });

    it.each<[string, Record<string, unknown>, string, RegExp]>([
      ['a holiday on a day that does not exist', { kind: 'PUBLIC_HOLIDAY', code: '2031-02-30', record: { name: 'Không có' } }, 'code', /not a calendar day/],
      ['a holiday already past', { kind: 'PUBLIC_HOLIDAY', code: '2020-09-02', record: { name: 'Quốc khánh' } }, 'code', /is past/],
      ['a holiday without a name', { kind: 'PUBLIC_HOLIDAY', code: '2031-09-03', record: { name: ' ' } }, 'record', /name: must be a non-empty string/],
      [
        'a holiday with fields it has no place for',
        { kind: 'PUBLIC_HOLIDAY', code: '2031-09-03', record: { name: 'Nghỉ', paid: true } },
        'record',
        /Unknown public holiday fields: paid/,
      ],
      [
        'a holiday from a later day (it is its own day)',
        { kind: 'PUBLIC_HOLIDAY', code: '2031-09-03', validFrom: '2031-01-01', record: { name: 'Nghỉ' } },
        'validFrom',
        /takes effect today/,
      ],
      [
        'a date as the code of another kind',
        { kind: 'SECTOR', code: '2031-09-03', record: { name: 'Y tế', departmentAgencyCode: 'SYT' } },
        'code',
        /upper-case code/,
      ],
      [
        'a press rule ending before it starts',
        { kind: 'PRESS_RULE', code: 'MXH_2019_D10', record: newRule({ article: 'Điều 10', effectiveTo: '2016-01-01' }) },
        'record',
        /effectiveTo: is before effectiveFrom/,
      ],
      [
        'a press rule for an article already in force',
        { kind: 'PRESS_RULE', code: 'DDNB_2017_D2_BIS', record: newRule({ ruleSet: 'JOURNALIST_ETHICS', article: 'Điều 2' }) },
        'record',
        /already DDNB_2017_D2,/,
      ],
      [
        'a press rule of an unknown rule set',
        { kind: 'PRESS_RULE', code: 'MXH_2019_D11', record: newRule({ ruleSet: 'TABLOID', article: 'Điều 11' }) },
        'record',
        /unknown rule set "TABLOID"/,
      ],
      [
        'a press rule whose successor does not exist',
        { kind: 'PRESS_RULE', code: 'MXH_2019_D12', record: newRule({ article: 'Điều 12', successorCode: 'NO_SUCH' }) },
        'record',
        /unknown rule "NO_SUCH"/,
      ],
      ['retiring a press rule (rulings cite it)', { kind: 'PRESS_RULE', code: 'DDNB_2017_D1', retire: true }, 'retire', /effectiveTo/],
    ])('refuses %s (BAD_USER_INPUT on its field) and changes nothing', async (_name, request, field, message) => {
      const before = {
        rules: await pressRules(),
        holidays: await holidays(),
        history: await sut.history({ kind: request['kind'] as 'PRESS_RULE', code: request['code'] as string }),
      };
      await expect(sut.edit(admin, { reason: 'Thử sửa', ...request } as never)).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
        message: expect.stringMatching(message),
      });
      expect({
        rules: await pressRules(),
        holidays: await holidays(),
        history: await sut.history({ kind: request['kind'] as 'PRESS_RULE', code: request['code'] as string }),
      }).toEqual(before);
    });
  });
});
