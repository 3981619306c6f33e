import { idempotencyKeyFrom, withClientRequestId as withKey } from './idempotency';

describe('idempotency keys at the gateway', () => {
  it('reads the Idempotency-Key header as a structured string or a bare token', () => {
    expect(idempotencyKeyFrom({ 'idempotency-key': '"8e03978e-40d5-43e8-bc93-6894a57f9324"' })).toBe('8e03978e-40d5-43e8-bc93-6894a57f9324');
    expect(idempotencyKeyFrom({ 'idempotency-key': ' abc-123-def ' })).toBe('abc-123-def');
    expect(idempotencyKeyFrom({ 'idempotency-key': '""' })).toBeNull();
    expect(idempotencyKeyFrom({})).toBeNull();
  });

  it('puts the key in clientRequestId, and refuses a header and a field that disagree', () => {
    type Input = { url: string; clientRequestId?: string };
    const withClientRequestId = (input: Input, header: string | null) => withKey<Input>(input, header);
    expect(withClientRequestId({ url: 'u' }, 'key-1')).toEqual({ url: 'u', clientRequestId: 'key-1' });
    expect(withClientRequestId({ url: 'u', clientRequestId: 'key-2' }, null)).toEqual({ url: 'u', clientRequestId: 'key-2' });
    expect(withClientRequestId({ url: 'u', clientRequestId: 'key-2' }, 'key-2')).toEqual({ url: 'u', clientRequestId: 'key-2' });
    expect(withClientRequestId({ url: 'u' }, null)).toEqual({ url: 'u' });
    expect(() => withClientRequestId({ url: 'u', clientRequestId: 'key-2' }, 'key-1')).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'clientRequestId' } }));
  });
});
