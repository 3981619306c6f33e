import {
  AppealDecisions,
  APPEAL_DECISION_LABELS,
  EventSubjects,
  HANDLING_ACTION_TYPE_LABELS,
  PLATFORM_LABELS,
  PRESS_EVENT_KIND_BY_SUBJECT,
  PRESS_EVENT_KIND_LABELS,
  REMOVAL_OUTCOME_LABELS,
  RULING_OUTCOME_LABELS,
  RulingOutcomes,
  type AppealDecision,
  type HandlingActionTypeCode,
  type Platform,
  type RemovalOutcome,
  type RulingOutcome,
  type TransparencyReportDto,
} from '@phoi-hop/contracts';
import { pressOutcomeOf } from '../read-model/read-model.rules';
import { publishBreakdown, publishDerived, publishRate, SUPPRESSION_THRESHOLD } from './suppression.rules';

/** Actions that restrict content or expression (DSA "restrictive measures"); they must cite a legal ground (Đ3.2). */
export const RESTRICTIVE_ACTION_TYPES: readonly HandlingActionTypeCode[] = [
  'REQUEST_REMOVAL',
  'PROPOSE_SANCTION',
  'REFER_TO_POLICE',
  'REFER_TO_PRESS_ASSOCIATION',
];

/** A fact of the event stream as the read models keep it. */
export interface Fact {
  subject: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

interface RemovalState {
  platform: string;
  /** Keys of the provisions relied on: their codes, or their citations in events that carried no codes. */
  legalBasis: string[];
  sentAt: string | null;
  effectedAt: string | null;
  outcome: RemovalOutcome | null;
}

const UNKNOWN_PLATFORM = 'UNKNOWN';
const platformLabel = (key: string) => (key in PLATFORM_LABELS ? PLATFORM_LABELS[key as Platform].vi : 'Chưa xác định');

function tally(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

function rowsOf(counts: Map<string, number>, label: (key: string) => string, order?: readonly string[]) {
  const keys = order ? order.filter((k) => counts.has(k)) : [...counts.keys()].sort();
  return keys.map((key) => ({ key, label: label(key), count: counts.get(key)! }));
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A provision as a decided event names it: its code when the event carries codes, else its citation. */
interface CitedProvision {
  key: string;
  citation: string;
}

/** The provisions of a `case.decided` fact, keyed by code when it carries them. */
function provisionsOf(data: Record<string, unknown>): CitedProvision[] {
  const citations = (data['provisions'] as string[] | undefined) ?? [];
  const codes = data['provisionCodes'] as string[] | undefined;
  const keyed = codes && codes.length === citations.length;
  return citations.map((citation, i) => ({ key: keyed ? codes[i]! : citation, citation }));
}

/**
 * The transparency report of a period from the facts: the decisions taken in the period (with the
 * later updates of their removal requests) and the press-ethics events of the period. Every count
 * goes through the suppression rules; nothing about a single case leaves this function.
 */
export function transparencyReport(
  from: string,
  to: string,
  decided: readonly Fact[],
  updates: readonly Fact[],
  press: readonly Fact[],
  now: Date,
  provisionNames: Readonly<Record<string, string>> = {},
): TransparencyReportDto {
  const actionTypes: string[] = [];
  const grounds: string[] = [];
  const removals = new Map<string, RemovalState>();
  // A provision's row shows its citation (title and article): the directory's today, else the one the decision cited.
  const cited = new Map<string, string>();
  const provisionLabel = (key: string) => provisionNames[key] ?? cited.get(key) ?? key;
  for (const fact of decided) {
    const actions =
      (fact.data['actions'] as {
        id: string;
        type: HandlingActionTypeCode;
        removal?: { platform?: string; provisionCodes?: string[]; legalBasis?: string[] };
      }[]) ?? [];
    const provisions = provisionsOf(fact.data);
    for (const p of provisions) cited.set(p.key, p.citation);
    const keys = provisions.map((p) => p.key);
    const restrictive = actions.filter((a) => RESTRICTIVE_ACTION_TYPES.includes(a.type));
    actionTypes.push(...restrictive.map((a) => a.type));
    if (restrictive.length) grounds.push(...new Set(keys));
    for (const action of restrictive.filter((a) => a.type === 'REQUEST_REMOVAL')) {
      const target = action.removal;
      // The request's own provisions when the event names them (codes, or citations in older events), else the decision's.
      const legalBasis = target?.provisionCodes?.length
        ? target.provisionCodes
        : target?.legalBasis?.length
          ? target.legalBasis.map((citation) => provisions.find((p) => p.citation === citation)?.key ?? citation)
          : keys;
      removals.set(action.id, { platform: target?.platform ?? UNKNOWN_PLATFORM, legalBasis, sentAt: null, effectedAt: null, outcome: null });
    }
  }
  for (const fact of [...updates].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))) {
    if (fact.subject !== EventSubjects.intake.actionUpdated) continue;
    const state = removals.get(String((fact.data['action'] as { id?: string })?.id));
    const removal = fact.data['removal'] as Partial<RemovalState> | undefined;
    if (!state || !removal) continue;
    if (removal.platform) state.platform = removal.platform;
    state.sentAt = removal.sentAt ?? state.sentAt;
    state.effectedAt = removal.effectedAt ?? state.effectedAt;
    state.outcome = removal.outcome ?? state.outcome;
  }
  const all = [...removals.values()];
  const answered = all.filter((r) => r.outcome !== null);
  const removed = answered.filter((r) => r.outcome === 'REMOVED').length;
  const effectHours = all.filter((r) => r.sentAt && r.effectedAt).map((r) => (Date.parse(r.effectedAt!) - Date.parse(r.sentAt!)) / 3_600_000);
  const outcomeCounts = tally(all.map((r) => r.outcome ?? 'PENDING'));

  const pressKinds = press.map((f) => PRESS_EVENT_KIND_BY_SUBJECT[f.subject] ?? 'OTHER');
  const appealOutcomes = press
    .filter((f) => PRESS_EVENT_KIND_BY_SUBJECT[f.subject] === 'APPEAL_DECIDED')
    .map((f) => String(f.data['outcome'] ?? 'UNSPECIFIED'));
  const pressOutcomes = press.map((f) => pressOutcomeOf(f.subject, f.data)).filter((o) => o !== null);
  const rulingOutcomes = pressOutcomes.filter((o) => o.metric === 'press.ruling').map((o) => o.key);
  const appealDecisions = pressOutcomes.filter((o) => o.metric === 'press.appeal').map((o) => o.key);
  const rulingLabel = (key: string) => (key in RULING_OUTCOME_LABELS ? RULING_OUTCOME_LABELS[key as RulingOutcome].vi : 'Không xác định');

  return {
    from,
    to,
    generatedAt: now.toISOString(),
    threshold: SUPPRESSION_THRESHOLD,
    removalRequests: {
      byPlatform: publishBreakdown(rowsOf(tally(all.map((r) => r.platform)), platformLabel)),
      byLegalBasis: publishBreakdown(rowsOf(tally(all.flatMap((r) => [...new Set(r.legalBasis)])), provisionLabel), all.length),
      byOutcome: publishBreakdown(
        rowsOf(outcomeCounts, (key) => (key in REMOVAL_OUTCOME_LABELS ? REMOVAL_OUTCOME_LABELS[key as RemovalOutcome].vi : 'Chưa có kết quả'), [
          'REMOVED',
          'REFUSED',
          'NO_RESPONSE',
          'PENDING',
        ]),
      ),
      complianceRate: publishRate(removed, answered.length),
      medianHoursToEffect: publishDerived(median(effectHours), effectHours.length),
    },
    restrictiveActions: {
      byType: publishBreakdown(rowsOf(tally(actionTypes), (key) => HANDLING_ACTION_TYPE_LABELS[key as HandlingActionTypeCode].vi, RESTRICTIVE_ACTION_TYPES)),
      byGround: publishBreakdown(rowsOf(tally(grounds), provisionLabel)),
    },
    complaints: {
      byKind: publishBreakdown(rowsOf(tally(pressKinds), (key) => PRESS_EVENT_KIND_LABELS[key as keyof typeof PRESS_EVENT_KIND_LABELS].vi)),
      appealOutcomes: publishBreakdown(rowsOf(tally(appealOutcomes), rulingLabel)),
      rulingOutcomes: publishBreakdown(rowsOf(tally(rulingOutcomes), rulingLabel, RulingOutcomes)),
      appealDecisions: publishBreakdown(rowsOf(tally(appealDecisions), (key) => APPEAL_DECISION_LABELS[key as AppealDecision].vi, AppealDecisions)),
      reversalRate: publishRate(appealDecisions.filter((d) => d === 'OVERTURNED').length, appealDecisions.length),
    },
  };
}
