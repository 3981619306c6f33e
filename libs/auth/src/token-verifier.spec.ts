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

  it('round-trips an actor through a signed token', async () => {
    const token = await issuer.sign(actor);
    await expect(sut.verify(token)).resolves.toEqual(actor);
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

  it('refuses unknown roles', async () => {
    const token = await new SignJWT({ preferred_username: 'x', agency: 'CA', roles: ['GOD'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u')
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(secret));
    await expect(sut.verify(token)).rejects.toMatchObject({ message: 'Token carries unknown roles' });
  });

  it('takes the username from preferred_username, else the subject; agency and roles come from the directory later', async () => {
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('3b241101-e2bb-4255-8caf-4136c566a962').setIssuer(DEV_ISSUER).setAudience(DEV_AUDIENCE).setExpirationTime('1h').sign(new TextEncoder().encode(secret));
    await expect(sut.verify(token)).resolves.toEqual({ userId: '3b241101-e2bb-4255-8caf-4136c566a962', username: '3b241101-e2bb-4255-8caf-4136c566a962', agencyCode: '', roles: [] });
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
