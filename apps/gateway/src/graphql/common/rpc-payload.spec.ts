import { toRpcPayload } from './rpc-payload';

describe(toRpcPayload.name, () => {
  it('leaves out fields that are undefined and keeps explicit nulls, at every depth', () => {
    const nested = Object.assign(Object.create(null) as object, { url: undefined, platform: 'FACEBOOK', legalBasis: null });
    const input = Object.assign(Object.create(null) as object, { caseId: 'c1', note: undefined, sentAt: null, removal: nested, links: ['a', 'b'] });
    const payload = toRpcPayload(input);
    expect(payload).toEqual({ caseId: 'c1', sentAt: null, removal: { platform: 'FACEBOOK', legalBasis: null }, links: ['a', 'b'] });
    expect(Object.keys(payload)).not.toContain('note');
    expect(Object.getPrototypeOf(payload)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(payload['removal'])).toBe(Object.prototype);
  });

  it('sends what JSON would: arrays of objects cleaned, instants as ISO strings', () => {
    const at = new Date('2026-01-02T03:04:05.000Z');
    expect(toRpcPayload({ plan: [{ type: 'MONITOR', details: undefined }], at })).toEqual({ plan: [{ type: 'MONITOR' }], at: '2026-01-02T03:04:05.000Z' });
    expect(toRpcPayload({ plan: [{ type: 'MONITOR' }], at })).toEqual(JSON.parse(JSON.stringify({ plan: [{ type: 'MONITOR' }], at })));
  });
});
