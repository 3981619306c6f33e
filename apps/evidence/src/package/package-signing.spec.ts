import { generateKeyPairSync } from 'node:crypto';
import { signerFromKey, verifySignature } from './package-signing';

describe('package signing', () => {
  it.each([
    ['ECDSA P-256', generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey],
    ['Ed25519', generateKeyPairSync('ed25519').privateKey],
  ])('signs with %s and verifies from the public key alone', (_name, key) => {
    const signer = signerFromKey(key, 'k1');
    const signature = signer.sign('sha256:abc');
    expect(verifySignature(signer.publicKey, 'sha256:abc', signature)).toBe(true);
    expect(verifySignature(signer.publicKey, 'sha256:abd', signature)).toBe(false);
  });

  it('fails verification with another key (a rotated key does not pass for the old one)', () => {
    const old = signerFromKey(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey, 'k1');
    const next = signerFromKey(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey, 'k2');
    expect(verifySignature(next.publicKey, 'x', old.sign('x'))).toBe(false);
    expect(verifySignature(old.publicKey, 'x', old.sign('x'))).toBe(true);
  });

  it('refuses keys of other kinds and curves', () => {
    expect(() => signerFromKey(generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey, 'k')).toThrow('P-256');
    expect(() => signerFromKey(generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey, 'k')).toThrow('ECDSA P-256 or Ed25519');
  });
});
