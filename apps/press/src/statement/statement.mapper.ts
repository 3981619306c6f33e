import { FEED_STATEMENT_STATUSES, type StatementDto, type StatementRevisionDto } from '@phoi-hop/contracts';
import { claimReviewJsonLd } from './claim-review';
import type { LoadedStatement, RevisionRow, StatementRow } from './statement.repository';

/** Where the public finds what the feed serves, under the service's public address. */
export const statementUrls = (base: string) => ({
  feed: `${base}/feeds/statements.atom`,
  page: (id: string) => `${base}/feeds/statements/${id}`,
  jsonLd: (id: string) => `${base}/feeds/statements/${id}.jsonld`,
});

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

/** The ClaimReview of a statement in the feed that answers a claim; null otherwise. */
export function statementJsonLd(row: StatementRow, base: string): Record<string, unknown> | null {
  if (!row.claim_review || !row.published_at || !FEED_STATEMENT_STATUSES.includes(row.status)) return null;
  return claimReviewJsonLd({
    url: statementUrls(base).page(row.id),
    agencyName: row.agency_name ?? row.agency_code,
    publishedAt: row.published_at.toISOString(),
    review: row.claim_review,
  });
}

function toRevisionDto(r: RevisionRow): StatementRevisionDto {
  return {
    revision: r.revision,
    title: r.title,
    body: r.body,
    claimReview: r.claim_review,
    note: r.note,
    publishedAt: r.published_at.toISOString(),
    publishedBy: r.published_by,
  };
}

export function toStatementDto({ row, revisions }: LoadedStatement, base: string): StatementDto {
  return {
    id: row.id,
    status: row.status,
    agencyCode: row.agency_code,
    agencyName: row.agency_name,
    caseIds: row.case_ids,
    caseNumbers: row.case_numbers,
    title: row.title,
    body: row.body,
    claimReview: row.claim_review,
    claimReviewJsonLd: statementJsonLd(row, base),
    url: row.published_at ? statementUrls(base).page(row.id) : null,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by,
    publishedAt: iso(row.published_at),
    updatedAt: row.updated_at.toISOString(),
    withdrawnAt: iso(row.withdrawn_at),
    withdrawalReason: row.withdrawal_reason,
    revisions: revisions.map(toRevisionDto),
  };
}
