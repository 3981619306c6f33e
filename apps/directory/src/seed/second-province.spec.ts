import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { routeCase } from '@phoi-hop/routing';
import { loadSeedFolder } from './seed-loader';

/** Another province is another data folder, with no code change (everything province-specific is data). */
describe('a second province from its own seed folder', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'province-'));
  const write = (name: string, data: unknown) => writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(data));
  const agency = (code: string, name: string, kind: string, localityCode: string | null = null) => ({
    code, name, shortName: null, kind, parentCode: null, localityCode, validFrom: '2025-07-01', validTo: null, successorCode: null,
  });
  write('province', {
      code: 'QUANG_TRI',
      name: 'Tỉnh Quảng Trị',
      caseNumberPrefix: 'QT',
      sla: Object.fromEntries(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'].map((s, i) => [s, { triageHours: 48 / (i + 1), decisionHours: 240 / (i + 1) }])),
    });
  write('agencies', [
    agency('SKHCN_QT', 'Sở Khoa học và Công nghệ', 'DEPARTMENT'),
    agency('CA_QT', 'Công an tỉnh Quảng Trị', 'POLICE'),
    agency('SYT_QT', 'Sở Y tế', 'DEPARTMENT'),
    agency('UBND_XA_CUA_VIET', 'UBND xã Cửa Việt', 'PEOPLES_COMMITTEE', 'CUA_VIET'),
  ]);
  write('localities', [{ code: 'CUA_VIET', name: 'Xã Cửa Việt', kind: 'DISTRICT', committeeAgencyCode: 'UBND_XA_CUA_VIET' }]);
  write('sectors', [{ code: 'HEALTH', name: 'Y tế', departmentAgencyCode: 'SYT_QT' }]);
  write('categories', [
    { code: 'IMPERSONATION_SCAM', name: 'Mạo danh, lừa đảo', defaultSeverity: 'HIGH', tags: ['fraud'], legalBases: [] },
    { code: 'GRIEVANCE', name: 'Phản ánh của người dân', defaultSeverity: 'LOW', tags: [], legalBases: [] },
  ]);
  write('rules', [
    // After the 2025 merger the lead for online information is the science and technology department.
    { id: 'LEAD', article: 'Đ6.1', when: { always: true }, target: { agency: 'SKHCN_QT' }, role: 'LEAD' },
    { id: 'POLICE', article: 'Đ6.2', when: { categoryTagsAny: ['fraud'] }, target: { agency: 'CA_QT' }, role: 'PARTICIPANT' },
    { id: 'LOCAL', article: 'Đ6.7', when: {}, target: { localityCommittee: true }, role: 'PARTICIPANT' },
    { id: 'SECTOR', article: 'Đ6.7', when: {}, target: { sectorDepartment: true }, role: 'PARTICIPANT' },
  ]);
  write('users', [{ username: 'skhcn.lead', displayName: 'Điều phối viên', agencyCode: 'SKHCN_QT', roles: ['COORDINATOR'] }]);

  it('loads and routes with its own agencies and rules', () => {
    const seed = loadSeedFolder(dir);
    const ctx = {
      rules: seed.rules,
      categories: new Map(seed.categories.map((c) => [c.code, c])),
      localities: new Map(seed.localities.map((l) => [l.code, l])),
      sectors: new Map(seed.sectors.map((s) => [s.code, s])),
      agencies: new Map(seed.agencies.map((a) => [a.code, a])),
      at: new Date('2026-11-01'),
    };
    expect(routeCase({ categoryCode: 'IMPERSONATION_SCAM', localityCode: 'CUA_VIET' }, ctx).map((p) => `${p.agencyCode}:${p.role}`)).toEqual([
      'SKHCN_QT:LEAD',
      'CA_QT:PARTICIPANT',
      'UBND_XA_CUA_VIET:PARTICIPANT',
    ]);
    expect(routeCase({ categoryCode: 'GRIEVANCE', sectorCode: 'HEALTH' }, ctx).map((p) => p.agencyCode)).toEqual(['SKHCN_QT', 'SYT_QT']);
  });
});
