import { DUPLICATE_THRESHOLDS, MIN_JOIN_SHINGLES, decideDuplicate as decideWith, type DuplicateCandidate } from './duplicate-policy';
import { fingerprintText } from './text-fingerprint';

/** A submission with plenty of text: only the similarity decides. */
const LONG_TEXT = { shingleCount: 40 };
const decideDuplicate = (candidates: DuplicateCandidate[], thresholds?: { join: number; suggest: number }) => decideWith(candidates, LONG_TEXT, thresholds);

describe('decideDuplicate', () => {
  it('joins the case with the same canonical URL whatever the text', () => {
    expect(decideDuplicate([{ caseId: 'b', similarity: 0.9, sameContentKey: false }, { caseId: 'a', similarity: 0.1, sameContentKey: true }])).toEqual({ kind: 'JOIN', caseId: 'a', similarity: 1 });
  });

  it('joins the most similar case above the join threshold, ties broken by id', () => {
    const verdict = decideDuplicate([
      { caseId: 'c', similarity: 0.7, sameContentKey: false },
      { caseId: 'b', similarity: 0.9, sameContentKey: false },
      { caseId: 'a', similarity: 0.9, sameContentKey: false },
    ]);
    expect(verdict).toEqual({ kind: 'JOIN', caseId: 'a', similarity: 0.9 });
  });

  it('opens a new case with suggestions between the thresholds, best first, at most five', () => {
    const candidates = Array.from({ length: 8 }, (_, i) => ({ caseId: `c${i}`, similarity: 0.3 + i * 0.03, sameContentKey: false }));
    candidates.push({ caseId: 'low', similarity: 0.1, sameContentKey: false });
    const verdict = decideDuplicate(candidates);
    expect(verdict.kind).toBe('NEW');
    if (verdict.kind === 'NEW') {
      expect(verdict.suggestions.map((s) => s.caseId)).toEqual(['c7', 'c6', 'c5', 'c4', 'c3']);
    }
  });

  it('uses the best report of a case', () => {
    const verdict = decideDuplicate([
      { caseId: 'a', similarity: 0.2, sameContentKey: false },
      { caseId: 'a', similarity: DUPLICATE_THRESHOLDS.join, sameContentKey: false },
    ]);
    expect(verdict).toMatchObject({ kind: 'JOIN', caseId: 'a' });
  });

  it('opens a plain new case when nothing is similar', () => {
    expect(decideDuplicate([])).toEqual({ kind: 'NEW', suggestions: [] });
  });

  it('only suggests a text match below the minimum of distinct text; the same URL still joins', () => {
    const short = fingerprintText('Tin giả 12345');
    expect(short.shingleCount).toBeLessThan(MIN_JOIN_SHINGLES);
    expect(decideWith([{ caseId: 'a', similarity: 1, sameContentKey: false }], short)).toEqual({ kind: 'NEW', suggestions: [{ caseId: 'a', similarity: 1 }] });
    expect(decideWith([{ caseId: 'a', similarity: 1, sameContentKey: true }], short)).toEqual({ kind: 'JOIN', caseId: 'a', similarity: 1 });
    expect(decideWith([{ caseId: 'a', similarity: 1, sameContentKey: false }], { shingleCount: MIN_JOIN_SHINGLES })).toMatchObject({ kind: 'JOIN', caseId: 'a' });
  });

  it('refuses thresholds out of order', () => {
    expect(() => decideDuplicate([], { join: 0.4, suggest: 0.5 })).toThrow(RangeError);
    expect(() => decideDuplicate([], { join: 1.2, suggest: 0.5 })).toThrow(RangeError);
  });
});
