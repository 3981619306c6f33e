import { EventSubjects, NoticeSubjects, provinceDay } from '@phoi-hop/contracts';
import { actorOf } from '@phoi-hop/testing-medium';
import { createDirectoryTestbed, type DirectoryTestbed } from '../app/directory.medium-testbed';
import { RoutingService } from '../routing/routing.service';
import { AgencyService } from './agency.service';

describe(AgencyService.name, () => {
  let bed: DirectoryTestbed;
  let sut: AgencyService;
  const admin = actorOf({ username: 'admin', agencyCode: 'STTTT', roles: ['ADMIN'] });

  beforeAll(async () => {
    bed = await createDirectoryTestbed();
    sut = bed.get(AgencyService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  describe('list and getMany', () => {
    it('lists the seeded agencies by code, and gives the ones asked for (unknown codes left out)', async () => {
      const all = await sut.list();
      expect(all.map((a) => a.code)).toEqual([...all.map((a) => a.code)].sort());
      expect(all.map((a) => a.code)).toEqual(expect.arrayContaining(['STTTT', 'CA', 'UBND_LE_THUY', 'VP_UBND']));
      const some = await sut.getMany(['CA', 'STTTT', 'CA', 'NO_SUCH']);
      expect(some.map((a) => a.code).sort()).toEqual(['CA', 'STTTT']);
      expect(await sut.getMany([])).toEqual([]);
    });
  });

  describe('reorganize', () => {
    it('merges two departments into a new one from a date: retired, evented, audited, and routing follows at once', async () => {
      const today = provinceDay();
      const routing = bed.get(RoutingService);
      const agricultural = { categoryCode: 'FALSE_INFO_ECONOMIC', sectorCode: 'AGRICULTURE', text: 'Giá lúa giảm mạnh' };
      expect((await routing.route(agricultural)).participants.map((p) => p.agencyCode)).toContain('SNNPTNT');
      const result = await sut.reorganize(admin, {
        effectiveDate: today,
        retire: ['SNNPTNT', 'STNMT'],
        successorCode: 'SNNMT',
        newSuccessor: { name: 'Sở Nông nghiệp và Môi trường', kind: 'DEPARTMENT', parentCode: 'UBND_TINH' },
        reason: 'Hợp nhất sở theo quyết định năm 2025',
      });
      expect(result.retired.map((a) => `${a.code}→${a.successorCode}`).sort()).toEqual(['SNNPTNT→SNNMT', 'STNMT→SNNMT']);
      expect(result.retired.every((a) => a.validTo !== null && a.validTo < today)).toBe(true);
      expect(result.successor).toMatchObject({ code: 'SNNMT', validFrom: today });
      expect((await bed.outbox('SNNMT')).at(-1)).toMatchObject({
        subject: EventSubjects.directory.agenciesReorganized,
        data: { retired: ['SNNPTNT', 'STNMT'], successorCode: 'SNNMT' },
      });
      expect((await bed.audit('SNNMT')).at(-1)).toMatchObject({ action: 'agency.reorganized', summary: { created: true } });
      expect(bed.notices.published).toContain(NoticeSubjects.directoryChanged);
      // The sector's department is now the successor (Đ6.7), without waiting for the snapshot to expire.
      const after = (await routing.route(agricultural)).participants.map((p) => p.agencyCode);
      expect(after).toContain('SNNMT');
      expect(after).not.toContain('SNNPTNT');
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['an agency listed twice', { retire: ['SYT', 'SYT'], successorCode: 'STTTT' }, 'retire'],
      ['an unknown agency', { retire: ['NO_SUCH'], successorCode: 'STTTT' }, 'retire'],
      ['an agency succeeding itself', { retire: ['SYT'], successorCode: 'SYT' }, 'successorCode'],
      ['an unknown successor without its description', { retire: ['SYT'], successorCode: 'SYT_MOI' }, 'successorCode'],
      [
        'a description of a successor that exists',
        { retire: ['SYT'], successorCode: 'STTTT', newSuccessor: { name: 'Sở mới', kind: 'DEPARTMENT' } },
        'newSuccessor',
      ],
    ])('refuses %s (BAD_USER_INPUT on its field) and changes nothing', async (_name, change, field) => {
      const before = await sut.list();
      await expect(
        sut.reorganize(admin, { effectiveDate: provinceDay(), reason: 'Thử sắp xếp', retire: [], successorCode: '', ...change }),
      ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await sut.list()).toEqual(before);
    });
  });
});
