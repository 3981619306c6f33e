import { SignJWT } from 'jose';
import type { Actor } from '@phoi-hop/contracts';
import { AuthError } from './auth.errors';
import { DevTokenIssuer, DevTokenVerifier, DEV_AUDIENCE, DEV_ISSUER, createTokenVerifier } from './token-verifier';
import { maySeeCase } from './policy';

const secret = 'test-secret-of-sufficient-length-0123456789';
const actor: Actor = { userId: 'u1', username: 'ca.officer', agencyCode: 'CA', roles: ['OFFICER', 'INVESTIGATOR'] };

describe(DevTokenVerifier.name, () => {
  const sut = new DevTokenVerifier(secret, 0);
  const issuer = new DevTokenIssuer(secret, 'test');

  it("names the issuer, the subject and (the platform's own issuer) the username; never the roles or agency a token claims", async () => {
    const token = await issuer.sign(actor);
    await expect(sut.verify(token)).resolves.toEqual({ issuer: DEV_ISSUER, subject: 'u1', username: 'ca.officer', expiresAtMs: expect.any(Number) });
  });

  it('refuses a token signed with another secret', async () => {
    const token = await new DevTokenIssuer('another-secret-of-sufficient-length-012345', 'test').sign(actor);
    await expect(sut.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'Token signature is invalid' });
  });

  it('refuses an expired token', async () => {
    const token = await issuer.sign(actor, -60);
    await expect(sut.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'Token expired' });
  });

  it('refuses garbage, empty and oversized tokens', async () => {
    for (const bad of ['', 'not.a.jwt', 'x'.repeat(10_000)]) {
      await expect(sut.verify(bad)).rejects.toBeInstanceOf(AuthError);
    }
  });

  it('ignores roles it does not know (roles come from the directory) and refuses a token without an expiry', async () => {
    const key = new TextEncoder().encode(secret);
    const withRoles = await new SignJWT({ preferred_username: 'x', agency: 'CA', roles: ['GOD', 'offline_access'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u')
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setExpirationTime('1h')
      .sign(key);
    await expect(sut.verify(withRoles)).resolves.toEqual({ issuer: DEV_ISSUER, subject: 'u', username: 'x', expiresAtMs: expect.any(Number) });
    const endless = await new SignJWT({ preferred_username: 'x' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u')
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .sign(key);
    await expect(sut.verify(endless)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'Token lacks the "exp" claim' });
  });

  it('names no username when the token has none: the subject is never taken for a username', async () => {
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('admin')
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(secret));
    await expect(sut.verify(token)).resolves.toEqual({ issuer: DEV_ISSUER, subject: 'admin', expiresAtMs: expect.any(Number) });
  });

  it('refuses to run the development issuer in production', () => {
    expect(() => new DevTokenIssuer(secret, 'production')).toThrow(/production/);
    expect(() => createTokenVerifier({ mode: 'dev', devSecret: secret, issuer: '', audience: '', nodeEnv: 'production' })).toThrow(/production/);
  });
});

describe('maySeeCase', () => {
  it('lets participants and leaders see a case and no one else', () => {
    expect(maySeeCase(actor, ['STTTT', 'CA'])).toBe(true);
    expect(maySeeCase(actor, ['STTTT', 'UBND_LE_THUY'])).toBe(false);
    expect(maySeeCase({ ...actor, agencyCode: 'VP_UBND', roles: ['LEADER'] }, ['STTTT'])).toBe(true);
  });
});
