import type { Actor } from '@phoi-hop/contracts';
import { CachingTokenVerifier } from './caching-token-verifier';
import { DevTokenIssuer, DevTokenVerifier } from './token-verifier';

const secret = 'cache-test-secret-of-sufficient-length-0123';
const actor: Actor = { userId: 'u', username: 'syt.officer', agencyCode: 'SYT', roles: ['OFFICER'] };
const identity = { issuer: 'phoi-hop-dev', subject: 'u', username: 'syt.officer', expiresAtMs: expect.any(Number) };

describe(CachingTokenVerifier.name, () => {
  it('verifies a token once and answers from the cache until it expires', async () => {
    const inner = new DevTokenVerifier(secret, 0);
    const spy = jest.spyOn(inner, 'verify');
    let now = Date.now();
    const sut = new CachingTokenVerifier(inner, { maxEntries: 100, now: () => now });
    const token = await new DevTokenIssuer(secret, 'test').sign(actor, 60);
    await expect(sut.verify(token)).resolves.toEqual(identity);
    await expect(sut.verify(token)).resolves.toEqual(identity);
    expect(spy).toHaveBeenCalledTimes(1);
    // Past its expiry the cache no longer answers: the token is verified again.
    now += 61_000;
    await sut.verify(token);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('verifies a token again after maxAgeMs, however long it is valid (a key the provider dropped stops working)', async () => {
    const inner = new DevTokenVerifier(secret, 0);
    const spy = jest.spyOn(inner, 'verify');
    let now = Date.now();
    const sut = new CachingTokenVerifier(inner, { maxAgeMs: 30_000, now: () => now });
    const token = await new DevTokenIssuer(secret, 'test').sign(actor, 3600);
    await sut.verify(token);
    now += 29_000;
    await sut.verify(token);
    expect(spy).toHaveBeenCalledTimes(1);
    now += 2_000;
    await sut.verify(token);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('never caches a token that failed', async () => {
    const sut = new CachingTokenVerifier(new DevTokenVerifier(secret, 0));
    const forged = await new DevTokenIssuer('another-secret-of-sufficient-length-0123', 'test').sign(actor);
    await expect(sut.verify(forged)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(sut.verify(forged)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(sut.size).toBe(0);
  });

  it('keeps at most maxEntries tokens, dropping the oldest', async () => {
    const sut = new CachingTokenVerifier(new DevTokenVerifier(secret, 0), { maxEntries: 2 });
    const issuer = new DevTokenIssuer(secret, 'test');
    for (const username of ['a', 'b', 'c']) await sut.verify(await issuer.sign({ ...actor, username }));
    expect(sut.size).toBe(2);
  });
});
