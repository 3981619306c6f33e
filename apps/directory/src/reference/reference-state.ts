import type { ProvinceSeed, SeedCategory, SeedLocality, SeedRule, SeedSector } from '../seed/seed.types';

/** The kinds of reference data an administrator edits; SLA's code is the severity, PUBLIC_HOLIDAY's its day. */
export const ReferenceKinds = ['AGENCY', 'LOCALITY', 'SECTOR', 'CATEGORY', 'RULE', 'SLA', 'PRESS_RULE', 'PUBLIC_HOLIDAY'] as const;
export type ReferenceKind = (typeof ReferenceKinds)[number];

/** A version of one record, in force from `validFrom`; `record: null` retires it. */
export interface ReferenceRevision {
  id: number;
  kind: ReferenceKind;
  code: string;
  validFrom: string;
  record: Record<string, unknown> | null;
  /** Agencies, SLA, press rules and public holidays are written to their own tables; their revisions are history only. */
  inBase: boolean;
}

type Keyed = { code: string } | { id: string };
const keyOf = (row: Keyed): string => ('code' in row ? row.code : row.id);

function overlay<T extends Keyed>(rows: T[], revision: ReferenceRevision): T[] {
  const index = rows.findIndex((row) => keyOf(row) === revision.code);
  if (revision.record === null) return index < 0 ? rows : rows.filter((_, i) => i !== index);
  const next = [...rows];
  if (index < 0) next.push(revision.record as unknown as T);
  else next[index] = revision.record as unknown as T;
  return next;
}

/**
 * The reference data in force on `day` (YYYY-MM-DD): the seed's localities, sectors, categories
 * and rules with every version that has taken effect by then applied in order (a rule that is new
 * goes last). Agencies and the SLA are taken as they are (they carry their own dates).
 */
export function referenceStateOn(base: ProvinceSeed, revisions: readonly ReferenceRevision[], day: string): ProvinceSeed {
  const applicable = revisions.filter((r) => !r.inBase && r.validFrom <= day).sort((a, b) => a.validFrom.localeCompare(b.validFrom) || a.id - b.id);
  const state = { ...base };
  for (const revision of applicable) {
    if (revision.kind === 'LOCALITY') state.localities = overlay<SeedLocality>(state.localities, revision);
    else if (revision.kind === 'SECTOR') state.sectors = overlay<SeedSector>(state.sectors, revision);
    else if (revision.kind === 'CATEGORY') state.categories = overlay<SeedCategory>(state.categories, revision);
    else if (revision.kind === 'RULE') state.rules = overlay<SeedRule>(state.rules, revision);
  }
  return state;
}

/** The version of the reference data on `day`: the latest revision in force then (0: the seed). */
export function referenceVersionOn(revisions: readonly ReferenceRevision[], day: string): number {
  return revisions.filter((r) => r.validFrom <= day).reduce((max, r) => Math.max(max, r.id), 0);
}

/** The days on which the data changes from `from` on: each must still be consistent after an edit. */
export function checkpointsFrom(revisions: readonly ReferenceRevision[], from: string): string[] {
  return [...new Set([from, ...revisions.filter((r) => r.validFrom > from).map((r) => r.validFrom)])].sort();
}
