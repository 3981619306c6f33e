import { judgeAddress, judgeUrl } from './address-policy';

describe('judgeAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['224.0.0.1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['fe80::1', 'linkLocal'],
    ['fd00::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
  ])('refuses %s (%s)', (address, range) => {
    expect(judgeAddress(address, false)).toEqual({ allowed: false, reason: expect.stringContaining(range) });
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8'])('allows the public address %s', (address) => {
    expect(judgeAddress(address, false)).toEqual({ allowed: true });
  });

  it('lets the test allowance reach loopback and private addresses, never the metadata service', () => {
    expect(judgeAddress('127.0.0.1', true)).toEqual({ allowed: true });
    expect(judgeAddress('10.0.0.1', true)).toEqual({ allowed: true });
    expect(judgeAddress('169.254.169.254', true).allowed).toBe(false);
  });

  it('refuses what is no address', () => {
    expect(judgeAddress('localhost', false).allowed).toBe(false);
  });
});

describe('judgeUrl', () => {
  it.each([
    ['http://127.0.0.1/', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://169.254.169.254/latest/meta-data/', 'linkLocal'],
    ['https://example.vn:8443/', 'port 8443'],
    ['ftp://example.vn/', 'ftp:'],
    ['file:///etc/passwd', 'file:'],
    ['https://user:pw@example.vn/', 'credentials'],
  ])('refuses %s', (url, reason) => {
    expect(judgeUrl(url, false)).toEqual({ allowed: false, reason: expect.stringContaining(reason) });
  });

  it('allows a public https page and leaves names to be judged after DNS', () => {
    expect(judgeUrl('https://example.vn/bai-viet', false).allowed).toBe(true);
    expect(judgeUrl('http://localhost/', false).allowed).toBe(true);
  });

  it('allows any port with the test allowance', () => {
    expect(judgeUrl('http://127.0.0.1:4567/', true).allowed).toBe(true);
  });
});
