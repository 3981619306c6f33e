import { foldForMatching } from '@phoi-hop/contracts';

/**
 * Near-duplicate detection for Vietnamese text: MinHash signatures over word shingles, with LSH band
 * keys that Postgres indexes (bigint[] + GIN), so that finding candidates stays an index lookup at a
 * million cases; candidates are then compared on their full signatures.
 */

export const DEFAULT_NUM_HASHES = 128;
export const DEFAULT_BANDS = 32;
export const SHINGLE_SIZE = 3;

export interface TextFingerprint {
  signature: Uint32Array;
  /** One key per band, signed 64-bit integers as decimal strings (Postgres bigint). */
  bandKeys: string[];
  shingleCount: number;
}

/** Folded for matching only: the stored excerpt keeps its diacritics. */
export function normalizeForMatching(text: string): string {
  return foldForMatching(text);
}

/**
 * Word shingles of `size` words. A text shorter than that is one shingle, so that short texts still
 * match themselves and nothing else.
 */
export function shingles(normalized: string, size = SHINGLE_SIZE): Set<string> {
  const words = normalized.split(' ').filter(Boolean);
  const result = new Set<string>();
  if (words.length === 0) return result;
  if (words.length < size) {
    result.add(words.join(' '));
    return result;
  }
  for (let i = 0; i + size <= words.length; i++) result.add(words.slice(i, i + size).join(' '));
  return result;
}

/** 32-bit FNV-1a over UTF-16 code units: stable across processes and versions. */
function fnv1a(value: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** murmur3's 32-bit finaliser: spreads the bits of a 32-bit value. */
function mix(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

// Fixed per-hash seeds (derived, not random) keep signatures comparable forever.
const SEEDS = Array.from({ length: 1024 }, (_, i) => mix(0x9e3779b9 ^ Math.imul(i + 1, 0x27d4eb2d)));

export function fingerprintText(text: string, options: { numHashes?: number; bands?: number } = {}): TextFingerprint {
  const numHashes = options.numHashes ?? DEFAULT_NUM_HASHES;
  const bands = options.bands ?? DEFAULT_BANDS;
  if (numHashes % bands !== 0 || numHashes > SEEDS.length) throw new RangeError('numHashes must be a multiple of bands, at most 1024');
  const set = shingles(normalizeForMatching(text));
  const signature = new Uint32Array(numHashes).fill(0xffffffff);
  for (const shingle of set) {
    const base = fnv1a(shingle);
    for (let i = 0; i < numHashes; i++) {
      const h = mix(base ^ SEEDS[i]!);
      if (h < signature[i]!) signature[i] = h;
    }
  }
  const rows = numHashes / bands;
  const bandKeys: string[] = [];
  for (let band = 0; band < bands; band++) {
    // Two independent 32-bit hashes of (band, rows) make one 64-bit key.
    let hi = mix(0x6a09e667 ^ band);
    let lo = mix(0xbb67ae85 ^ Math.imul(band + 1, 0x9e3779b1));
    for (let r = 0; r < rows; r++) {
      const v = signature[band * rows + r]!;
      hi = mix(hi ^ v);
      lo = mix(Math.imul(lo ^ v, 0x01000193) ^ 0x5bd1e995);
    }
    bandKeys.push(BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo)).toString());
  }
  return { signature, bandKeys: set.size === 0 ? [] : bandKeys, shingleCount: set.size };
}

/** Estimated Jaccard similarity: the fraction of equal signature slots. */
export function estimateSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++;
  return equal / a.length;
}

/** Signature as bytea: 4 bytes per hash, little-endian. */
export function encodeSignature(signature: Uint32Array): Buffer {
  const buffer = Buffer.alloc(signature.length * 4);
  signature.forEach((value, i) => buffer.writeUInt32LE(value, i * 4));
  return buffer;
}

export function decodeSignature(buffer: Buffer): Uint32Array {
  const signature = new Uint32Array(buffer.length / 4);
  for (let i = 0; i < signature.length; i++) signature[i] = buffer.readUInt32LE(i * 4);
  return signature;
}
