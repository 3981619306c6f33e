import { SignedLinks, serviceBaseUrl } from './signed-link';

type Claims = { kind: 'upload'; ticketId: string } | { kind: 'download'; fileId: string };

describe('SignedLinks', () => {
  const secret = 'internal-token-secret'.padEnd(40, 'x');
  const links = new SignedLinks<Claims>(secret, 'files/v1', 'phoi-hop-test');
  const inAMinute = () => new Date(Date.now() + 60_000);

  it('answers the claims of an address it signed, for the kind it was signed for only', async () => {
    const token = await links.sign({ kind: 'download', fileId: 'f1' }, inAMinute());
    expect(await links.verify(token, 'download')).toMatchObject({ kind: 'download', fileId: 'f1' });
    expect(await links.verify(token, 'upload')).toBeNull();
  });

  it('refuses an expired, altered or foreign address, and one of another purpose or issuer under the same secret', async () => {
    const expired = await links.sign({ kind: 'upload', ticketId: 't1' }, new Date(Date.now() - 1_000));
    expect(await links.verify(expired, 'upload')).toBeNull();
    const token = await links.sign({ kind: 'upload', ticketId: 't1' }, inAMinute());
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ kind: 'upload', ticketId: 't2', iss: 'phoi-hop-test', exp: 9_999_999_999 })).toString('base64url');
    expect(await links.verify(`${header}.${forged}.${signature}`, 'upload')).toBeNull();
    expect(await links.verify('not-a-token', 'upload')).toBeNull();
    expect(await new SignedLinks<Claims>(secret, 'other-purpose/v1', 'phoi-hop-test').verify(token, 'upload')).toBeNull();
    expect(await new SignedLinks<Claims>(secret, 'files/v1', 'phoi-hop-other').verify(token, 'upload')).toBeNull();
  });
});

describe('serviceBaseUrl', () => {
  it('uses the public URL without its trailing slashes, else the listening port on loopback, else the default port', () => {
    const listening = { httpAdapter: { getHttpServer: () => ({ address: () => ({ port: 41234 }) }) } };
    expect(serviceBaseUrl('https://phoi-hop.example.gov.vn/', listening, 3105)).toBe('https://phoi-hop.example.gov.vn');
    expect(serviceBaseUrl(null, listening, 3105)).toBe('http://127.0.0.1:41234');
    expect(serviceBaseUrl(null, {}, 3105)).toBe('http://127.0.0.1:3105');
  });
});
