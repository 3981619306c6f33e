import type { SlaPolicy } from '@phoi-hop/contracts';
import type { SeedAgency, SeedCategory, SeedLocality, SeedRule, SeedSector } from './reference.types';
import { contextOfSnapshot, routeOn, snapshotOfContext, type DayRoutingContext } from './routing-snapshot';
import { currentAgency, explainRouting, findKeyword, routeCase, RoutingError, type RoutingContext, type RoutingInput } from './routing.rules';

// A small made-up province: the rules are tested on their own terms, not on one province's seed
// (the directory's specs check the Quảng Bình seed routes as the regulation says).
const agency = (code: string, extra: Partial<SeedAgency> = {}): SeedAgency => ({
  code,
  name: `Cơ quan ${code}`,
  kind: 'DEPARTMENT',
  parentCode: null,
  localityCode: null,
  validFrom: null,
  validTo: null,
  successorCode: null,
  ...extra,
});

const agencies: SeedAgency[] = [
  agency('LEAD_DEPT'),
  agency('POLICE', { kind: 'POLICE' }),
  agency('PRESS_ASSOC', { kind: 'ASSOCIATION' }),
  agency('HEALTH_DEPT'),
  agency('OLD_COMMITTEE', { kind: 'PEOPLES_COMMITTEE', localityCode: 'NORTH', validTo: '2025-06-30', successorCode: 'NEW_COMMITTEE' }),
  agency('NEW_COMMITTEE', { kind: 'PEOPLES_COMMITTEE', validFrom: '2025-07-01' }),
  agency('SOUTH_COMMITTEE', { kind: 'PEOPLES_COMMITTEE', localityCode: 'SOUTH' }),
  agency('GONE', { validTo: '2024-12-31' }),
  agency('LOOP_A', { validTo: '2024-12-31', successorCode: 'LOOP_B' }),
  agency('LOOP_B', { validTo: '2024-12-31', successorCode: 'LOOP_A' }),
];
const localities: SeedLocality[] = [
  { code: 'NORTH', name: 'Huyện Bắc', kind: 'DISTRICT', committeeAgencyCode: 'OLD_COMMITTEE' },
  { code: 'SOUTH', name: 'Huyện Nam', kind: 'DISTRICT', committeeAgencyCode: 'SOUTH_COMMITTEE' },
];
const sectors: SeedSector[] = [{ code: 'HEALTH', name: 'Y tế', departmentAgencyCode: 'HEALTH_DEPT' }];
const category = (code: string, tags: string[], defaultSeverity: SeedCategory['defaultSeverity'] = 'MEDIUM'): SeedCategory => ({
  code,
  name: `Loại ${code}`,
  defaultSeverity,
  tags,
  legalBases: [
    { code: `${code}_OLD`, citation: `Điều 1 (${code}, cũ)`, text: '…', effectiveFrom: null, effectiveTo: '2025-12-31', successorCode: `${code}_NEW` },
    { code: `${code}_NEW`, citation: `Điều 1 (${code})`, text: '…', effectiveFrom: '2026-01-01', effectiveTo: null, successorCode: null },
  ],
});
const categories: SeedCategory[] = [category('SCAM', ['fraud', 'public-order'], 'HIGH'), category('RUMOUR', ['public-order']), category('OPINION', [])];
const rules: SeedRule[] = [
  { id: 'LEAD', article: 'Đ6.1', when: { always: true }, target: { agency: 'LEAD_DEPT' }, role: 'LEAD' },
  { id: 'POLICE_ORDER', article: 'Đ6.2', when: { categoryTagsAny: ['public-order'] }, target: { agency: 'POLICE' }, role: 'PARTICIPANT' },
  { id: 'POLICE_FRAUD', article: 'Đ6.2', when: { categoriesAny: ['SCAM'] }, target: { agency: 'POLICE' }, role: 'INFORMED' },
  { id: 'PRESS', article: 'Đ6.3', when: { keywordsAny: ['nhà báo', 'phóng viên'] }, target: { agency: 'PRESS_ASSOC' }, role: 'PARTICIPANT' },
  { id: 'LOCAL', article: 'Đ6.7; Đ7.2', when: { localitiesAny: ['NORTH', 'SOUTH'] }, target: { localityCommittee: true }, role: 'PARTICIPANT' },
  { id: 'SECTOR', article: 'Đ6.7', when: { sectorsAny: ['HEALTH'] }, target: { sectorDepartment: true }, role: 'PARTICIPANT' },
  {
    id: 'SECTOR_AGAIN',
    article: 'Đ7.2; Đ6.7',
    when: { sectorsAny: ['HEALTH'], severitiesAny: ['HIGH', 'CRITICAL'] },
    target: { sectorDepartment: true },
    role: 'INFORMED',
  },
  { id: 'RETIRED', article: 'Đ7.1', when: { categoriesAny: ['OPINION'] }, target: { agency: 'GONE' }, role: 'INFORMED' },
];

const context = (at = '2026-03-01T03:00:00Z', extra: Partial<RoutingContext> = {}): RoutingContext => ({
  rules,
  categories: new Map(categories.map((c) => [c.code, c])),
  localities: new Map(localities.map((l) => [l.code, l])),
  sectors: new Map(sectors.map((s) => [s.code, s])),
  agencies: new Map(agencies.map((a) => [a.code, a])),
  at: new Date(at),
  ...extra,
});
const summary = (input: RoutingInput, ctx = context()) => routeCase(input, ctx).map((p) => `${p.agencyCode}:${p.role}:${p.basis}`);

describe('routeCase', () => {
  it('puts the lead first, then participants and informed agencies by code', () => {
    expect(summary({ categoryCode: 'RUMOUR', localityCode: 'SOUTH', sectorCode: 'HEALTH' })).toEqual([
      'LEAD_DEPT:LEAD:Đ6.1',
      'HEALTH_DEPT:PARTICIPANT:Đ6.7',
      'POLICE:PARTICIPANT:Đ6.2',
      'SOUTH_COMMITTEE:PARTICIPANT:Đ6.7; Đ7.2',
    ]);
  });

  it('gives an agency named by several rules its strongest role, each article once, every rule id', () => {
    const police = routeCase({ categoryCode: 'SCAM' }, context()).find((p) => p.agencyCode === 'POLICE');
    expect(police).toEqual({ agencyCode: 'POLICE', role: 'PARTICIPANT', basis: 'Đ6.2', ruleIds: ['POLICE_ORDER', 'POLICE_FRAUD'] });
    const health = routeCase({ categoryCode: 'SCAM', sectorCode: 'HEALTH' }, context()).find((p) => p.agencyCode === 'HEALTH_DEPT');
    expect(health).toEqual({ agencyCode: 'HEALTH_DEPT', role: 'PARTICIPANT', basis: 'Đ6.7; Đ7.2', ruleIds: ['SECTOR', 'SECTOR_AGAIN'] });
  });

  it('tests severity on the severity given, or else the category’s default', () => {
    expect(summary({ categoryCode: 'RUMOUR', sectorCode: 'HEALTH' })).toContain('HEALTH_DEPT:PARTICIPANT:Đ6.7');
    expect(routeCase({ categoryCode: 'RUMOUR', sectorCode: 'HEALTH' }, context()).find((p) => p.agencyCode === 'HEALTH_DEPT')!.ruleIds).toEqual(['SECTOR']);
    expect(
      routeCase({ categoryCode: 'RUMOUR', sectorCode: 'HEALTH', severity: 'CRITICAL' }, context()).find((p) => p.agencyCode === 'HEALTH_DEPT')!.ruleIds,
    ).toEqual(['SECTOR', 'SECTOR_AGAIN']);
    expect(routeCase({ categoryCode: 'SCAM', sectorCode: 'HEALTH', severity: 'LOW' }, context()).find((p) => p.agencyCode === 'HEALTH_DEPT')!.ruleIds).toEqual([
      'SECTOR',
    ]);
  });

  it('follows a retired committee to its successor on the routing day, not before', () => {
    expect(summary({ categoryCode: 'OPINION', localityCode: 'NORTH' })).toEqual(['LEAD_DEPT:LEAD:Đ6.1', 'NEW_COMMITTEE:PARTICIPANT:Đ6.7; Đ7.2']);
    expect(summary({ categoryCode: 'OPINION', localityCode: 'NORTH' }, context('2025-03-01T03:00:00Z'))).toContain('OLD_COMMITTEE:PARTICIPANT:Đ6.7; Đ7.2');
  });

  it('drops a rule whose agency was retired without a successor, and ends a successor cycle', () => {
    expect(summary({ categoryCode: 'OPINION' })).toEqual(['LEAD_DEPT:LEAD:Đ6.1']);
    const day = '2026-03-01';
    expect(currentAgency('GONE', context().agencies, day)).toBeNull();
    expect(currentAgency('LOOP_A', context().agencies, day)).toBeNull();
    expect(currentAgency('UNKNOWN', context().agencies, day)).toBeNull();
    expect(currentAgency('OLD_COMMITTEE', context().agencies, day)).toBe('NEW_COMMITTEE');
  });

  it('refuses unknown reference codes with the field they came in', () => {
    const refusal = (input: RoutingInput) => {
      try {
        routeCase(input, context());
      } catch (error) {
        return error instanceof RoutingError ? `${error.code}:${error.field}` : String(error);
      }
      return 'routed';
    };
    expect(refusal({ categoryCode: 'NOPE' })).toBe('UNKNOWN_CATEGORY:categoryCode');
    expect(refusal({ categoryCode: 'SCAM', localityCode: 'NOPE' })).toBe('UNKNOWN_LOCALITY:localityCode');
    expect(refusal({ categoryCode: 'SCAM', sectorCode: 'NOPE' })).toBe('UNKNOWN_SECTOR:sectorCode');
    expect(refusal({ categoryCode: 'SCAM', localityCode: null, sectorCode: null })).toBe('routed');
  });

  it('brings in an agency when the text names a keyword, with or without diacritics', () => {
    expect(summary({ categoryCode: 'OPINION', text: 'Một PHÓNG VIÊN đưa tin sai' })).toContain('PRESS_ASSOC:PARTICIPANT:Đ6.3');
    expect(summary({ categoryCode: 'OPINION', text: 'mot nha bao dua tin' })).toContain('PRESS_ASSOC:PARTICIPANT:Đ6.3');
    expect(summary({ categoryCode: 'OPINION', text: 'nhà bảo vệ rừng' })).not.toContain('PRESS_ASSOC:PARTICIPANT:Đ6.3');
  });
});

describe('explainRouting', () => {
  it('says for every rule, in order, whether it matched and why', () => {
    const explained = explainRouting({ categoryCode: 'OPINION', sectorCode: 'HEALTH' }, context());
    expect(explained.map((r) => r.ruleId)).toEqual(rules.map((r) => r.id));
    const byId = Object.fromEntries(explained.map((r) => [r.ruleId, r]));
    expect(byId['LEAD']).toMatchObject({ matched: true, reason: 'applies to every case', agencyCode: 'LEAD_DEPT' });
    expect(byId['POLICE_ORDER']).toMatchObject({ matched: false, reason: 'category OPINION has none of the tags public-order', agencyCode: null });
    expect(byId['POLICE_FRAUD']).toMatchObject({ matched: false, reason: 'category OPINION is not one of SCAM' });
    expect(byId['PRESS']).toMatchObject({ matched: false, reason: 'the text names none of: nhà báo, phóng viên' });
    expect(byId['LOCAL']).toMatchObject({ matched: false, reason: 'locality (none) is not one of NORTH, SOUTH' });
    expect(byId['SECTOR']).toMatchObject({ matched: true, agencyCode: 'HEALTH_DEPT' });
    expect(byId['SECTOR_AGAIN']).toMatchObject({ matched: false, reason: 'severity MEDIUM is not one of HIGH, CRITICAL' });
    expect(byId['RETIRED']).toMatchObject({ matched: false, reason: 'agency GONE is not valid on 2026-03-01 and has no valid successor' });
  });

  it('names the successor that replaced the agency a rule targets', () => {
    const local = explainRouting({ categoryCode: 'OPINION', localityCode: 'NORTH' }, context()).find((r) => r.ruleId === 'LOCAL');
    expect(local).toMatchObject({ matched: true, agencyCode: 'NEW_COMMITTEE', reason: 'conditions hold (successor of OLD_COMMITTEE)' });
  });

  it('says why a committee or department rule cannot apply to a case without a locality or sector', () => {
    const noTargets: SeedRule[] = [
      { id: 'ANY_LOCAL', article: 'Đ7.2', when: {}, target: { localityCommittee: true }, role: 'PARTICIPANT' },
      { id: 'ANY_SECTOR', article: 'Đ6.7', when: {}, target: { sectorDepartment: true }, role: 'PARTICIPANT' },
    ];
    const reasons = explainRouting({ categoryCode: 'OPINION' }, context(undefined, { rules: noTargets })).map((r) => r.reason);
    expect(reasons).toEqual(['the case has no locality', 'the case has no sector']);
  });
});

describe('findKeyword', () => {
  it('matches whole words, ignoring case; diacritics must match unless the text has none', () => {
    expect(findKeyword('Một NHÀ BÁO đã viết', ['nhà báo'])).toBe('nhà báo');
    expect(findKeyword('mot nha bao da viet', ['nhà báo'])).toBe('nhà báo');
    expect(findKeyword('nhà bảo vệ', ['nhà báo'])).toBeNull();
    expect(findKeyword('các nhà báo chí', ['báo chí', 'nhà'])).toBe('báo chí');
    expect(findKeyword('phongvien', ['phóng viên'])).toBeNull();
    expect(findKeyword(null, ['nhà báo'])).toBeNull();
    expect(findKeyword('anything', ['', '  '])).toBeNull();
  });
});

describe('routing snapshot', () => {
  const sla: SlaPolicy = {
    LOW: { triageHours: 72, decisionHours: 240 },
    MEDIUM: { triageHours: 24, decisionHours: 120 },
    HIGH: { triageHours: 8, decisionHours: 48 },
    CRITICAL: { triageHours: 2, decisionHours: 12 },
  } as SlaPolicy;
  const day: DayRoutingContext = { ...context(), day: '2026-03-01', version: 7, sla, at: new Date('2026-03-01T05:00:00Z') };

  it('routes the same after a round trip through the snapshot a service copies', () => {
    const copy = contextOfSnapshot(JSON.parse(JSON.stringify(snapshotOfContext(day))));
    const input = { categoryCode: 'RUMOUR', localityCode: 'NORTH', sectorCode: 'HEALTH', text: 'phóng viên' };
    expect(routeCase(input, copy)).toEqual(routeCase(input, day));
    expect(copy.at!.toISOString()).toBe('2026-03-01T05:00:00.000Z');
  });

  it('answers a route request with the provisions of the category in force that day', () => {
    const answer = routeOn({ categoryCode: 'SCAM' } as never, day);
    expect(answer).toMatchObject({ defaultSeverity: 'HIGH', referenceVersion: 7, sla, category: { code: 'SCAM', legalBases: ['Điều 1 (SCAM)'] } });
    expect(answer.participants.map((p) => p.agencyCode)).toEqual(['LEAD_DEPT', 'POLICE']);
    const lastYear = contextOfSnapshot({ ...snapshotOfContext(day), day: '2025-03-01' });
    expect(routeOn({ categoryCode: 'SCAM' } as never, lastYear).category.legalBases).toEqual(['Điều 1 (SCAM, cũ)']);
  });
});
