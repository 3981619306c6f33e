import { GENESIS_HASH, canonicalJson, chainHash, type AuditEntry } from './audit-hash';

const entry: AuditEntry = {
  seq: 1,
  id: '7f1d2c9e-0000-4000-8000-000000000001',
  at: '2026-11-28T10:00:00.000Z',
  actorUserId: 'u',
  actorAgency: 'STTTT',
  action: 'case.opened',
  targetType: 'case',
  targetId: 'c1',
  summary: { b: 2, a: { d: [1, { z: 1, y: 2 }], c: null } },
  traceId: null,
};

describe('audit hash chain', () => {
  it('serialises objects with sorted keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } })).toBe('{"a":{"c":[3,{"e":2,"f":1}],"d":2},"b":1}');
    expect(canonicalJson({ a: undefined, b: 'Lệ Thủy' })).toBe('{"b":"Lệ Thủy"}');
  });

  it('gives the same hash whatever the key order, and another hash for any change', () => {
    const reordered = { ...entry, summary: { a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 2 } };
    expect(chainHash(GENESIS_HASH, reordered)).toBe(chainHash(GENESIS_HASH, entry));
    expect(chainHash(GENESIS_HASH, { ...entry, targetId: 'c2' })).not.toBe(chainHash(GENESIS_HASH, entry));
    expect(chainHash('f'.repeat(64), entry)).not.toBe(chainHash(GENESIS_HASH, entry));
    expect(chainHash(GENESIS_HASH, entry)).toMatch(/^[0-9a-f]{64}$/);
  });
});
