import type { Actor } from '@phoi-hop/contracts';
import { InternalTokenIssuer, InternalTokenVerifier } from '@phoi-hop/auth';
import { credentialFrom } from '../graphql/common/gql-context';
import { InternalTokenMinter } from './internal-token.minter';

const secret = 'minter-test-secret-of-sufficient-length-01';
const officer: Actor = { userId: 'u', username: 'syt.officer', agencyCode: 'SYT', roles: ['OFFICER'] };
const client: Actor = { userId: 'k', username: 'api-key:k', agencyCode: 'STTTT', roles: ['API_CLIENT'], scopes: ['submitReport'], apiKeyId: 'k' };

describe(InternalTokenMinter.name, () => {
  it('reuses a token per actor until shortly before it expires, and mints anew when the actor changes', async () => {
    const signed = jest.spyOn(InternalTokenIssuer.prototype, 'sign');
    let now = Date.now();
    const sut = new InternalTokenMinter(secret, 300, 100, () => now);
    const first = await sut.tokenFor(officer);
    expect((await sut.tokenFor(officer)).token).toBe(first.token);
    expect(signed).toHaveBeenCalledTimes(1);
    await expect(new InternalTokenVerifier(secret).verify(first.token)).resolves.toEqual(officer);
    const promoted = await sut.tokenFor({ ...officer, roles: ['OFFICER', 'ADMIN'] });
    await expect(new InternalTokenVerifier(secret).verify(promoted.token)).resolves.toMatchObject({ roles: ['OFFICER', 'ADMIN'] });
    now += 280_000;
    await sut.tokenFor(officer);
    expect(signed).toHaveBeenCalledTimes(3);
    signed.mockRestore();
  });

  it('forgets the tokens of a revoked API key', async () => {
    const signed = jest.spyOn(InternalTokenIssuer.prototype, 'sign');
    const sut = new InternalTokenMinter(secret, 300);
    await sut.tokenFor(client);
    await sut.tokenFor(officer);
    sut.forgetApiKey('k');
    await sut.tokenFor(client);
    await sut.tokenFor(officer);
    expect(signed).toHaveBeenCalledTimes(3);
    signed.mockRestore();
  });
});

describe('credentialFrom', () => {
  it('reads a bearer token, an API key in Authorization or X-Api-Key, and nothing else', () => {
    expect(credentialFrom({ authorization: 'Bearer abc' })).toEqual({ kind: 'bearer', token: 'abc' });
    expect(credentialFrom({ authorization: 'ApiKey php_x' })).toEqual({ kind: 'apiKey', secret: 'php_x' });
    expect(credentialFrom({ 'x-api-key': ' php_y ' })).toEqual({ kind: 'apiKey', secret: 'php_y' });
    expect(credentialFrom({ Authorization: 'bearer def' })).toEqual({ kind: 'bearer', token: 'def' });
    expect(credentialFrom({ authorization: 'Basic dXNlcjpwdw==' })).toBeNull();
    expect(credentialFrom({})).toBeNull();
  });
});
