import { createHash, createPublicKey, verify } from 'node:crypto';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { chainHash, type AuditEntry } from '@phoi-hop/persistence';
import { verifyTimeStampToken } from '@phoi-hop/timestamping';

export interface WaczProblem {
  /** The file of the package that fails (or the package itself). */
  file: string;
  reason: string;
}

export interface WaczReport {
  ok: boolean;
  problems: WaczProblem[];
  checkedFiles: number;
  custodyEntries: number;
  /** RFC 3161 tokens checked (timestamps/<item id>.tst against the item's SHA-256 in evidence/items.json). */
  timestamps: number;
  keyId: string | null;
}

export interface WaczVerifyOptions {
  /** Base64 public keys by key id: the package must be signed by the key of the id it names. */
  trustedKeys?: Record<string, string> | null;
  /** PEM certificates the timestamps' signing certificates must chain to; none: each token's signature is checked with the certificate it carries. */
  tsaCertsPem?: string | null;
}

interface Resource {
  path: string;
  hash: string;
  bytes: number;
}

const CUSTODY_LOG = 'custody/custody-log.jsonl';
const ITEMS = 'evidence/items.json';
const TIMESTAMP = /^timestamps\/([0-9a-f-]{36})\.tst$/;

function open(file: string): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: false }, (error, zip) => (error ? reject(error) : resolve(zip!))),
  );
}

async function entriesOf(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** The entry's bytes, hashed as they are read (the content is kept only for the small JSON files). */
function readEntry(zip: ZipFile, entry: Entry, keep: boolean): Promise<{ sha256: string; size: number; bytes: Buffer | null }> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(error ?? new Error('unreadable'));
      const hash = createHash('sha256');
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        size += chunk.length;
        if (keep) chunks.push(chunk);
      });
      stream.on('error', reject);
      stream.on('end', () => resolve({ sha256: hash.digest('hex'), size, bytes: keep ? Buffer.concat(chunks) : null }));
    });
  });
}

function checkSignature(signedData: Record<string, unknown>, expectedHash: string): string | null {
  const { hash, signature, publicKey } = signedData as { hash?: string; signature?: string; publicKey?: string };
  if (hash !== expectedHash) return 'signedData.hash is not the hash of datapackage.json';
  if (typeof signature !== 'string' || typeof publicKey !== 'string') return 'signedData has no signature and public key';
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    const data = Buffer.from(hash);
    const good =
      key.asymmetricKeyType === 'ec'
        ? verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64'))
        : verify(null, data, key, Buffer.from(signature, 'base64'));
    return good ? null : 'the signature does not verify with the public key it names';
  } catch (error) {
    return `the signature cannot be checked: ${(error as Error).message}`;
  }
}

/** Each custody entry still hashes to its recorded link, and consecutive entries chain. */
function checkCustody(lines: string[]): string | null {
  let previous: { seq: number; hash: string } | null = null;
  for (const [i, line] of lines.entries()) {
    let parsed: AuditEntry & { prevHash: string; hash: string };
    try {
      parsed = JSON.parse(line);
    } catch {
      return `line ${i + 1} is not JSON`;
    }
    const { prevHash, hash, ...entry } = parsed;
    if (chainHash(prevHash, entry) !== hash) return `entry #${entry.seq} (line ${i + 1}) does not hash to its recorded link`;
    if (previous && entry.seq === previous.seq + 1 && prevHash !== previous.hash) return `entry #${entry.seq} does not follow entry #${previous.seq}`;
    previous = { seq: entry.seq, hash };
  }
  return null;
}

/**
 * Verifies a WACZ evidence package offline: datapackage.json against datapackage-digest.json, the
 * signature against the public key in signedData (and the key id against `trustedKeys` when
 * given), every listed resource's sha256 and size, no unlisted file, WARC files stored without
 * compression, the custody log's hash links, and each item's RFC 3161 timestamp token (its imprint
 * is the item's SHA-256, its signature holds, and with `tsaCertsPem` its certificate chains to one
 * of those). Every failing file is named.
 */
export async function verifyWacz(file: string, options: WaczVerifyOptions = {}): Promise<WaczReport> {
  const trustedKeys = options.trustedKeys ?? null;
  const problems: WaczProblem[] = [];
  const zip = await open(file);
  try {
    const entries = await entriesOf(zip);
    const byName = new Map(entries.map((e) => [e.fileName, e]));
    const digestEntry = byName.get('datapackage-digest.json');
    const packageEntry = byName.get('datapackage.json');
    if (!digestEntry || !packageEntry)
      return {
        ok: false,
        problems: [{ file: digestEntry ? 'datapackage.json' : 'datapackage-digest.json', reason: 'missing' }],
        checkedFiles: 0,
        custodyEntries: 0,
        timestamps: 0,
        keyId: null,
      };
    const datapackage = await readEntry(zip, packageEntry, true);
    let digest: { path?: string; hash?: string; signedData?: Record<string, unknown> } = {};
    try {
      digest = JSON.parse((await readEntry(zip, digestEntry, true)).bytes!.toString('utf8'));
    } catch {
      problems.push({ file: 'datapackage-digest.json', reason: 'not JSON' });
    }
    const keyId = typeof digest.signedData?.['keyId'] === 'string' ? (digest.signedData['keyId'] as string) : null;
    if (digest.hash !== `sha256:${datapackage.sha256}`)
      problems.push({ file: 'datapackage.json', reason: 'its hash is not the one in datapackage-digest.json' });
    else if (!digest.signedData) problems.push({ file: 'datapackage-digest.json', reason: 'no signedData' });
    else {
      const bad = checkSignature(digest.signedData, digest.hash);
      if (bad) problems.push({ file: 'datapackage-digest.json', reason: bad });
      else if (trustedKeys && (!keyId || trustedKeys[keyId] !== digest.signedData['publicKey']))
        problems.push({ file: 'datapackage-digest.json', reason: `key ${keyId ?? '(none)'} is not a trusted key of that id` });
    }
    let resources: Resource[] = [];
    try {
      resources = (JSON.parse(datapackage.bytes!.toString('utf8')) as { resources: Resource[] }).resources ?? [];
    } catch {
      problems.push({ file: 'datapackage.json', reason: 'not JSON' });
    }
    let custodyEntries = 0;
    let items: { id: string; sha256: string }[] = [];
    const tokens: { path: string; itemId: string; bytes: Buffer }[] = [];
    for (const resource of resources) {
      const entry = byName.get(resource.path);
      if (!entry) {
        problems.push({ file: resource.path, reason: 'listed in datapackage.json but not in the package' });
        continue;
      }
      if (resource.path.endsWith('.warc') && entry.compressionMethod !== 0)
        problems.push({ file: resource.path, reason: 'a WARC file must be stored without compression' });
      let read;
      try {
        read = await readEntry(zip, entry, resource.path === CUSTODY_LOG || resource.path === ITEMS || TIMESTAMP.test(resource.path));
      } catch (error) {
        problems.push({ file: resource.path, reason: `unreadable: ${(error as Error).message}` });
        continue;
      }
      if (`sha256:${read.sha256}` !== resource.hash || read.size !== resource.bytes) {
        problems.push({ file: resource.path, reason: `sha256 or size differs from datapackage.json (sha256:${read.sha256}, ${read.size} bytes)` });
        continue;
      }
      if (resource.path === CUSTODY_LOG) {
        const lines = read.bytes!.toString('utf8').split('\n').filter(Boolean);
        custodyEntries = lines.length;
        const bad = checkCustody(lines);
        if (bad) problems.push({ file: CUSTODY_LOG, reason: bad });
      }
      if (resource.path === ITEMS) {
        try {
          items = JSON.parse(read.bytes!.toString('utf8'));
        } catch {
          problems.push({ file: ITEMS, reason: 'not JSON' });
        }
      }
      const timestamp = TIMESTAMP.exec(resource.path);
      if (timestamp) tokens.push({ path: resource.path, itemId: timestamp[1]!, bytes: read.bytes! });
    }
    for (const token of tokens) {
      const item = items.find((i) => i.id === token.itemId);
      if (!item) {
        problems.push({ file: token.path, reason: `no item ${token.itemId} in ${ITEMS}` });
        continue;
      }
      const verification = await verifyTimeStampToken(token.bytes, { sha256: item.sha256, trustedCertsPem: options.tsaCertsPem ?? null });
      if (!verification.valid) problems.push({ file: token.path, reason: `the RFC 3161 timestamp does not verify: ${verification.problem}` });
    }
    const listed = new Set([...resources.map((r) => r.path), 'datapackage.json', 'datapackage-digest.json']);
    for (const entry of entries)
      if (!listed.has(entry.fileName) && !entry.fileName.endsWith('/')) problems.push({ file: entry.fileName, reason: 'not listed in datapackage.json' });
    return { ok: problems.length === 0, problems, checkedFiles: resources.length, custodyEntries, timestamps: tokens.length, keyId };
  } finally {
    zip.close();
  }
}
