import { FLOOD_RUMOUR, FLOOD_RUMOUR_EDITED, JOB_SCAM, VACCINATION_NOTICE } from '@phoi-hop/testing';
import { decodeSignature, encodeSignature, estimateSimilarity, fingerprintText, normalizeForMatching, shingles } from './text-fingerprint';

const RUMOUR = FLOOD_RUMOUR;
const EDITED = FLOOD_RUMOUR_EDITED;
const UNRELATED = JOB_SCAM;
const UNRELATED_2 = VACCINATION_NOTICE;

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

describe('text fingerprint', () => {
  it('normalises case, diacritics, punctuation and links for matching', () => {
    expect(normalizeForMatching('  ĐẬP Thủy-điện   VỠ!!! https://x.vn/a?b=1 ')).toBe('dap thuy dien vo');
    expect(normalizeForMatching('Lê\u0323')).toBe(normalizeForMatching('Lệ'));
  });

  it('shingles words, keeping a short text as one shingle', () => {
    expect([...shingles('a b c d')]).toEqual(['a b c', 'b c d']);
    expect([...shingles('a b')]).toEqual(['a b']);
    expect(shingles('').size).toBe(0);
  });

  it('scores the same text 1, and the same text without diacritics or in capitals above 0.95', () => {
    const a = fingerprintText(RUMOUR);
    expect(estimateSimilarity(a.signature, fingerprintText(RUMOUR).signature)).toBe(1);
    expect(estimateSimilarity(a.signature, fingerprintText(fold(RUMOUR)).signature)).toBeGreaterThanOrEqual(0.95);
    expect(estimateSimilarity(a.signature, fingerprintText(RUMOUR.toUpperCase().replace(/,/g, ' ,  ')).signature)).toBeGreaterThanOrEqual(0.95);
  });

  it('scores a lightly edited text high and unrelated texts low', () => {
    const a = fingerprintText(RUMOUR);
    const edited = fingerprintText(EDITED);
    const similarity = estimateSimilarity(a.signature, edited.signature);
    expect(similarity).toBeGreaterThanOrEqual(0.6);
    expect(a.bandKeys.some((key) => edited.bandKeys.includes(key))).toBe(true);
    for (const other of [UNRELATED, UNRELATED_2]) {
      const o = fingerprintText(other);
      expect(estimateSimilarity(a.signature, o.signature)).toBeLessThanOrEqual(0.1);
      expect(a.bandKeys.some((key) => o.bandKeys.includes(key))).toBe(false);
    }
  });

  it('is deterministic, with band keys in the signed 64-bit range', () => {
    const a = fingerprintText(RUMOUR);
    const b = fingerprintText(RUMOUR);
    expect(a.bandKeys).toEqual(b.bandKeys);
    expect(a.bandKeys).toHaveLength(32);
    expect(new Set(a.bandKeys).size).toBe(32);
    for (const key of a.bandKeys) {
      expect(BigInt(key)).toBeGreaterThanOrEqual(-(2n ** 63n));
      expect(BigInt(key)).toBeLessThan(2n ** 63n);
    }
  });

  it('gives an empty text no band keys, so it matches nothing', () => {
    expect(fingerprintText('  !!! ').bandKeys).toEqual([]);
  });

  it('round-trips signatures through bytea', () => {
    const { signature } = fingerprintText(RUMOUR);
    expect(decodeSignature(encodeSignature(signature))).toEqual(signature);
  });

  it('fingerprints a 20,000-character text quickly', () => {
    const long = (RUMOUR + ' ' + UNRELATED + ' ').repeat(40).slice(0, 20_000);
    const started = performance.now();
    const fp = fingerprintText(long);
    expect(performance.now() - started).toBeLessThan(500);
    expect(fp.shingleCount).toBeGreaterThan(50);
  });
});
