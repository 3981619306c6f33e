import { defaultSeedDir, loadSeedFolder } from './seed-loader';
import type { ProvinceSeed, SeedAgency, SeedRule } from './seed.types';
import { provinceDay } from '@phoi-hop/contracts';
import { RoutingError, contextOfSnapshot, explainRouting, findKeyword, routeCase, routeOn, snapshotOfContext, type RoutingContext, type RoutingSnapshot } from '@phoi-hop/routing';

function contextOf(seed: ProvinceSeed, at = new Date('2026-11-01T03:00:00Z')): RoutingContext {
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
  const summary = (input: Parameters<typeof routeCase>[0], context = ctx) => routeCase(input, context).map((p) => `${p.agencyCode}:${p.role}:${p.basis}`);

  it('puts Sở TT&TT in the lead and the police on a scam (Đ6.1, Đ6.2)', () => {
    expect(routeCase({ categoryCode: 'IMPERSONATION_SCAM' }, ctx)).toEqual([
      { agencyCode: 'STTTT', role: 'LEAD', basis: 'Đ6.1', ruleIds: ['D6_1_LEAD'] },
      { agencyCode: 'CA', role: 'PARTICIPANT', basis: 'Đ6.2', ruleIds: ['D6_2_POLICE'] },
    ]);
  });

  it('routes a Lệ Thủy flood rumour to the police, the district committee and the agriculture department', () => {
    // Panic during a flood is a public-order matter ("trật tự an toàn xã hội", Đ6.2): the category is
    // tagged public-order, so the police take part; the locality and the sector bring in Đ6.7 / Đ7.2.
    expect(summary({ categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY', sectorCode: 'AGRICULTURE' })).toEqual([
      'STTTT:LEAD:Đ6.1',
      'CA:PARTICIPANT:Đ6.2',
      'SNNPTNT:PARTICIPANT:Đ6.7; Đ7.2',
      'UBND_LE_THUY:PARTICIPANT:Đ6.7; Đ7.2',
    ]);
  });

  it('applies a rule on severity to the severity given, or else the category’s default', () => {
    const critical: SeedRule = { id: 'CRITICAL_INFORM', article: 'Đ7.1', description: 'Vụ việc đặc biệt nghiêm trọng báo cáo UBND tỉnh', when: { severitiesAny: ['CRITICAL'] }, target: { agency: 'VP_UBND' }, role: 'INFORMED' };
    const withRule = { ...ctx, rules: [...seed.rules, critical] };
    expect(summary({ categoryCode: 'FALSE_INFO_PANIC', severity: 'CRITICAL' }, withRule)).toContain('VP_UBND:INFORMED:Đ7.1');
    expect(summary({ categoryCode: 'FALSE_INFO_PANIC' }, withRule)).not.toContain('VP_UBND:INFORMED:Đ7.1');
    expect(explainRouting({ categoryCode: 'FALSE_INFO_PANIC' }, withRule).find((r) => r.ruleId === 'CRITICAL_INFORM')).toMatchObject({ matched: false, reason: expect.stringContaining('severity HIGH is not one of CRITICAL') });
  });

  it('keeps the police out of a citizen grievance', () => {
    expect(summary({ categoryCode: 'GRIEVANCE', localityCode: 'DONG_HOI', sectorCode: 'HEALTH' })).toEqual([
      'STTTT:LEAD:Đ6.1',
      'SYT:PARTICIPANT:Đ6.7; Đ7.2',
      'UBND_DONG_HOI:PARTICIPANT:Đ6.7; Đ7.2',
    ]);
  });

  it('brings in the police on a leak of personal data, not on a dispute about honour', () => {
    expect(routeCase({ categoryCode: 'PRIVACY_LEAK' }, ctx).map((p) => p.agencyCode)).toEqual(['STTTT', 'CA']);
    expect(routeCase({ categoryCode: 'DEFAMATION' }, ctx).map((p) => p.agencyCode)).toEqual(['STTTT']);
  });

  it('brings in Ban Tuyên giáo and Ban Nội chính on political security (Đ6.4, Đ6.5)', () => {
    expect(summary({ categoryCode: 'ANTI_STATE' })).toEqual(['STTTT:LEAD:Đ6.1', 'BNC:PARTICIPANT:Đ6.5', 'BTG:PARTICIPANT:Đ6.4', 'CA:PARTICIPANT:Đ6.2']);
    expect(routeCase({ categoryCode: 'INCITEMENT_VIOLENCE' }, ctx).map((p) => p.agencyCode)).toEqual(['STTTT', 'BNC', 'CA']);
    expect(routeCase({ categoryCode: 'HATE_DISCRIMINATION' }, ctx).map((p) => p.agencyCode)).toEqual(['STTTT', 'BTG', 'CA']);
  });

  it('brings in Hội Nhà báo when the text names a journalist (Đ6.3), and Ban Nội chính on corruption (Đ6.5)', () => {
    const press = routeCase({ categoryCode: 'DEFAMATION', text: 'Phóng viên báo X bị tố nhận tiền để đăng bài sai sự thật' }, ctx);
    expect(press.find((p) => p.agencyCode === 'HNB')).toMatchObject({ role: 'PARTICIPANT', basis: 'Đ6.3' });
    const corruption = routeCase({ categoryCode: 'OTHER', text: 'Cán bộ xã NHAN HOI LO khi cấp sổ đỏ' }, ctx);
    expect(corruption.find((p) => p.agencyCode === 'BNC')).toMatchObject({ basis: 'Đ6.5' });
    expect(routeCase({ categoryCode: 'OTHER', text: 'Báo cáo tình hình lũ lụt trong ngày' }, ctx).map((p) => p.agencyCode)).toEqual(['STTTT']);
    // "tiêu cực" alone usually just means "negative": not a reason to bring in Ban Nội chính.
    expect(routeCase({ categoryCode: 'OTHER', text: 'Tin đồn gây ảnh hưởng tiêu cực đến du lịch' }, ctx).map((p) => p.agencyCode)).toEqual(['STTTT']);
  });

  it('matches keywords without diacritics or case, on word boundaries', () => {
    expect(findKeyword('Một NHÀ BÁO đã viết', ['nhà báo'])).toBe('nhà báo');
    expect(findKeyword('mot nha bao da viet', ['nhà báo'])).toBe('nhà báo');
    expect(findKeyword('nhà bảo vệ rừng', ['nhà báo'])).toBeNull();
    expect(findKeyword('thamnhũng', ['tham nhũng'])).toBeNull();
    expect(findKeyword(null, ['tham nhũng'])).toBeNull();
  });

  it('merges rules that name the same agency, keeping the strongest role and every article once', () => {
    // The sector of Sở TT&TT itself: LEAD by Đ6.1, and named again by Đ6.7.
    const [lead] = routeCase({ categoryCode: 'OTHER', sectorCode: 'INFORMATION_COMMUNICATIONS' }, ctx);
    expect(lead).toEqual({ agencyCode: 'STTTT', role: 'LEAD', basis: 'Đ6.1; Đ6.7; Đ7.2', ruleIds: ['D6_1_LEAD', 'D6_7_SECTOR'] });
    // The police named twice, first as INFORMED: PARTICIPANT wins, the article appears once.
    const informed: SeedRule = { id: 'D7_1_POLICE_INFORMED', article: 'Đ7.1', when: { categoriesAny: ['IMPERSONATION_SCAM'] }, target: { agency: 'CA' }, role: 'INFORMED' };
    const again: SeedRule = { id: 'D6_2_AGAIN', article: 'Đ6.2', when: {}, target: { agency: 'CA' }, role: 'PARTICIPANT' };
    const rules = [seed.rules[0]!, informed, ...seed.rules.slice(1), again];
    expect(routeCase({ categoryCode: 'IMPERSONATION_SCAM' }, { ...ctx, rules }).find((p) => p.agencyCode === 'CA')).toEqual({
      agencyCode: 'CA',
      role: 'PARTICIPANT',
      basis: 'Đ7.1; Đ6.2',
      ruleIds: ['D7_1_POLICE_INFORMED', 'D6_2_POLICE', 'D6_2_AGAIN'],
    });
  });

  it('orders LEAD, then PARTICIPANT, then INFORMED, each by agency code', () => {
    const informed = (code: string): SeedRule => ({ id: `INFORM_${code}`, article: 'Đ7.1', when: {}, target: { agency: code }, role: 'INFORMED' });
    const rules = [informed('VP_UBND'), informed('BAO_QB'), ...seed.rules];
    expect(summary({ categoryCode: 'GRIEVANCE', localityCode: 'BA_DON', sectorCode: 'EDUCATION' }, { ...ctx, rules })).toEqual([
      'STTTT:LEAD:Đ6.1',
      'SGDDT:PARTICIPANT:Đ6.7; Đ7.2',
      'UBND_BA_DON:PARTICIPANT:Đ6.7; Đ7.2',
      'BAO_QB:INFORMED:Đ7.1',
      'VP_UBND:INFORMED:Đ7.1',
    ]);
  });

  describe('reorganised agencies', () => {
    const retire = (s: ProvinceSeed, code: string, changes: Partial<SeedAgency>) => Object.assign(s.agencies.find((a) => a.code === code)!, changes);

    it('routes to the successor of an agency retired before the case, and to the agency itself before that', () => {
      const merged = structuredClone(seed);
      retire(merged, 'SNNPTNT', { validTo: '2025-02-28', successorCode: 'STNMT' });
      expect(routeCase({ categoryCode: 'OTHER', sectorCode: 'AGRICULTURE' }, contextOf(merged))).toEqual([
        expect.objectContaining({ agencyCode: 'STTTT' }),
        { agencyCode: 'STNMT', role: 'PARTICIPANT', basis: 'Đ6.7; Đ7.2', ruleIds: ['D6_7_SECTOR'] },
      ]);
      expect(routeCase({ categoryCode: 'OTHER', sectorCode: 'AGRICULTURE' }, contextOf(merged, new Date('2024-06-01'))).map((p) => p.agencyCode)).toEqual(['STTTT', 'SNNPTNT']);
      const sector = explainRouting({ categoryCode: 'OTHER', sectorCode: 'AGRICULTURE' }, contextOf(merged)).find((e) => e.ruleId === 'D6_7_SECTOR');
      expect(sector).toMatchObject({ ruleId: 'D6_7_SECTOR', matched: true, agencyCode: 'STNMT', reason: expect.stringContaining('successor of SNNPTNT') });
    });

    it('follows a chain of successors to the one valid on the day', () => {
      const merged = structuredClone(seed);
      // A fictitious merged district, itself abolished later: Lệ Thủy's committee → merged district → province.
      merged.agencies.push({ code: 'UBND_NAM_QB', name: 'UBND huyện Nam Quảng Bình', kind: 'PEOPLES_COMMITTEE', parentCode: 'UBND_TINH', localityCode: null, validFrom: '2025-03-01', validTo: '2025-06-30', successorCode: 'UBND_TINH' });
      retire(merged, 'UBND_LE_THUY', { validTo: '2025-02-28', successorCode: 'UBND_NAM_QB' });
      expect(summary({ categoryCode: 'GRIEVANCE', localityCode: 'LE_THUY' }, contextOf(merged))).toEqual(['STTTT:LEAD:Đ6.1', 'UBND_TINH:PARTICIPANT:Đ6.7; Đ7.2']);
      expect(routeCase({ categoryCode: 'GRIEVANCE', localityCode: 'LE_THUY' }, contextOf(merged, new Date('2025-05-01'))).map((p) => p.agencyCode)).toEqual(['STTTT', 'UBND_NAM_QB']);
    });

    it('drops a rule whose agency has no valid successor, even in a cycle, and says why', () => {
      const broken = structuredClone(seed);
      retire(broken, 'SYT', { validTo: '2025-02-28', successorCode: 'SGDDT' });
      retire(broken, 'SGDDT', { validTo: '2025-02-28', successorCode: 'SYT' });
      expect(routeCase({ categoryCode: 'GRIEVANCE', sectorCode: 'HEALTH' }, contextOf(broken)).map((p) => p.agencyCode)).toEqual(['STTTT']);
      expect(explainRouting({ categoryCode: 'GRIEVANCE', sectorCode: 'HEALTH' }, contextOf(broken)).find((e) => e.ruleId === 'D6_7_SECTOR')).toMatchObject({
        matched: false,
        agencyCode: null,
        reason: 'agency SYT is not valid on 2026-11-01 and has no valid successor',
        reasonCode: 'AGENCY_NOT_VALID',
        params: { agency: 'SYT', day: '2026-11-01' },
      });
    });

    it('judges validity on the calendar day in Vietnam (UTC+7), not in UTC', () => {
      const merged = structuredClone(seed);
      retire(merged, 'SNNPTNT', { validTo: '2025-02-28', successorCode: 'STNMT' });
      const at = (instant: string) => routeCase({ categoryCode: 'OTHER', sectorCode: 'AGRICULTURE' }, contextOf(merged, new Date(instant)))[1]!.agencyCode;
      expect(at('2025-02-28T16:59:59Z')).toBe('SNNPTNT'); // 23:59:59 on 28/02 in Quảng Bình
      expect(at('2025-02-28T17:00:00Z')).toBe('STNMT'); // 00:00 on 01/03 in Quảng Bình, still 28/02 in UTC
      expect(provinceDay(new Date('2025-12-31T17:30:00Z'))).toBe('2026-01-01');
    });
  });

  it('refuses unknown codes naming the field', () => {
    expect(() => routeCase({ categoryCode: 'NOPE' }, ctx)).toThrow(expect.objectContaining({ code: 'UNKNOWN_CATEGORY', field: 'categoryCode' }));
    expect(() => routeCase({ categoryCode: 'OTHER', localityCode: 'HUE' }, ctx)).toThrow(expect.objectContaining({ code: 'UNKNOWN_LOCALITY', field: 'localityCode' }));
    expect(() => routeCase({ categoryCode: 'OTHER', sectorCode: 'NOPE' }, ctx)).toThrow(expect.objectContaining({ code: 'UNKNOWN_SECTOR', field: 'sectorCode' }));
    expect(() => explainRouting({ categoryCode: 'NOPE' }, ctx)).toThrow(RoutingError);
  });

  it('explains every rule, matched or not, in rule order', () => {
    const explanation = explainRouting({ categoryCode: 'GRIEVANCE', localityCode: 'LE_THUY' }, ctx);
    expect(explanation.map((e) => e.ruleId)).toEqual(seed.rules.map((r) => r.id));
    expect(explanation.map((e) => e.article)).toEqual(seed.rules.map((r) => r.article));
    expect(explanation.find((e) => e.ruleId === 'D6_1_LEAD')).toMatchObject({ matched: true, agencyCode: 'STTTT', reason: 'applies to every case', reasonCode: 'ALWAYS', params: {} });
    expect(explanation.find((e) => e.ruleId === 'D6_2_POLICE')).toMatchObject({
      matched: false,
      agencyCode: null,
      reason: expect.stringContaining('none of the tags'),
      reasonCode: 'CATEGORY_TAGS_MISSING',
      params: { category: 'GRIEVANCE', listed: expect.stringContaining('fraud') },
    });
    expect(explanation.find((e) => e.ruleId === 'D6_3_PRESS')).toMatchObject({ matched: false, reason: expect.stringContaining('the text names none of') });
    expect(explanation.find((e) => e.ruleId === 'D6_7_LOCALITY')).toMatchObject({ matched: true, agencyCode: 'UBND_LE_THUY' });
    expect(explanation.find((e) => e.ruleId === 'D6_7_SECTOR')).toMatchObject({ matched: false, reason: 'the case has no sector', reasonCode: 'NO_SECTOR' });
    // The explanation and the routing agree.
    expect(explanation.filter((e) => e.matched).map((e) => e.agencyCode).sort()).toEqual(routeCase({ categoryCode: 'GRIEVANCE', localityCode: 'LE_THUY' }, ctx).map((p) => p.agencyCode).sort());
  });
});

describe('a routing snapshot (what intake routes with)', () => {
  const seed = loadSeedFolder(defaultSeedDir());
  const day = '2026-11-01';
  const original = contextOfSnapshot({ day, version: 3, sla: seed.province.sla, agencies: seed.agencies, localities: seed.localities, sectors: seed.sectors, categories: seed.categories, rules: seed.rules });
  // As it crosses NATS: JSON and back.
  const copy = contextOfSnapshot(JSON.parse(JSON.stringify(snapshotOfContext(original))) as RoutingSnapshot);

  it('routes every category, locality, sector and keyword case exactly as the directory does', () => {
    const texts = [undefined, 'Phóng viên báo X bị tố nhận tiền để đăng bài sai sự thật', 'Cán bộ xã NHAN HOI LO khi cấp sổ đỏ', 'Tin đồn lũ lụt'];
    let compared = 0;
    for (const category of seed.categories) {
      for (const localityCode of [undefined, ...seed.localities.map((l) => l.code)]) {
        for (const sectorCode of [undefined, ...seed.sectors.map((s) => s.code)]) {
          for (const text of texts) {
            const request = { categoryCode: category.code, ...(localityCode ? { localityCode } : {}), ...(sectorCode ? { sectorCode } : {}), ...(text ? { text } : {}) };
            expect(routeOn(request, copy)).toEqual(routeOn(request, original));
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
    expect(routeOn({ categoryCode: 'FALSE_INFO_PANIC' }, copy)).toMatchObject({ referenceVersion: 3, sla: seed.province.sla, defaultSeverity: expect.any(String) });
  });

  it('refuses unknown codes with the field, as the directory does', () => {
    expect(() => routeOn({ categoryCode: 'NO_SUCH' }, copy)).toThrow(RoutingError);
    expect(() => routeOn({ categoryCode: 'OTHER', localityCode: 'NOWHERE' }, copy)).toThrow(expect.objectContaining({ field: 'localityCode' }));
    expect(() => routeOn({ categoryCode: 'OTHER', sectorCode: 'NOTHING' }, copy)).toThrow(expect.objectContaining({ field: 'sectorCode' }));
  });

  it('gives only the legal bases in force on its day', () => {
    const category = seed.categories.find((c) => c.legalBases.length > 0)!;
    const expired = { ...category, legalBases: [...category.legalBases, { ...category.legalBases[0]!, code: 'OLD', citation: 'Điều cũ', effectiveTo: '2020-01-01' }] };
    const context = contextOfSnapshot({ ...snapshotOfContext(original), categories: [expired] });
    expect(routeOn({ categoryCode: category.code }, context).category.legalBases).not.toContain('Điều cũ');
    expect(routeOn({ categoryCode: category.code }, context).category.legalBases).toEqual(category.legalBases.filter((b) => !b.effectiveTo || b.effectiveTo >= day).map((b) => b.citation));
  });
});
