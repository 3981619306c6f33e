import { GraphQLError } from 'graphql';
import { AuthError } from '@phoi-hop/auth';
import { DomainError } from '@phoi-hop/contracts';
import { RpcCallError } from '@phoi-hop/messaging';
import { coercedField, formatGraphQLError, gqlError, withInputFieldNames } from './gql-errors';

const formatted = (error: GraphQLError) => formatGraphQLError(error.toJSON(), error);
const wrap = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['submitReport'] });

describe('formatGraphQLError', () => {
  it('passes a service error on with its code and field', () => {
    expect(formatted(wrap(new RpcCallError('BAD_USER_INPUT', 'Unknown category X', 'categoryCode')))).toEqual({
      message: 'Unknown category X',
      path: ['submitReport'],
      extensions: { code: 'BAD_USER_INPUT', field: 'categoryCode' },
    });
  });

  it('carries the rule a service named, with its parameters, flat beside code and field', () => {
    const refused = new RpcCallError('BAD_USER_INPUT', 'result must be longer than or equal to 10 characters', 'result', 'intake.action.update', {
      rule: 'minLength',
      min: 10,
    });
    expect(formatted(wrap(refused)).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'result', rule: 'minLength', min: 10 });
    const outside = new RpcCallError('BAD_USER_INPUT', 'status must be one of …', 'status', undefined, { rule: 'isIn', values: ['IN_PROGRESS', 'DONE'] });
    expect(formatted(wrap(outside)).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'status', rule: 'isIn', values: ['IN_PROGRESS', 'DONE'] });
  });

  it('maps a domain error raised in the gateway itself (a bad cursor) to its code, not INTERNAL', () => {
    expect(formatted(wrap(new DomainError('BAD_USER_INPUT', 'after is not a cursor of this list', 'after')))).toEqual({
      message: 'after is not a cursor of this list',
      path: ['submitReport'],
      extensions: { code: 'BAD_USER_INPUT', field: 'after' },
    });
  });

  it('hides the message of a service INTERNAL error', () => {
    expect(formatted(wrap(new RpcCallError('INTERNAL', 'relation "x" does not exist')))).toMatchObject({
      message: 'Internal error',
      extensions: { code: 'INTERNAL' },
    });
  });

  it('maps authentication failures and stable codes raised in the gateway', () => {
    expect(formatted(wrap(AuthError.unauthenticated('Token expired')))).toMatchObject({ message: 'Token expired', extensions: { code: 'UNAUTHENTICATED' } });
    expect(formatted(gqlError('BAD_USER_INPUT', 'first must be between 1 and 100', 'first'))).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
  });

  it('turns documents that never reach a resolver into BAD_USER_INPUT, keeping the reason', () => {
    const parse = new GraphQLError('Syntax Error: Expected Name', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    expect(formatted(parse)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', reason: 'GRAPHQL_PARSE_FAILED' } });
  });

  it('never shows an unknown error, its message or its stack', () => {
    const boom = new Error('connect ECONNREFUSED 10.0.0.5:5432');
    const result = formatted(wrap(boom));
    expect(result).toEqual({ message: 'Internal error', path: ['submitReport'], extensions: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('ECONNREFUSED');
  });
});

describe(withInputFieldNames.name, () => {
  it('names the input field, in the field and in the message, when the service named its own', async () => {
    const refused = Promise.reject(new RpcCallError('BAD_USER_INPUT', 'reason must be shorter than or equal to 2000 characters', 'reason'));
    await expect(withInputFieldNames(refused, { reason: 'outcome' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'outcome',
      message: 'outcome must be shorter than or equal to 2000 characters',
    });
  });

  it('leaves other errors and other fields as they are', async () => {
    const other = new RpcCallError('INVALID_STATE', 'Not all actions are done');
    await expect(withInputFieldNames(Promise.reject(other), { reason: 'outcome' })).rejects.toBe(other);
    const otherField = new RpcCallError('BAD_USER_INPUT', 'caseId must be a UUID', 'caseId');
    await expect(withInputFieldNames(Promise.reject(otherField), { reason: 'outcome' })).rejects.toBe(otherField);
    await expect(withInputFieldNames(Promise.resolve(7), { reason: 'outcome' })).resolves.toBe(7);
  });
});

describe(coercedField.name, () => {
  it.each([
    ['Variable "$i" got invalid value "2099-02-30" at "i.actions[0].dueDate"; Expected type "Date". must be a calendar day', 'actions.0.dueDate'],
    ['Variable "$input" got invalid value "hôm qua" at "input.observedAt"; Expected type "DateTime".', 'observedAt'],
    ['Variable "$i" got invalid value "ARREST" at "i.plan[2].type"; Value "ARREST" does not exist in "HandlingActionType" enum.', 'plan.2.type'],
    ['Variable "$i" got invalid value "KING" at "i.roles[1]"; Value "KING" does not exist in "Role" enum.', 'roles'],
  ])('names the field of %s', (message, field) => {
    expect(coercedField(message)).toBe(field);
  });

  it('names nothing for a variable bound to an argument, or another error', () => {
    expect(coercedField('Variable "$o" got invalid value ["x"]; String cannot represent a non string value')).toBeUndefined();
    expect(coercedField('Unknown category X')).toBeUndefined();
  });
});
