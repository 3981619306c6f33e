import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import { OidcTokenVerifier } from './token-verifier';

/**
 * The production path: tokens of an OIDC provider verified against its JWKS, served here by a
 * local HTTP server that can rotate its keys (no network beyond loopback).
 */
describe(OidcTokenVerifier.name, () => {
  let server: Server;
  let issuer: string;
  let keys: JWK[] = [];

  async function newKey(kid: string) {
    const pair = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(pair.publicKey)), kid, alg: 'RS256', use: 'sig' };
    return { kid, privateKey: pair.privateKey, jwk };
  }

  const sign = (key: { kid: string; privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'] }, claims: Record<string, unknown> = {}, options: { iss?: string; aud?: string; exp?: number } = {}) =>
    new SignJWT({ preferred_username: 'syt.officer', agency: 'SYT', roles: ['OFFICER'], ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid })
      .setSubject('3b241101-e2bb-4255-8caf-4136c566a962')
      .setIssuer(options.iss ?? issuer)
      .setAudience(options.aud ?? 'phoi-hop')
      .setIssuedAt()
      .setExpirationTime(options.exp ?? Math.floor(Date.now() / 1000) + 300)
      .sign(key.privateKey);

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/realms/qb/protocol/openid-connect/certs') {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ keys }));
      } else {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/qb`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('verifies a token of the issuer, and follows a key rotation', async () => {
    const first = await newKey('k1');
    keys = [first.jwk];
    const sut = new OidcTokenVerifier({ mode: 'oidc', issuer, audience: 'phoi-hop', clockToleranceSeconds: 5, jwksCooldownMs: 0 });
    await expect(sut.verify(await sign(first))).resolves.toEqual({ userId: '3b241101-e2bb-4255-8caf-4136c566a962', username: 'syt.officer', agencyCode: 'SYT', roles: ['OFFICER'] });

    // The provider rotates: a token signed with the new key is accepted once the JWKS shows it.
    const second = await newKey('k2');
    keys = [second.jwk];
    await expect(sut.verify(await sign(second))).resolves.toMatchObject({ username: 'syt.officer' });
  });

  it('refuses another issuer, another audience, an expired token, an unknown key and unknown roles', async () => {
    const key = await newKey('k3');
    keys = [key.jwk];
    const sut = new OidcTokenVerifier({ mode: 'oidc', issuer, audience: 'phoi-hop', clockToleranceSeconds: 5 });
    await expect(sut.verify(await sign(key, {}, { iss: 'http://127.0.0.1:1/realms/other' }))).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'Token claim "iss" is invalid' });
    await expect(sut.verify(await sign(key, {}, { aud: 'another-app' }))).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'Token claim "aud" is invalid' });
    await expect(sut.verify(await sign(key, {}, { exp: Math.floor(Date.now() / 1000) - 60 }))).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'Token expired' });
    await expect(sut.verify(await sign(key, { roles: ['SUPERUSER'] }))).rejects.toMatchObject({ message: 'Token carries unknown roles' });
    const stranger = await newKey('k3');
    await expect(sut.verify(await sign(stranger))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
