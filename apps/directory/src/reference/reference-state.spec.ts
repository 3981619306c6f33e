import type { ProvinceSeed } from '../seed/seed.types';
import { checkpointsFrom, referenceStateOn, referenceVersionOn, type ReferenceRevision } from './reference-state';

const base = {
  province: { code: 'QB', name: 'Quảng Bình', caseNumberPrefix: 'QB', sla: {} },
  agencies: [],
  localities: [{ code: 'LE_THUY', name: 'Lệ Thủy', kind: 'DISTRICT', committeeAgencyCode: 'UBND_LE_THUY' }],
  sectors: [],
  categories: [],
  rules: [{ id: 'A', article: 'Đ6.1', description: '', when: { always: true }, target: { agency: 'STTTT' }, role: 'LEAD' }],
  users: [],
} as unknown as ProvinceSeed;

const rule = (id: string, article: string) => ({ id, article, description: '', when: { always: true }, target: { agency: 'CA' }, role: 'PARTICIPANT' });
const revisions: ReferenceRevision[] = [
  { id: 1, kind: 'RULE', code: 'B', validFrom: '2026-12-01', record: rule('B', 'Đ6.2'), inBase: false },
  { id: 2, kind: 'RULE', code: 'A', validFrom: '2026-12-05', record: null, inBase: false },
  {
    id: 3,
    kind: 'LOCALITY',
    code: 'LE_THUY',
    validFrom: '2026-12-03',
    record: { code: 'LE_THUY', name: 'Huyện Lệ Thủy', kind: 'DISTRICT', committeeAgencyCode: 'UBND_LE_THUY' },
    inBase: false,
  },
  { id: 4, kind: 'RULE', code: 'B', validFrom: '2026-12-03', record: rule('B', 'Đ6.7'), inBase: false },
  { id: 5, kind: 'SLA', code: 'HIGH', validFrom: '2026-12-02', record: { triageHours: 1, decisionHours: 2 }, inBase: true },
];

describe(referenceStateOn.name, () => {
  it('is the seed before any version takes effect', () => {
    expect(referenceStateOn(base, revisions, '2026-11-30')).toEqual(base);
  });

  it('applies the versions in force on the day, in order: added, replaced, retired', () => {
    expect(referenceStateOn(base, revisions, '2026-12-01').rules.map((r) => `${r.id}:${r.article}`)).toEqual(['A:Đ6.1', 'B:Đ6.2']);
    const third = referenceStateOn(base, revisions, '2026-12-03');
    expect(third.rules.map((r) => `${r.id}:${r.article}`)).toEqual(['A:Đ6.1', 'B:Đ6.7']);
    expect(third.localities[0]!.name).toBe('Huyện Lệ Thủy');
    expect(referenceStateOn(base, revisions, '2026-12-09').rules.map((r) => r.id)).toEqual(['B']);
    // The seed itself is never changed.
    expect(base.rules.map((r) => r.id)).toEqual(['A']);
  });
});

describe(referenceVersionOn.name, () => {
  it('is the latest revision in force, 0 for the seed', () => {
    expect(referenceVersionOn(revisions, '2026-11-30')).toBe(0);
    expect(referenceVersionOn(revisions, '2026-12-03')).toBe(5);
    expect(referenceVersionOn(revisions, '2026-12-02')).toBe(5);
    expect(referenceVersionOn(revisions, '2026-12-01')).toBe(1);
  });
});

describe(checkpointsFrom.name, () => {
  it('lists the day of an edit and every later day the data changes', () => {
    expect(checkpointsFrom(revisions, '2026-12-02')).toEqual(['2026-12-02', '2026-12-03', '2026-12-05']);
    expect(checkpointsFrom(revisions, '2026-12-10')).toEqual(['2026-12-10']);
  });
});
