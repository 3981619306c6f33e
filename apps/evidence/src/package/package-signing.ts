import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The key that signs evidence packages (WACZ authentication, anonymous form: the signature and the
 * public key travel in the package). Each package names its key id, so after a rotation old
 * packages still verify against the key they name.
 */
export interface PackageSigner {
  keyId: string;
  /** Base64 of the DER SubjectPublicKeyInfo. */
  publicKey: string;
  sign(data: string): string;
}

export const PACKAGE_SIGNER = Symbol('PACKAGE_SIGNER');

export function signerFromKey(privateKey: KeyObject, keyId: string): PackageSigner {
  const type = privateKey.asymmetricKeyType;
  if (type !== 'ec' && type !== 'ed25519') throw new Error('Invalid configuration: EVIDENCE_SIGNING_KEY must be an ECDSA P-256 or Ed25519 private key');
  if (type === 'ec' && privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') throw new Error('Invalid configuration: EVIDENCE_SIGNING_KEY must use the P-256 curve');
  const publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64');
  return {
    keyId,
    publicKey,
    // ECDSA signatures in the IEEE P1363 form WebCrypto produces, which WACZ verifiers expect.
    sign: (data) => (type === 'ec' ? sign('sha256', Buffer.from(data), { key: privateKey, dsaEncoding: 'ieee-p1363' }) : sign(null, Buffer.from(data), privateKey)).toString('base64'),
  };
}

/** Verifies a package signature made by signerFromKey, from the public key it carries. */
export function verifySignature(publicKeyBase64: string, data: string, signatureBase64: string): boolean {
  const key = createPublicKey({ key: Buffer.from(publicKeyBase64, 'base64'), format: 'der', type: 'spki' });
  const signature = Buffer.from(signatureBase64, 'base64');
  return key.asymmetricKeyType === 'ec' ? verify('sha256', Buffer.from(data), { key, dsaEncoding: 'ieee-p1363' }, signature) : verify(null, Buffer.from(data), key, signature);
}

/**
 * The configured key (`EVIDENCE_SIGNING_KEY`, required in production), or for development a P-256
 * key generated once and kept beside the blobs, so packages made across restarts share a key.
 */
export async function loadSigner(options: { pem: string | null; keyId: string | null; evidenceDir: string }): Promise<PackageSigner> {
  if (options.pem) return signerFromKey(createPrivateKey(options.pem), options.keyId!);
  const file = path.join(options.evidenceDir, 'development-signing-key.pem');
  if (!existsSync(file)) {
    await mkdir(options.evidenceDir, { recursive: true });
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    await writeFile(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' }).catch((error: { code?: string }) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
  const key = createPrivateKey(await readFile(file, 'utf8'));
  const spki = createPublicKey(key).export({ type: 'spki', format: 'der' });
  return signerFromKey(key, `dev-${createHash('sha256').update(spki).digest('hex').slice(0, 16)}`);
}
