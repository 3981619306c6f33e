import { CursorFields, type CursorField } from '@phoi-hop/contracts';
import type { AuditEntryDto, AuditTrailResponse } from '@phoi-hop/contracts';

/** Per service: entries older than this seq are still to read; 0 means that chain is exhausted. */
export type AuditCursor<S extends string> = Partial<Record<S, number>>;

export interface AuditSourcePage<S extends string> {
  source: S;
  page: AuditTrailResponse;
}

export interface MergedAuditPage<S extends string> {
  entries: { source: S; entry: AuditEntryDto }[];
  hasNextPage: boolean;
  /** Where each chain stands after this page; null when every chain is exhausted. */
  next: AuditCursor<S> | null;
}

/** Newest first; within the same instant, the later position in its chain first. */
function newestFirst(a: { entry: AuditEntryDto }, b: { entry: AuditEntryDto }): number {
  if (a.entry.at < b.entry.at) return 1;
  if (a.entry.at > b.entry.at) return -1;
  return b.entry.seq - a.entry.seq;
}

/**
 * Merges one page of each service's own audit chain into one page of `first` entries by time.
 * Each chain keeps its own position in the cursor: the seq of its last entry shown when it has
 * more (shown or not), 0 once it is exhausted, unchanged when none of its entries was shown.
 */
export function mergeAuditPages<S extends string>(pages: readonly AuditSourcePage<S>[], cursor: AuditCursor<S>, first: number): MergedAuditPage<S> {
  const merged = pages.flatMap(({ source, page }) => page.entries.map((entry) => ({ source, entry })));
  merged.sort(newestFirst);
  const taken = merged.slice(0, first);
  const next: AuditCursor<S> = { ...cursor };
  let hasNextPage = false;
  for (const { source, page } of pages) {
    const used = taken.filter((t) => t.source === source);
    const left = page.entries.length > used.length || page.hasMore;
    if (left) hasNextPage = true;
    if (used.length > 0) next[source] = left ? used.at(-1)!.entry.seq : 0;
    else if (!left) next[source] = 0;
  }
  return { entries: taken, hasNextPage, next: hasNextPage ? next : null };
}

/** The shape of a trail's cursor: for each service, optionally, where its chain stands. */
export function auditCursorShape<S extends string>(sources: readonly S[]): Record<S, CursorField<number>> {
  return Object.fromEntries(sources.map((source) => [source, CursorFields.optional(CursorFields.seq)])) as Record<S, CursorField<number>>;
}

/**
 * The cursor after each entry of a merged page: every chain as the page found it, except that each
 * entry's own chain continues below it. (The page's end is `next`, which also marks exhausted chains.)
 */
export function edgeCursors<S extends string>(entries: MergedAuditPage<S>['entries'], cursor: AuditCursor<S>): AuditCursor<S>[] {
  let position: AuditCursor<S> = { ...cursor };
  return entries.map(({ source, entry }) => {
    position = { ...position, [source]: entry.seq };
    return position;
  });
}
