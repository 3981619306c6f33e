import type { ExecutionContext } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { Actor } from '@phoi-hop/contracts';
import type { GqlContext } from './gql-context';
import { OperationGuard } from './operation.guard';

const actor = (roles: Actor['roles'], extra: Partial<Actor> = {}): Actor => ({ userId: 'u1', username: 'x', agencyCode: 'STTTT', roles, ...extra });

function gqlContext(caller: Actor | null, counted: string[] = []): GqlContext {
  return {
    actor: caller,
    token: caller ? 'internal' : null,
    authError: null,
    // The guard never loads anything: loaders that would say so if it did.
    loaders: { agency: new DataLoader(async () => Promise.reject(new Error('not loaded by the guard'))), cases: { reports: () => new DataLoader(async () => Promise.reject(new Error('not loaded by the guard'))), stats: new DataLoader(async () => Promise.reject(new Error('not loaded by the guard'))) } },
    rateLimit: (key) => counted.push(key),
  };
}

/** What Nest hands a guard for a GraphQL field: [root, args, context, info]. */
function fieldCall(parentType: string, fieldName: string, context: GqlContext): ExecutionContext {
  const args = [undefined, {}, context, { parentType: { name: parentType }, fieldName }];
  return { getType: () => 'graphql', getArgs: () => args, getClass: () => Object, getHandler: () => () => undefined } as unknown as ExecutionContext;
}

describe(OperationGuard.name, () => {
  const sut = new OperationGuard();

  it('lets a caller the policy table allows through, counting the call against their rate limit', () => {
    const counted: string[] = [];
    expect(sut.canActivate(fieldCall('Mutation', 'decideCase', gqlContext(actor(['COORDINATOR']), counted)))).toBe(true);
    expect(counted).toEqual(['user:u1']);
  });

  it('refuses by the field name: FORBIDDEN for a role the table does not grant, UNAUTHENTICATED without a caller', () => {
    expect(() => sut.canActivate(fieldCall('Mutation', 'decideCase', gqlContext(actor(['OFFICER']))))).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => sut.canActivate(fieldCall('Query', 'cases', gqlContext(null)))).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });

  it('refuses a root field that has no entry in the policy table', () => {
    expect(() => sut.canActivate(fieldCall('Query', 'everything', gqlContext(actor(['ADMIN']))))).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('keeps an API key within its scopes, and counts it per key', () => {
    const counted: string[] = [];
    const client = actor(['API_CLIENT'], { scopes: ['submitReport'], apiKeyId: 'k1' });
    expect(() => sut.canActivate(fieldCall('Query', 'agencies', gqlContext(client)))).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(sut.canActivate(fieldCall('Mutation', 'submitReport', gqlContext(client, counted)))).toBe(true);
    expect(counted).toEqual(['api-key:k1']);
  });

  it('does not authorise field resolvers again (their operation was)', () => {
    expect(sut.canActivate(fieldCall('Case', 'reports', gqlContext(null)))).toBe(true);
  });
});
