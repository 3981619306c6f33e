import { DomainError } from '@phoi-hop/contracts';
import { RpcCallError, toRpcErrorBody } from './rpc.errors';

describe('toRpcErrorBody', () => {
  it('keeps the code, message and field of domain and auth-like errors', () => {
    expect(toRpcErrorBody(new DomainError('NOT_FOUND', 'Case not found', 'id'))).toEqual({ code: 'NOT_FOUND', message: 'Case not found', field: 'id' });
    expect(toRpcErrorBody(new RpcCallError('UNAVAILABLE', 'directory.case.route did not answer'))).toEqual({
      code: 'UNAVAILABLE',
      message: 'directory.case.route did not answer',
    });
    expect(toRpcErrorBody(Object.assign(new Error('Token expired'), { code: 'UNAUTHENTICATED' }))).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'Token expired',
    });
  });

  it('passes on the rule an input broke, and drops one that is not a rule', () => {
    const rule = { rule: 'maxLength', max: 5_000 };
    expect(toRpcErrorBody(new DomainError('BAD_USER_INPUT', 'result is too long', 'result', rule))).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'result is too long',
      field: 'result',
      rule,
    });
    expect(toRpcErrorBody({ code: 'BAD_USER_INPUT', message: 'x', field: 'a', rule })).toMatchObject({ rule });
    expect(toRpcErrorBody({ code: 'BAD_USER_INPUT', message: 'x', field: 'a', rule: { rule: 'min', min: '1; DROP' } })).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'x',
      field: 'a',
    });
  });

  it('hides everything else behind INTERNAL', () => {
    expect(toRpcErrorBody(new Error('duplicate key value violates unique constraint'))).toEqual({ code: 'INTERNAL', message: 'Internal error' });
    expect(toRpcErrorBody({ code: '23505', message: 'pg error' })).toEqual({ code: 'INTERNAL', message: 'Internal error' });
    expect(toRpcErrorBody(undefined)).toEqual({ code: 'INTERNAL', message: 'Internal error' });
  });
});
