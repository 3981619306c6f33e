import type { ReorganizeAgenciesRequest } from '@phoi-hop/contracts';
import { planReorganization, type AgencyRecord } from './agency-reorganization';

const agencies = new Map<string, AgencyRecord>(
  [
    { code: 'STNMT', validFrom: '2019-09-26', validTo: null, successorCode: null },
    { code: 'SNNPTNT', validFrom: '2019-09-26', validTo: null, successorCode: null },
    { code: 'OLD', validFrom: '2019-09-26', validTo: '2020-01-01', successorCode: 'STNMT' },
    { code: 'NEWBIE', validFrom: '2026-06-01', validTo: null, successorCode: null },
  ].map((a) => [a.code, a]),
);
const merge = (patch: Partial<ReorganizeAgenciesRequest> = {}): ReorganizeAgenciesRequest => ({
  effectiveDate: '2025-03-01',
  retire: ['SNNPTNT'],
  successorCode: 'SNNMT',
  newSuccessor: { name: 'Sở Nông nghiệp và Môi trường', kind: 'DEPARTMENT' },
  reason: 'Hợp nhất sở năm 2025',
  ...patch,
});

describe('planReorganization', () => {
  it('retires the day before the effective date and creates a described successor', () => {
    expect(planReorganization(merge({ retire: ['SNNPTNT', 'STNMT'] }), agencies)).toEqual({ ok: true, retireOn: '2025-02-28', createSuccessor: true });
    expect(planReorganization(merge({ successorCode: 'STNMT', newSuccessor: undefined }), agencies)).toEqual({
      ok: true,
      retireOn: '2025-02-28',
      createSuccessor: false,
    });
  });

  it.each([
    ['an impossible date', { effectiveDate: '2025-02-30' }, 'effectiveDate'],
    ['an unknown agency', { retire: ['GHOST'] }, 'retire'],
    ['an agency listed twice', { retire: ['SNNPTNT', 'SNNPTNT'] }, 'retire'],
    ['an agency already retired', { retire: ['OLD'] }, 'retire'],
    ['an agency that does not exist yet on that date', { retire: ['NEWBIE'] }, 'effectiveDate'],
    ['a successor that is retired with it', { retire: ['SNNPTNT', 'STNMT'], successorCode: 'STNMT', newSuccessor: undefined }, 'successorCode'],
    ['an unknown successor with no description', { newSuccessor: undefined }, 'successorCode'],
    ['a description of an existing successor', { successorCode: 'STNMT' }, 'newSuccessor'],
    ['a successor chain that cycles back', { retire: ['STNMT'], successorCode: 'OLD', newSuccessor: undefined }, 'successorCode'],
  ])('refuses %s naming %s', (_label, patch, field) => {
    const result = planReorganization(merge(patch as Partial<ReorganizeAgenciesRequest>), agencies);
    expect(result).toMatchObject({ ok: false, problem: { field: field } });
  });
});
