import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

export interface ListedChange {
  /** The schema coordinate the change is about, e.g. `Case.reports` or `Mutation.closeCase.outcome`. */
  path: string;
  reason: string;
}

/**
 * The breaking changes docs/api-changes.md lists: table rows whose first cell is a schema
 * coordinate in backticks and whose last cell gives the reason, e.g.
 * | `Case.reports` | [Report!]! → ReportConnection! | a case may have thousands of reports |
 */
export function listedChanges(doc: string): ListedChange[] {
  const rows: ListedChange[] = [];
  for (const line of doc.split('\n')) {
    const cells = line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((cell) => cell.trim());
    const path = /^`([^`]+)`$/.exec(cells[0] ?? '')?.[1];
    const reason = cells.length >= 2 ? cells.at(-1)! : '';
    if (path && reason && !/^-+$/.test(reason)) rows.push({ path, reason });
  }
  return rows;
}

/** Breaking changes from `before` to `after` (SDL texts), per @graphql-inspector/core. */
export async function breakingChanges(before: string, after: string): Promise<Change[]> {
  const changes = await diff(buildSchema(before), buildSchema(after));
  return changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking);
}

/** A breaking change is listed when the doc names its coordinate, or a coordinate it lies under. */
export function isListed(change: Change, listed: readonly ListedChange[]): boolean {
  const path = change.path ?? '';
  return listed.some((row) => path === row.path || path.startsWith(`${row.path}.`));
}

/** The breaking changes the doc does not list with a reason. */
export async function unlistedBreakingChanges(before: string, after: string, doc: string): Promise<Change[]> {
  const listed = listedChanges(doc);
  return (await breakingChanges(before, after)).filter((change) => !isListed(change, listed));
}
