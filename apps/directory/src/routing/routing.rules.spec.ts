import { defaultSeedDir, loadSeedFolder } from '../seed/seed-loader';
import type { ProvinceSeed } from '../seed/seed.types';
import { RoutingError, explainRouting, findKeyword, routeCase, type RoutingContext } from './routing.rules';

function contextOf(seed: ProvinceSeed, at = new Date('2026-11-01')): RoutingContext {
  return {
    rules: seed.rules,
    categories: new Map(seed.categories.map((c) => [c.code, c])),
    localities: new Map(seed.localities.map((l) => [l.code, l])),
    sectors: new Map(seed.sectors.map((s) => [s.code, s])),
    agencies: new Map(seed.agencies.map((a) => [a.code, a])),
    at,
  };
}

describe('routeCase on the Quảng Bình seed', () => {
  const seed = loadSeedFolder(defaultSeedDir());
  const ctx = contextOf(seed);
  const summary = (input: Parameters<typeof routeCase>[0]) => routeCase(input, ctx).map((p) => `${p.agencyCode}:${p.role}:${p.basis}`);

  it('puts Sở TT&TT in the lead and the police on a scam (Đ6.1, Đ6.2)', () => {
    expect(summary({ categoryCode: 'IMPERSONATION_SCAM' })).toEqual(['STTTT:LEAD:Đ6.1', 'CA:PARTICIPANT:Đ6.2']);
  });

  it('routes a Lệ Thủy flood rumour to the district committee and the agriculture department (Đ6.7, Đ7.2)', () => {
    expect(summary({ categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY', sectorCode: 'AGRICULTURE' })).toEqual([
      'STTTT:LEAD:Đ6.1',
      'CA:PARTICIPANT:Đ6.2',
      'SNNPTNT:PARTICIPANT:Đ6.7; Đ7.2',
      'UBND_LE_THUY:PARTICIPANT:Đ6.7; Đ7.2',
    ]);
  });

  it('keeps the police out of a citizen grievance', () => {
    expect(summary({ categoryCode: 'GRIEVANCE', localityCode: 'DONG_HOI', sectorCode: 'HEALTH' })).toEqual([
      'STTTT:LEAD:Đ6.1',
      'SYT:PARTICIPANT:Đ6.7; Đ7.2',
      'UBND_DONG_HOI:PARTICIPANT:Đ6.7; Đ7.2',
    ]);
  });

  it('brings in Ban Tuyên giáo and Ban Nội chính on anti-State content (Đ6.4, Đ6.5)', () => {
    expect(routeCase({ categoryCode: 'ANTI_STATE' }, ctx).map((p) => p.agencyCode)).toEqual(['STTTT', 'BNC', 'BTG', 'CA']);
  });

  it('brings in Hội Nhà báo when the text names a journalist (Đ6.3), and Ban Nội chính on corruption (Đ6.5)', () => {
    const press = routeCase({ categoryCode: 'DEFAMATION', text: 'Phóng viên báo X bị tố nhận tiền để đăng bài sai sự thật' }, ctx);
    expect(press.find((p) => p.agencyCode === 'HNB')).toMatchObject({ role: 'PARTICIPANT', basis: 'Đ6.3' });
    const corruption = routeCase({ categoryCode: 'OTHER', text: 'Cán bộ xã NHAN HOI LO khi cấp sổ đỏ' }, ctx);
    expect(corruption.find((p) => p.agencyCode === 'BNC')).toMatchObject({ basis: 'Đ6.5' });
    expect(routeCase({ categoryCode: 'OTHER', text: 'Báo cáo tình hình lũ lụt trong ngày' }, ctx).map((p) => p.agencyCode)).toEqual(['STTTT']);
  });

  it('matches keywords without diacritics or case, on word boundaries', () => {
    expect(findKeyword('Một NHÀ BÁO đã viết', ['nhà báo'])).toBe('nhà báo');
    expect(findKeyword('mot nha bao da viet', ['nhà báo'])).toBe('nhà báo');
    expect(findKeyword('nhà bảo vệ rừng', ['nhà báo'])).toBeNull();
    expect(findKeyword('thamnhũng', ['tham nhũng'])).toBeNull();
    expect(findKeyword(null, ['tham nhũng'])).toBeNull();
  });

  it('merges rules that name the same agency, keeping the strongest role and every article', () => {
    // The sector of Sở TT&TT itself: LEAD by Đ6.1, and named again by Đ6.7.
    const [lead] = routeCase({ categoryCode: 'OTHER', sectorCode: 'INFORMATION_COMMUNICATIONS' }, ctx);
    expect(lead).toEqual({ agencyCode: 'STTTT', role: 'LEAD', basis: 'Đ6.1; Đ6.7; Đ7.2', ruleIds: ['D6_1_LEAD', 'D6_7_SECTOR'] });
  });

  it('routes to the successor of an agency retired before the case', () => {
    const merged = structuredClone(seed);
    const old = merged.agencies.find((a) => a.code === 'SNNPTNT')!;
    old.validTo = '2025-02-28';
    old.successorCode = 'STNMT';
    const participants = routeCase({ categoryCode: 'OTHER', sectorCode: 'AGRICULTURE' }, contextOf(merged)).map((p) => p.agencyCode);
    expect(participants).toEqual(['STTTT', 'STNMT']);
    // Before the reorganisation the old department is still the one responsible.
    expect(routeCase({ categoryCode: 'OTHER', sectorCode: 'AGRICULTURE' }, contextOf(merged, new Date('2024-06-01'))).map((p) => p.agencyCode)).toEqual(['STTTT', 'SNNPTNT']);
  });

  it('refuses unknown codes naming the field', () => {
    expect(() => routeCase({ categoryCode: 'NOPE' }, ctx)).toThrow(expect.objectContaining({ code: 'UNKNOWN_CATEGORY', field: 'categoryCode' }));
    expect(() => routeCase({ categoryCode: 'OTHER', localityCode: 'HUE' }, ctx)).toThrow(RoutingError);
    expect(() => routeCase({ categoryCode: 'OTHER', sectorCode: 'NOPE' }, ctx)).toThrow(expect.objectContaining({ field: 'sectorCode' }));
  });

  it('explains every rule, matched or not', () => {
    const explanation = explainRouting({ categoryCode: 'GRIEVANCE', localityCode: 'LE_THUY' }, ctx);
    expect(explanation.map((e) => e.ruleId)).toEqual(seed.rules.map((r) => r.id));
    expect(explanation.find((e) => e.ruleId === 'D6_2_POLICE')).toMatchObject({ matched: false, reason: expect.stringContaining('none of the tags') });
    expect(explanation.find((e) => e.ruleId === 'D6_7_LOCALITY')).toMatchObject({ matched: true, agencyCode: 'UBND_LE_THUY' });
    expect(explanation.find((e) => e.ruleId === 'D6_7_SECTOR')).toMatchObject({ matched: false, reason: 'the case has no sector' });
  });
});
