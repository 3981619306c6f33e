import { foldForMatching, provinceDay, type ParticipantRole, type RoutingReason, type Severity } from '@phoi-hop/contracts';
import type { SeedAgency, SeedCategory, SeedLocality, SeedRule, SeedSector } from './reference.types';

export type { ParticipantRole };

export interface RoutingInput {
  categoryCode: string;
  localityCode?: string | null;
  sectorCode?: string | null;
  /** The reported text, for keyword rules (e.g. a journalist named: Đ6.3). */
  text?: string | null;
  /** For severity rules; default the category's default severity. */
  severity?: Severity | null;
}

/** Lower-case NFC words, diacritics kept. */
function wordsOf(text: string): string[] {
  return text.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** A text's words and their folded forms; routing reads one text once per rule that has keywords. */
interface TextWords {
  words: string[];
  folded: string[];
}

let lastText: { text: string; words: TextWords } | null = null;
const keywordWords = new Map<string, TextWords>();

function wordsAndFolded(text: string): TextWords {
  const words = wordsOf(text);
  return { words, folded: words.map((w) => foldForMatching(w)) };
}

/**
 * The first keyword found in the text, as whole words, ignoring case. A word written with
 * diacritics must match them ("bảo" is not "báo"); a word typed without them (common in posts)
 * matches the keyword's word folded.
 */
export function findKeyword(text: string | null | undefined, keywords: readonly string[]): string | null {
  if (!text) return null;
  // The rules of one routing ask about the same text: fold it once.
  if (lastText?.text !== text) lastText = { text, words: wordsAndFolded(text) };
  const { words, folded } = lastText.words;
  for (const keyword of keywords) {
    let kwWords = keywordWords.get(keyword);
    if (!kwWords) {
      kwWords = wordsAndFolded(keyword);
      if (keywordWords.size < 10_000) keywordWords.set(keyword, kwWords);
    }
    const { words: kw, folded: kwFolded } = kwWords;
    if (kw.length === 0) continue;
    for (let i = 0; i + kw.length <= words.length; i++) {
      const matches = kw.every((k, j) => words[i + j] === k || (words[i + j] === folded[i + j] && folded[i + j] === kwFolded[j]));
      if (matches) return keyword;
    }
  }
  return null;
}

export interface RoutingContext {
  rules: SeedRule[];
  categories: Map<string, SeedCategory>;
  localities: Map<string, SeedLocality>;
  sectors: Map<string, SeedSector>;
  agencies: Map<string, SeedAgency>;
  /** Routing date: agencies retired by then are replaced by their successor. */
  at?: Date;
}

export interface RoutedParticipant {
  agencyCode: string;
  role: ParticipantRole;
  /** The distinct articles of every rule that named the agency, joined by "; ". */
  basis: string;
  ruleIds: string[];
}

export class RoutingError extends Error {
  constructor(
    readonly code: 'UNKNOWN_CATEGORY' | 'UNKNOWN_LOCALITY' | 'UNKNOWN_SECTOR',
    readonly field: 'categoryCode' | 'localityCode' | 'sectorCode',
    message: string,
  ) {
    super(message);
    this.name = 'RoutingError';
  }
}

const ROLE_RANK: Record<ParticipantRole, number> = { LEAD: 0, PARTICIPANT: 1, INFORMED: 2 };

interface Evaluation {
  rule: SeedRule;
  matched: boolean;
  reason: string;
  reasonCode: RoutingReason;
  params: Record<string, string>;
  agencyCode: string | null;
}

function isValidOn(agency: SeedAgency, day: string): boolean {
  return (!agency.validFrom || agency.validFrom <= day) && (!agency.validTo || agency.validTo >= day);
}

/** The agency itself when valid on `day`, else its valid successor (cycles end the search). */
export function currentAgency(code: string, agencies: Map<string, SeedAgency>, day: string): string | null {
  const seen = new Set<string>();
  let current: string | null = code;
  while (current && !seen.has(current)) {
    seen.add(current);
    const agency = agencies.get(current);
    if (!agency) return null;
    if (isValidOn(agency, day)) return agency.code;
    current = agency.successorCode;
  }
  return null;
}

function evaluate(rule: SeedRule, input: RoutingInput, category: SeedCategory, ctx: RoutingContext, day: string): Evaluation {
  const when = rule.when ?? {};
  const fail = (reasonCode: RoutingReason, reason: string, params: Record<string, string> = {}): Evaluation => ({ rule, matched: false, reason, reasonCode, params, agencyCode: null });
  if (!when.always) {
    if (when.categoriesAny && !when.categoriesAny.includes(category.code)) {
      return fail('CATEGORY_NOT_LISTED', `category ${category.code} is not one of ${when.categoriesAny.join(', ')}`, { category: category.code, listed: when.categoriesAny.join(', ') });
    }
    if (when.categoryTagsAny && !when.categoryTagsAny.some((t) => category.tags.includes(t))) {
      return fail('CATEGORY_TAGS_MISSING', `category ${category.code} has none of the tags ${when.categoryTagsAny.join(', ')}`, { category: category.code, listed: when.categoryTagsAny.join(', ') });
    }
    if (when.sectorsAny && !(input.sectorCode && when.sectorsAny.includes(input.sectorCode))) {
      return fail('SECTOR_NOT_LISTED', `sector ${input.sectorCode || '(none)'} is not one of ${when.sectorsAny.join(', ')}`, { sector: input.sectorCode || '—', listed: when.sectorsAny.join(', ') });
    }
    if (when.localitiesAny && !(input.localityCode && when.localitiesAny.includes(input.localityCode))) {
      return fail('LOCALITY_NOT_LISTED', `locality ${input.localityCode || '(none)'} is not one of ${when.localitiesAny.join(', ')}`, { locality: input.localityCode || '—', listed: when.localitiesAny.join(', ') });
    }
    const severity = input.severity ?? category.defaultSeverity;
    if (when.severitiesAny && !when.severitiesAny.includes(severity)) {
      return fail('SEVERITY_NOT_LISTED', `severity ${severity} is not one of ${when.severitiesAny.join(', ')}`, { severity, listed: when.severitiesAny.join(', ') });
    }
    if (when.keywordsAny && !findKeyword(input.text, when.keywordsAny)) return fail('NO_KEYWORD', `the text names none of: ${when.keywordsAny.join(', ')}`, { listed: when.keywordsAny.join(', ') });
  }
  let target: string | null;
  if ('agency' in rule.target) target = rule.target.agency;
  else if ('localityCommittee' in rule.target) {
    if (!input.localityCode) return fail('NO_LOCALITY', 'the case has no locality');
    target = ctx.localities.get(input.localityCode)?.committeeAgencyCode ?? null;
  } else {
    if (!input.sectorCode) return fail('NO_SECTOR', 'the case has no sector');
    target = ctx.sectors.get(input.sectorCode)?.departmentAgencyCode ?? null;
  }
  const agencyCode = target ? currentAgency(target, ctx.agencies, day) : null;
  if (!agencyCode) return fail('AGENCY_NOT_VALID', `agency ${target ?? '?'} is not valid on ${day} and has no valid successor`, { agency: target ?? '?', day });
  const replaced = agencyCode !== target ? ` (successor of ${target})` : '';
  return {
    rule,
    matched: true,
    reason: `${when.always ? 'applies to every case' : 'conditions hold'}${replaced}`,
    reasonCode: when.always ? 'ALWAYS' : 'CONDITIONS_HOLD',
    params: agencyCode !== target ? { successorOf: target! } : {},
    agencyCode,
  };
}

function prepare(input: RoutingInput, ctx: RoutingContext): { category: SeedCategory; day: string } {
  const category = ctx.categories.get(input.categoryCode);
  if (!category) throw new RoutingError('UNKNOWN_CATEGORY', 'categoryCode', `Unknown category ${input.categoryCode}`);
  if (input.localityCode && !ctx.localities.has(input.localityCode)) throw new RoutingError('UNKNOWN_LOCALITY', 'localityCode', `Unknown locality ${input.localityCode}`);
  if (input.sectorCode && !ctx.sectors.has(input.sectorCode)) throw new RoutingError('UNKNOWN_SECTOR', 'sectorCode', `Unknown sector ${input.sectorCode}`);
  return { category, day: provinceDay(ctx.at ?? new Date()) };
}

/**
 * Đ6, Đ7: the agencies responsible for a case, one entry per agency with its strongest role and
 * every article that put it there. LEAD first, then PARTICIPANT, then INFORMED, by code.
 */
export function routeCase(input: RoutingInput, ctx: RoutingContext): RoutedParticipant[] {
  const { category, day } = prepare(input, ctx);
  const byAgency = new Map<string, RoutedParticipant>();
  for (const rule of ctx.rules) {
    const evaluation = evaluate(rule, input, category, ctx, day);
    if (!evaluation.matched || !evaluation.agencyCode) continue;
    const existing = byAgency.get(evaluation.agencyCode);
    if (!existing) {
      byAgency.set(evaluation.agencyCode, { agencyCode: evaluation.agencyCode, role: rule.role, basis: rule.article, ruleIds: [rule.id] });
      continue;
    }
    if (ROLE_RANK[rule.role] < ROLE_RANK[existing.role]) existing.role = rule.role;
    const articles = existing.basis.split('; ');
    for (const article of rule.article.split('; ')) if (!articles.includes(article)) articles.push(article);
    existing.basis = articles.join('; ');
    existing.ruleIds.push(rule.id);
  }
  // Code-point order, not localeCompare: the same order on every machine.
  return [...byAgency.values()].sort((a, b) => ROLE_RANK[a.role] - ROLE_RANK[b.role] || (a.agencyCode < b.agencyCode ? -1 : a.agencyCode > b.agencyCode ? 1 : 0));
}

export interface RuleExplanation {
  ruleId: string;
  article: string;
  matched: boolean;
  reason: string;
  reasonCode: RoutingReason;
  params: Record<string, string>;
  /** The agency the rule names for this case (after successors), or null when it did not match. */
  agencyCode: string | null;
}

/** Why each rule matched or not, for a hypothetical case, in rule order. */
export function explainRouting(input: RoutingInput, ctx: RoutingContext): RuleExplanation[] {
  const { category, day } = prepare(input, ctx);
  return ctx.rules.map((rule) => {
    const { matched, reason, reasonCode, params, agencyCode } = evaluate(rule, input, category, ctx, day);
    return { ruleId: rule.id, article: rule.article, matched, reason, reasonCode, params, agencyCode };
  });
}
