import { GraphQLError } from 'graphql';
import { AuthError } from '@phoi-hop/auth';
import { RpcCallError } from '@phoi-hop/messaging';
import { formatGraphQLError, gqlError } from './gql-errors';

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

  it('hides the message of a service INTERNAL error', () => {
    expect(formatted(wrap(new RpcCallError('INTERNAL', 'relation "x" does not exist')))).toMatchObject({ message: 'Internal error', extensions: { code: 'INTERNAL' } });
  });

  it('maps authentication failures and stable codes raised in the gateway', () => {
    expect(formatted(wrap(AuthError.unauthenticated('Token expired')))).toMatchObject({ message: 'Token expired', extensions: { code: 'UNAUTHENTICATED' } });
    expect(formatted(gqlError('BAD_USER_INPUT', 'first must be between 1 and 100', 'first'))).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
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
