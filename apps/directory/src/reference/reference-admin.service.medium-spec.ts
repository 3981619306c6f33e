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
});
