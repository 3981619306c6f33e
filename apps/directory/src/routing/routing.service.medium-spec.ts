import { NoticeSubjects, provinceDay } from '@phoi-hop/contracts';
import { routeOn, contextOfSnapshot } from '@phoi-hop/routing';
import { FLOOD_RUMOUR } from '@phoi-hop/testing';
import { seedRoutingSnapshot } from '@phoi-hop/testing-medium';
import { createDirectoryTestbed, type DirectoryTestbed } from '../app/directory.medium-testbed';
import { RoutingService } from './routing.service';

describe(RoutingService.name, () => {
  let bed: DirectoryTestbed;
  let sut: RoutingService;
  const flood = { categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY', text: FLOOD_RUMOUR };

  beforeAll(async () => {
    bed = await createDirectoryTestbed();
    sut = bed.get(RoutingService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  describe('route', () => {
    it('names the lead and the participants of Đ6 for a case, with the category’s severity and the SLA it keeps', async () => {
      const answer = await sut.route(flood);
      expect(answer.participants[0]).toMatchObject({ agencyCode: 'STTTT', role: 'LEAD' });
      expect(answer.participants.map((p) => p.agencyCode)).toEqual(expect.arrayContaining(['CA', 'UBND_LE_THUY']));
      expect(answer).toMatchObject({ referenceVersion: 0, category: { code: 'FALSE_INFO_PANIC' } });
      expect(answer.sla.HIGH.triageHours).toBeGreaterThan(0);
    });

    it('refuses unknown codes as BAD_USER_INPUT on their field', async () => {
      await expect(sut.route({ ...flood, categoryCode: 'NO_SUCH' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'categoryCode' });
      await expect(sut.route({ ...flood, localityCode: 'ATLANTIS' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'localityCode' });
      await expect(sut.route({ ...flood, sectorCode: 'NO_SUCH' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'sectorCode' });
    });
  });

  describe('explain', () => {
    it('tells for every rule whether it matched and why, with the same participants as route', async () => {
      const explained = await sut.explain(flood);
      expect(explained.asOf).toBe(provinceDay());
      expect(explained.participants).toEqual((await sut.route(flood)).participants);
      const lead = explained.rules.find((r) => r.ruleId === 'D6_1_LEAD')!;
      expect(lead).toMatchObject({ matched: true, agencyCode: 'STTTT' });
      const press = explained.rules.find((r) => r.ruleId === 'D6_3_PRESS')!;
      expect(press).toMatchObject({ matched: false, agencyCode: null });
      expect(press.reason.length).toBeGreaterThan(0);
    });
  });

  describe('referenceDataOn', () => {
    it('serves the reference data in force on a day, as a front end lists it', async () => {
      const data = await sut.referenceDataOn();
      expect(data).toMatchObject({ day: provinceDay(), version: 0 });
      expect(data.categories.map((c) => c.code)).toEqual(expect.arrayContaining(['FALSE_INFO_PANIC', 'GRIEVANCE']));
      // Only provisions in force that day: the Cybersecurity Law of 2018 gave way to its successor on 2026-07-01.
      const panic = data.categories.find((c) => c.code === 'FALSE_INFO_PANIC')!;
      expect(panic.legalBases.every((b) => (!b.effectiveFrom || b.effectiveFrom <= data.day) && (!b.effectiveTo || data.day <= b.effectiveTo))).toBe(true);
      const before = await sut.referenceDataOn('2026-06-30');
      expect(before.categories.find((c) => c.code === 'FALSE_INFO_PANIC')!.legalBases.map((b) => b.code)).toContain('LANM_2018_D8_1D');
      const after = await sut.referenceDataOn('2026-07-01');
      expect(after.categories.find((c) => c.code === 'FALSE_INFO_PANIC')!.legalBases.map((b) => b.code)).not.toContain('LANM_2018_D8_1D');
      expect(data.localities.map((l) => l.code)).toContain('LE_THUY');
      expect(data.agencies.map((a) => a.code)).toEqual(expect.arrayContaining(['STTTT', 'CA']));
      expect(data.rules.map((r) => r.id)).toContain('D6_1_LEAD');
      expect(data.sla.HIGH.triageHours).toBeGreaterThan(0);
    });
  });

  describe('changed and invalidate', () => {
    it('changed: after this replica’s edit, reloads at once and tells every other cache', async () => {
      await bed.dataSource.query(`UPDATE sector SET department_agency_code = 'STTTT' WHERE code = 'EDUCATION'`);
      const published = bed.notices.published.length;
      sut.changed();
      expect(bed.notices.published.slice(published)).toEqual([NoticeSubjects.directoryChanged]);
      expect((await sut.snapshotOn()).sectors.find((s) => s.code === 'EDUCATION')!.departmentAgencyCode).toBe('STTTT');
      await bed.dataSource.query(`UPDATE sector SET department_agency_code = 'SGDDT' WHERE code = 'EDUCATION'`);
      sut.invalidate();
    });

    it('invalidate: forgets the snapshot without telling anyone', async () => {
      await sut.snapshotOn();
      await bed.dataSource.query(`UPDATE sector SET department_agency_code = 'STTTT' WHERE code = 'TRADE'`);
      const published = bed.notices.published.length;
      sut.invalidate();
      expect(bed.notices.published).toHaveLength(published);
      expect((await sut.snapshotOn()).sectors.find((s) => s.code === 'TRADE')!.departmentAgencyCode).toBe('STTTT');
      await bed.dataSource.query(`UPDATE sector SET department_agency_code = 'SCT' WHERE code = 'TRADE'`);
      sut.invalidate();
    });
  });

  describe('snapshotOn', () => {
    it('serves the reference data so that routing with it elsewhere gives the directory’s answer', async () => {
      const snapshot = await sut.snapshotOn();
      expect(snapshot).toMatchObject({ day: provinceDay(), version: 0 });
      expect(routeOn(flood, contextOfSnapshot(snapshot))).toEqual(await sut.route(flood));
      // The seed read from its files (as other services' tests do) is the same data as seeded in the schema.
      expect(routeOn(flood, contextOfSnapshot(seedRoutingSnapshot()))).toEqual(await sut.route(flood));
    });

    it('is reloaded when another replica announces a change', async () => {
      const before = await sut.snapshotOn();
      await bed.dataSource.query(`UPDATE sector SET department_agency_code = 'STTTT' WHERE code = 'HEALTH'`);
      expect((await sut.snapshotOn()).sectors.find((s) => s.code === 'HEALTH')!.departmentAgencyCode).toBe(
        before.sectors.find((s) => s.code === 'HEALTH')!.departmentAgencyCode,
      );
      bed.notices.publish(NoticeSubjects.directoryChanged);
      expect((await sut.snapshotOn()).sectors.find((s) => s.code === 'HEALTH')!.departmentAgencyCode).toBe('STTTT');
      await bed.dataSource.query(`UPDATE sector SET department_agency_code = 'SYT' WHERE code = 'HEALTH'`);
      bed.notices.publish(NoticeSubjects.directoryChanged);
    });
  });
});
