import { CASE_NUMBER_PATTERN, canonicalizeUrl } from '@phoi-hop/contracts';

/** What one free-text query of the case list looks for. */
export interface CaseSearchTerms {
  /** The text as the excerpt index holds it: trimmed, single spaces (the database folds case and diacritics). */
  text: string;
  /** The case number the text is, upper-cased; null when it is not one. */
  number: string | null;
  /** The canonical URL the text is (a pasted link, with or without its scheme); null when it is not one. */
  canonicalUrl: string | null;
}

/** A bare link without its scheme, such as "facebook.com/groups/x/posts/1": a host with a dot, then a path. */
const SCHEMELESS_LINK = /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d+)?\/\S*$/u;

/** Reads a search text: a case number and a link are found exactly; any text is matched against excerpts. */
export function caseSearchTerms(raw: string): CaseSearchTerms {
  const text = raw.trim().replace(/\s+/gu, ' ');
  const number = CASE_NUMBER_PATTERN.test(text) ? text.toUpperCase() : null;
  let canonicalUrl: string | null = null;
  if (!/\s/u.test(text)) {
    const candidate = /^https?:\/\//iu.test(text) ? text : SCHEMELESS_LINK.test(text) ? `https://${text}` : null;
    const canonical = candidate ? canonicalizeUrl(candidate) : null;
    if (canonical?.ok) canonicalUrl = canonical.url;
  }
  return { text, number, canonicalUrl };
}
