import type { Actor, ExternalIdentity } from '@phoi-hop/contracts';
import { CachedActorResolver, ServiceAuthenticator } from './actor-resolver';
import { AuthError } from './auth.errors';
import { InternalTokenIssuer, InternalTokenVerifier } from './internal-token';
import { DevTokenIssuer, DevTokenVerifier } from './token-verifier';

const claims: ExternalIdentity = { issuer: 'https://id.example.vn', subject: 'sub-1' };
const directoryUser: Actor = { userId: 'u-1', username: 'syt.officer', agencyCode: 'SYT', roles: ['OFFICER'] };

describe(CachedActorResolver.name, () => {
  it('asks the directory once per user and period, and uses its roles and agency', async () => {
    const lookup = jest.fn(async () => directoryUser);
    let now = 0;
    const sut = new CachedActorResolver(lookup, 30_000, 100, () => now);
    await expect(sut.resolve(claims)).resolves.toEqual(directoryUser);
    await expect(sut.resolve(claims)).resolves.toEqual(directoryUser);
    expect(lookup).toHaveBeenCalledTimes(1);
    now += 30_001;
    await sut.resolve(claims);
    expect(lookup).toHaveBeenCalledTimes(2);
  });

  it('asks again at once after forget (the user changed), and never caches a refusal', async () => {
    let answer: () => Promise<Actor> = async () => directoryUser;
    const lookup = jest.fn((_identity: ExternalIdentity) => answer());
    const sut = new CachedActorResolver(lookup);
    await sut.resolve(claims);
    answer = async () => {
      throw AuthError.unauthenticated('User is disabled');
    };
    sut.forget('someone.else');
    await expect(sut.resolve(claims)).resolves.toEqual(directoryUser);
    sut.forget('syt.officer');
    await expect(sut.resolve(claims)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'User is disabled' });
    await expect(sut.resolve(claims)).rejects.toMatchObject({ message: 'User is disabled' });
    expect(lookup).toHaveBeenCalledTimes(3);
    expect(sut.size).toBe(0);
  });

  it('does not keep an answer that was in flight when the user was forgotten', async () => {
    let release!: () => void;
    const lookup = jest.fn(() => new Promise<Actor>((resolve) => (release = () => resolve(directoryUser))));
    const sut = new CachedActorResolver(lookup);
    const first = sut.resolve(claims);
    sut.forget('syt.officer');
    release();
    await first;
    expect(sut.size).toBe(0);
  });
});

describe(ServiceAuthenticator.name, () => {
  const devSecret = 'dev-secret-of-sufficient-length-0123456789';
  const internalSecret = 'internal-secret-of-sufficient-length-98765';

  it('trusts internal tokens as they are and maps every other token to the directory user by issuer and subject', async () => {
    const lookup = jest.fn(async (_identity: ExternalIdentity) => directoryUser);
    const sut = new ServiceAuthenticator(new DevTokenVerifier(devSecret, 0), new InternalTokenVerifier(internalSecret, 0), new CachedActorResolver(lookup));
    const claimed = { ...directoryUser, roles: ['ADMIN'] } satisfies Actor;
    await expect(sut.authenticate(await new DevTokenIssuer(devSecret, 'test').sign(claimed))).resolves.toEqual(directoryUser);
    const client: Actor = { userId: 'k', username: 'api-key:k', agencyCode: 'STTTT', roles: ['API_CLIENT'], scopes: ['submitReport'], apiKeyId: 'k' };
    await expect(sut.authenticate((await new InternalTokenIssuer(internalSecret).sign(client)).token)).resolves.toEqual(client);
    expect(lookup).toHaveBeenCalledTimes(1);
    // The lookup gets the identity only (no token, no claimed roles), and the dev issuer's username.
    expect(lookup.mock.calls[0]![0]).toEqual({ issuer: 'phoi-hop-dev', subject: 'u-1', username: 'syt.officer', expiresAtMs: expect.any(Number) });
    // An internal-looking token signed with the development key is still refused.
    await expect(sut.authenticate((await new InternalTokenIssuer(devSecret).sign(client)).token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
