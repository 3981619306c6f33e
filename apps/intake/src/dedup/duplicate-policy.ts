/**
 * Two thresholds, as fact-checking tools use: above `join` a report joins the case; between
 * `suggest` and `join` a new case opens with a "possible duplicate of" suggestion for a person to
 * accept or reject. With 3-word shingles, a lightly edited rumour (a few words changed, a sentence
 * added) scores 0.6–0.9 and unrelated texts below 0.1 (see the spec).
 */
export const DUPLICATE_THRESHOLDS = { join: 0.6, suggest: 0.3 } as const;

/**
 * The least distinct text (3-word shingles, see text-fingerprint) whose similarity may join a case:
 * 8 shingles is a sentence of about ten words. Below it, texts that match say little about being
 * the same content ("Tin giả 12345" is one shingle, and many unrelated posts share a short phrase),
 * so similarity only suggests a possible duplicate; the same canonical URL still joins.
 */
export const MIN_JOIN_SHINGLES = 8;

export interface DuplicateCandidate {
  caseId: string;
  similarity: number;
  sameContentKey: boolean;
}

export type DuplicateVerdict =
  | { kind: 'JOIN'; caseId: string; similarity: number }
  | { kind: 'NEW'; suggestions: Array<{ caseId: string; similarity: number }> };

export const MAX_SUGGESTIONS = 5;

/** What the policy needs of the submitted text: how many distinct shingles it has. */
export interface SubmittedText {
  shingleCount: number;
}

export function decideDuplicate(
  candidates: DuplicateCandidate[],
  text: SubmittedText,
  thresholds: { join: number; suggest: number } = DUPLICATE_THRESHOLDS,
): DuplicateVerdict {
  if (!(thresholds.suggest > 0 && thresholds.suggest <= thresholds.join && thresholds.join <= 1)) {
    throw new RangeError('Thresholds must satisfy 0 < suggest <= join <= 1');
  }
  // Best similarity per case (a case has several reports).
  const byCase = new Map<string, DuplicateCandidate>();
  for (const candidate of candidates) {
    const seen = byCase.get(candidate.caseId);
    if (!seen) byCase.set(candidate.caseId, candidate);
    else byCase.set(candidate.caseId, { caseId: candidate.caseId, similarity: Math.max(seen.similarity, candidate.similarity), sameContentKey: seen.sameContentKey || candidate.sameContentKey });
  }
  const ranked = [...byCase.values()].sort((a, b) => Number(b.sameContentKey) - Number(a.sameContentKey) || b.similarity - a.similarity || a.caseId.localeCompare(b.caseId));
  const best = ranked[0];
  const enoughText = text.shingleCount >= MIN_JOIN_SHINGLES;
  if (best && (best.sameContentKey || (enoughText && best.similarity >= thresholds.join))) {
    return { kind: 'JOIN', caseId: best.caseId, similarity: best.sameContentKey ? Math.max(best.similarity, 1) : best.similarity };
  }
  return {
    kind: 'NEW',
    suggestions: ranked.filter((c) => c.similarity >= thresholds.suggest).slice(0, MAX_SUGGESTIONS).map(({ caseId, similarity }) => ({ caseId, similarity })),
  };
}
