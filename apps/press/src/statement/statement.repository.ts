import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FEED_STATEMENT_STATUSES, type ClaimReviewDto, type StatementStatus } from '@phoi-hop/contracts';
import { queryRows } from '@phoi-hop/persistence';
import { decodeCursor } from '../common/page-cursor';

export interface StatementRow {
  id: string;
  status: StatementStatus;
  agency_code: string;
  agency_name: string | null;
  case_ids: string[];
  case_numbers: string[];
  title: string;
  body: string;
  claim_review: ClaimReviewDto | null;
  created_by: string;
  created_at: Date;
  published_at: Date | null;
  updated_at: Date;
  withdrawn_at: Date | null;
  withdrawal_reason: string | null;
  revision: number;
  visible_agencies: string[];
}

export interface RevisionRow {
  statement_id: string;
  revision: number;
  title: string;
  body: string;
  claim_review: ClaimReviewDto | null;
  note: string | null;
  published_at: Date;
  published_by: string;
}

export interface LoadedStatement {
  row: StatementRow;
  revisions: RevisionRow[];
}

export interface StatementFilter {
  /** Drafts of this agency are listed too; null: every draft (case-wide roles). */
  draftsOf: string | null;
  caseId?: string;
  status?: StatementStatus;
  agencyCode?: string;
}

/** Where a statement sits in lists: its first publication, or its creation while a draft. */
export const listedAt = (row: Pick<StatementRow, 'published_at' | 'created_at'>): Date => row.published_at ?? row.created_at;

/** Spokesperson statements and their published texts: all the SQL of the feature. */
@Injectable()
export class StatementRepository {
  async insertDraft(
    manager: EntityManager,
    row: Pick<
      StatementRow,
      'id' | 'agency_code' | 'case_ids' | 'case_numbers' | 'title' | 'body' | 'claim_review' | 'created_by' | 'created_at' | 'visible_agencies'
    >,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO press_statement (id, status, agency_code, case_ids, case_numbers, title, body, claim_review, created_by, created_at, updated_at, visible_agencies)
       VALUES ($1, 'DRAFT', $2, $3, $4, $5, $6, $7, $8, $9, $9, $10)`,
      [
        row.id,
        row.agency_code,
        row.case_ids,
        row.case_numbers,
        row.title,
        row.body,
        row.claim_review ? JSON.stringify(row.claim_review) : null,
        row.created_by,
        row.created_at,
        row.visible_agencies,
      ],
    );
  }

  async load(manager: EntityManager, id: string, forUpdate = false): Promise<LoadedStatement | null> {
    const [row] = await queryRows<StatementRow>(manager, `SELECT * FROM press_statement WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
    if (!row) return null;
    return { row, revisions: await this.revisionsOf(manager, [id]).then((all) => all.get(id) ?? []) };
  }

  async revisionsOf(manager: EntityManager, ids: string[]): Promise<Map<string, RevisionRow[]>> {
    const rows = ids.length
      ? await queryRows<RevisionRow>(manager, `SELECT * FROM press_statement_revision WHERE statement_id = ANY($1::uuid[]) ORDER BY statement_id, revision`, [
          ids,
        ])
      : [];
    const byStatement = new Map<string, RevisionRow[]>();
    for (const r of rows) byStatement.set(r.statement_id, [...(byStatement.get(r.statement_id) ?? []), r]);
    return byStatement;
  }

  /** A draft's new text and cases (nothing is kept of a draft's earlier texts: it was never public). */
  async updateDraft(
    manager: EntityManager,
    id: string,
    draft: Pick<StatementRow, 'title' | 'body' | 'claim_review' | 'case_ids' | 'case_numbers' | 'visible_agencies' | 'updated_at'>,
  ): Promise<void> {
    await manager.query(
      `UPDATE press_statement SET title = $2, body = $3, claim_review = $4, case_ids = $5, case_numbers = $6, visible_agencies = $7, updated_at = $8
        WHERE id = $1 AND status = 'DRAFT'`,
      [
        id,
        draft.title,
        draft.body,
        draft.claim_review ? JSON.stringify(draft.claim_review) : null,
        draft.case_ids,
        draft.case_numbers,
        draft.visible_agencies,
        draft.updated_at,
      ],
    );
  }

  /** A new public text (publication or correction): the revision is kept, the statement shows it. */
  async publishText(
    manager: EntityManager,
    id: string,
    change: {
      status: StatementStatus;
      revision: number;
      title: string;
      body: string;
      claimReview: ClaimReviewDto | null;
      note: string | null;
      at: Date;
      by: string;
      agencyName?: string;
    },
  ): Promise<void> {
    const review = change.claimReview ? JSON.stringify(change.claimReview) : null;
    await manager.query(
      `INSERT INTO press_statement_revision (statement_id, revision, title, body, claim_review, note, published_at, published_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, change.revision, change.title, change.body, review, change.note, change.at, change.by],
    );
    await manager.query(
      `UPDATE press_statement SET status = $2, revision = $3, title = $4, body = $5, claim_review = $6, updated_at = $7,
         published_at = coalesce(published_at, $7), agency_name = coalesce($8, agency_name) WHERE id = $1`,
      [id, change.status, change.revision, change.title, change.body, review, change.at, change.agencyName ?? null],
    );
  }

  async withdraw(manager: EntityManager, id: string, reason: string, at: Date): Promise<void> {
    await manager.query(`UPDATE press_statement SET status = 'WITHDRAWN', withdrawn_at = $3, withdrawal_reason = $2, updated_at = $3 WHERE id = $1`, [
      id,
      reason,
      at,
    ]);
  }

  /** A page of statements, newest first (first publication, or creation of a draft, then id), and how many match. */
  async list(
    manager: EntityManager,
    filter: StatementFilter,
    first: number,
    after: string | undefined,
  ): Promise<{ rows: StatementRow[]; totalCount: number; hasNextPage: boolean }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (filter.draftsOf !== null) add((n) => `(status <> 'DRAFT' OR agency_code = ${n})`, filter.draftsOf);
    if (filter.caseId) add((n) => `${n}::uuid = ANY(case_ids)`, filter.caseId);
    if (filter.status) add((n) => `status = ${n}`, filter.status);
    if (filter.agencyCode) add((n) => `agency_code = ${n}`, filter.agencyCode);
    const matching = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [counted] = await queryRows<{ total: number }>(manager, `SELECT count(*)::int AS total FROM press_statement ${matching}`, params);
    const pageParams = [...params];
    const clauses = [...where];
    if (after) {
      const cursor = decodeCursor(after);
      pageParams.push(cursor.at, cursor.id);
      clauses.push(`(coalesce(published_at, created_at), id) < ($${pageParams.length - 1}::timestamptz, $${pageParams.length}::uuid)`);
    }
    pageParams.push(first + 1);
    const rows = await queryRows<StatementRow>(
      manager,
      `SELECT * FROM press_statement ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}
        ORDER BY coalesce(published_at, created_at) DESC, id DESC LIMIT $${pageParams.length}`,
      pageParams,
    );
    return { rows: rows.slice(0, first), totalCount: counted?.total ?? 0, hasNextPage: rows.length > first };
  }

  /** The feed's entries: statements in the feed, newest first publication first (then id), at most `limit`. */
  /**
   * The feed's entries newest publication first, from just before `before` when given (a page of
   * the feed), with each one's position to the microsecond (`feed_at`) for the next page's cursor.
   */
  async feedEntries(
    manager: EntityManager,
    limit: number,
    before: { at: string; id: string } | null = null,
  ): Promise<Array<StatementRow & { feed_at: string }>> {
    return queryRows<StatementRow & { feed_at: string }>(
      manager,
      `SELECT *, to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS feed_at FROM press_statement
        WHERE status = ANY($1::text[]) AND published_at IS NOT NULL AND ($3::timestamptz IS NULL OR (published_at, id) < ($3::timestamptz, $4::uuid))
        ORDER BY published_at DESC, id DESC LIMIT $2`,
      [FEED_STATEMENT_STATUSES, limit, before?.at ?? null, before?.id ?? null],
    );
  }

  /**
   * The feed's version: when it last changed (the latest publication, correction or withdrawal; null:
   * nothing was ever published) and how many statements are in it. Every change of the feed moves it.
   */
  async feedVersion(manager: EntityManager): Promise<{ updatedAt: Date | null; entries: number }> {
    const [row] = await queryRows<{ at: Date | null; entries: number }>(
      manager,
      `SELECT max(updated_at) AS at, (count(*) FILTER (WHERE status = ANY($1::text[])))::int AS entries FROM press_statement WHERE published_at IS NOT NULL`,
      [FEED_STATEMENT_STATUSES],
    );
    return { updatedAt: row?.at ?? null, entries: row?.entries ?? 0 };
  }

  /** A statement the public may see (in the feed), or null. */
  async findPublic(manager: EntityManager, id: string): Promise<StatementRow | null> {
    const [row] = await queryRows<StatementRow>(manager, `SELECT * FROM press_statement WHERE id = $1 AND status = ANY($2::text[])`, [
      id,
      FEED_STATEMENT_STATUSES,
    ]);
    return row ?? null;
  }
}
