import { signReplyLink, verifyReplyLink } from './reply-link';

const SECRET = 'a-reply-link-secret-of-at-least-32-chars';
const LINK = { linkId: '0b9c3f5e-2a41-4c7d-9e1f-6a5b4c3d2e1f', expiresAt: new Date('2026-03-20T16:59:59Z') };
const BEFORE = new Date('2026-03-10T03:00:00Z');

describe(verifyReplyLink.name, () => {
  const token = signReplyLink(SECRET, LINK);

  it('gives back the nonce and expiry of a link it signed, URL-safe', () => {
    expect(token).toMatch(/^[0-9a-z._-]+$/i);
    expect(verifyReplyLink(SECRET, token, BEFORE)).toEqual(LINK);
  });

  it('refuses an expired link', () => {
    expect(verifyReplyLink(SECRET, token, new Date('2026-03-20T17:00:00Z'))).toBeNull();
  });

  it('refuses a link signed with another secret', () => {
    expect(verifyReplyLink('another-secret-of-at-least-32-characters', token, BEFORE)).toBeNull();
  });

  it.each([
    ['another nonce', (t: string) => `${'1'.repeat(32)}${t.slice(32)}`],
    ['a later expiry', (t: string) => t.replace(/\.([0-9a-z]+)\./, (_, exp: string) => `.${(parseInt(exp, 36) + 86_400).toString(36)}.`)],
    ['a changed signature', (t: string) => `${t.slice(0, -1)}${t.endsWith('A') ? 'B' : 'A'}`],
    // The last character's two low bits are unused by base64url: a decoder reads the same signature.
    [
      'a change in the signature’s unused bits',
      (t: string) => {
        const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
        return `${t.slice(0, -1)}${alphabet[alphabet.indexOf(t.slice(-1)) ^ 1]}`;
      },
    ],
    ['a truncated token', (t: string) => t.slice(0, -5)],
    ['garbage', () => '../../etc/passwd'],
    ['an empty token', () => ''],
  ])('refuses %s', (_what, alter) => {
    expect(verifyReplyLink(SECRET, alter(token), BEFORE)).toBeNull();
  });
});
