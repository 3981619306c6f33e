import { createHash } from 'node:crypto';
import { startLocalTsa, type LocalTsa } from '@phoi-hop/testing';
import { createTimeStampRequest, readTimeStampResponse, requestTimestamp, verifyTimeStampToken } from './rfc3161';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** POSTs a query to the TSA and returns its raw answer. */
async function ask(tsa: LocalTsa, der: Buffer): Promise<Buffer> {
  const response = await fetch(tsa.url, { method: 'POST', headers: { 'content-type': 'application/timestamp-query' }, body: der });
  return Buffer.from(await response.arrayBuffer());
}

describe('RFC 3161 timestamps against openssl ts as the TSA', () => {
  let tsa: LocalTsa;
  let other: LocalTsa;

  beforeAll(async () => {
    [tsa, other] = await Promise.all([startLocalTsa(), startLocalTsa()]);
  });

  afterAll(async () => {
    await Promise.all([tsa?.close(), other?.close()]);
  });

  it('gets a token for a SHA-256 and verifies its imprint, nonce, signature and chain to the TSA’s CA', async () => {
    const hash = sha256('bằng chứng');
    const before = Date.now();
    const { token, verification } = await requestTimestamp(tsa.url, hash, { timeoutMs: 10_000, trustedCertsPem: tsa.caCertPem });
    expect(verification).toMatchObject({ valid: true, problem: null, chained: true, tsaName: tsa.tsaName, policy: '1.3.6.1.4.1.99999.1' });
    expect(verification.genTime!.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 - 1000);
    expect(verification.genTime!.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect(verification.serialNumber).toMatch(/^[0-9a-f]+$/);
    // Offline, later: the same token, with or without the trusted certificates.
    expect(await verifyTimeStampToken(token, { sha256: hash, trustedCertsPem: tsa.caCertPem })).toMatchObject({ valid: true, chained: true });
    expect(await verifyTimeStampToken(token, { sha256: hash })).toMatchObject({ valid: true, chained: false });
    expect(tsa.queries.at(-1)).toEqual(expect.any(Buffer));
  });

  it('fails a token about another hash, with another nonce, from an untrusted TSA, or changed by one byte', async () => {
    const hash = sha256('một nội dung');
    const request = createTimeStampRequest(hash);
    const answer = readTimeStampResponse(await ask(tsa, request.der));
    if (!answer.granted) throw new Error(answer.reason);
    expect(await verifyTimeStampToken(answer.token, { sha256: hash, nonce: request.nonce, trustedCertsPem: tsa.caCertPem })).toMatchObject({ valid: true });
    expect(await verifyTimeStampToken(answer.token, { sha256: sha256('khác'), trustedCertsPem: tsa.caCertPem })).toMatchObject({
      valid: false,
      problem: 'the token is about another hash than the item’s SHA-256',
    });
    expect(await verifyTimeStampToken(answer.token, { sha256: hash, nonce: createTimeStampRequest(hash).nonce })).toMatchObject({
      valid: false,
      problem: 'the token’s nonce is not the request’s',
    });
    const untrusted = await verifyTimeStampToken(answer.token, { sha256: hash, trustedCertsPem: other.caCertPem });
    expect(untrusted).toMatchObject({ valid: false, problem: expect.stringContaining('does not chain to a trusted certificate') });
    // A byte of the signed TSTInfo changed (the last digit of genTime's seconds): the signature no longer holds.
    const genTimeAt = answer.token.indexOf(Buffer.from(String(new Date().getUTCFullYear())));
    const flipped = Buffer.from(answer.token);
    flipped[genTimeAt + 13] = flipped[genTimeAt + 13] === 0x39 ? 0x38 : flipped[genTimeAt + 13]! + 1;
    expect(await verifyTimeStampToken(flipped, { sha256: hash, trustedCertsPem: tsa.caCertPem })).toMatchObject({
      valid: false,
      problem: expect.stringContaining('the signature does not verify'),
    });
  });

  it('says why there is no token: the TSA refuses, answers HTTP errors, drops the connection, or sends no DER', async () => {
    expect(readTimeStampResponse(Buffer.from('not der'))).toEqual({ granted: false, reason: expect.stringContaining('not') });
    tsa.setMode('http-error');
    await expect(requestTimestamp(tsa.url, sha256('x'), { timeoutMs: 5_000, trustedCertsPem: tsa.caCertPem })).rejects.toThrow('the TSA answered HTTP 503');
    tsa.setMode('drop');
    await expect(requestTimestamp(tsa.url, sha256('x'), { timeoutMs: 5_000, trustedCertsPem: tsa.caCertPem })).rejects.toThrow();
    tsa.setMode('ok');
    await expect(requestTimestamp(tsa.url, sha256('x'), { timeoutMs: 5_000, trustedCertsPem: other.caCertPem })).rejects.toThrow(
      'does not chain to a trusted certificate',
    );
    expect(() => createTimeStampRequest('abc')).toThrow('not a SHA-256');
  });
});
