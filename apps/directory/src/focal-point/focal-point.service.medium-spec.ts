import { actorOf } from '@phoi-hop/testing-medium';
import { createDirectoryTestbed, type DirectoryTestbed } from '../app/directory.medium-testbed';
import { FocalPointService } from './focal-point.service';

describe(FocalPointService.name, () => {
  let bed: DirectoryTestbed;
  let sut: FocalPointService;
  const admin = actorOf({ username: 'admin', agencyCode: 'STTTT', roles: ['ADMIN'] });

  beforeAll(async () => {
    bed = await createDirectoryTestbed();
    sut = bed.get(FocalPointService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  describe('set and list', () => {
    it('adds focal points with a deputy of the same agency and changes them, each on the record', async () => {
      const chief = await sut.set(admin, { agencyCode: 'SYT', displayName: 'Lê Thị C', title: 'Phó Giám đốc Sở', workEmail: 'LETHIC@syt.quangbinh.gov.vn' });
      const deputy = await sut.set(admin, { agencyCode: 'SYT', displayName: 'Phan Văn D', title: 'Chánh Văn phòng Sở', workPhone: '0232 3822 111' });
      expect(chief).toMatchObject({ workEmail: 'lethic@syt.quangbinh.gov.vn', active: true });
      const changed = await sut.set(admin, { id: chief.id, agencyCode: 'SYT', displayName: 'Lê Thị C', title: 'Giám đốc Sở', deputyId: deputy.id });
      expect(changed).toMatchObject({ id: chief.id, title: 'Giám đốc Sở', deputyId: deputy.id });
      expect((await sut.list('SYT')).map((f) => f.displayName)).toEqual(['Lê Thị C', 'Phan Văn D']);
      expect(await sut.list('CA')).toEqual([]);
      const audit = await bed.audit('SYT');
      expect(audit.map((a) => a.action)).toEqual(['focal-point.added', 'focal-point.added', 'focal-point.changed']);
      expect(audit[2]!.summary).toMatchObject({ focalPointId: chief.id, before: { title: 'Phó Giám đốc Sở' }, after: { title: 'Giám đốc Sở' } });
    });

    it('refuses an unknown agency, a focal point of another agency, and a foreign or self deputy', async () => {
      const own = await sut.set(admin, { agencyCode: 'SGDDT', displayName: 'Võ Văn E', title: 'Phó Giám đốc Sở' });
      const foreign = await sut.set(admin, { agencyCode: 'SCT', displayName: 'Đỗ Thị F', title: 'Chánh Văn phòng' });
      await expect(sut.set(admin, { agencyCode: 'NO_SUCH', displayName: 'X Y', title: 'Z' })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'agencyCode',
      });
      await expect(sut.set(admin, { id: foreign.id, agencyCode: 'SGDDT', displayName: 'Đỗ Thị F', title: 'Chánh Văn phòng' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
        field: 'id',
      });
      await expect(
        sut.set(admin, { id: own.id, agencyCode: 'SGDDT', displayName: 'Võ Văn E', title: 'Phó Giám đốc Sở', deputyId: foreign.id }),
      ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'deputyId' });
      await expect(
        sut.set(admin, { id: own.id, agencyCode: 'SGDDT', displayName: 'Võ Văn E', title: 'Phó Giám đốc Sở', deputyId: own.id }),
      ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'deputyId' });
      expect((await sut.list('SGDDT'))[0]).toMatchObject({ deputyId: null });
    });
  });
});
