import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CORRECTION_HEADING, type CorrectionRequestDto, type CorrectionStatus } from '@phoi-hop/contracts';
import { queryRows } from '@phoi-hop/persistence';
import { decodeCursor, encodeCursor } from '../common/page-cursor';

export interface CorrectionRow {
  id: string;
  case_id: string | null;
  case_number: string | null;
  status: CorrectionStatus;
  requester_agency: string;
  requested_by: string;
  requested_at: Date;
  outlet_agency: string;
  work_title: string;
  work_section: string | null;
  work_published_on: string;
  work_url: string | null;
  what_is_wrong: string;
  false_content: string;
  corrected_content: string;
  requested_text: string;
  deadline: Date;
  overdue_at: Date | null;
  published_url: string | null;
  published_at: Date | null;
  refusal_reasons: string | null;
  answered_by: string | null;
  answered_by_agency: string | null;
  answered_at: Date | null;
  visible_agencies: string[];
}

export type NewCorrection = Omit<
  CorrectionRow,
  'status' | 'overdue_at' | 'published_url' | 'published_at' | 'refusal_reasons' | 'answered_by' | 'answered_by_agency' | 'answered_at'
>;

export interface CorrectionAnswer {
  status: CorrectionStatus;
  publishedUrl: string | null;
  publishedAt: Date | null;
  refusalReasons: string | null;
  answeredBy: string;
  answeredByAgency: string;
  answeredAt: Date;
}

export interface CorrectionFilter {
  /** Only requests this agency may see; null: every request (case-wide roles). */
  visibleTo: string | null;
  caseId?: string;
  status?: CorrectionStatus;
  outletAgencyCode?: string;
}

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

export function toCorrectionDto(row: CorrectionRow): CorrectionRequestDto {
  return {
    id: row.id,
    caseId: row.case_id,
    caseNumber: row.case_number,
    status: row.status,
    requesterAgencyCode: row.requester_agency,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at.toISOString(),
    outletAgencyCode: row.outlet_agency,
    work: { title: row.work_title, section: row.work_section, publishedOn: row.work_published_on, url: row.work_url },
    whatIsWrong: row.what_is_wrong,
    falseContent: row.false_content,
    correctedContent: row.corrected_content,
    heading: CORRECTION_HEADING,
    requestedText: row.requested_text,
    deadline: row.deadline.toISOString(),
    overdueAt: iso(row.overdue_at),
    answer:
      row.answered_at && row.answered_by && row.answered_by_agency
        ? {
            publishedUrl: row.published_url,
            publishedAt: iso(row.published_at),
            refusalReasons: row.refusal_reasons,
            answeredBy: row.answered_by,
            answeredByAgency: row.answered_by_agency,
            answeredAt: row.answered_at.toISOString(),
            late: row.answered_at.getTime() > row.deadline.getTime(),
          }
        : null,
  };
}

const COLUMNS = `id, case_id, case_number, status, requester_agency, requested_by, requested_at, outlet_agency, work_title, work_section,
  to_char(work_published_on, 'YYYY-MM-DD') AS work_published_on, work_url, what_is_wrong, false_content, corrected_content, requested_text,
  deadline, overdue_at, published_url, published_at, refusal_reasons, answered_by, answered_by_agency, answered_at, visible_agencies`;

/** Correction requests and their overdue deadlines: all the SQL of the feature. */
@Injectable()
export class CorrectionRepository {
  async insert(manager: EntityManager, row: NewCorrection, overdueDeadlineId: string): Promise<void> {
    await manager.query(
      `INSERT INTO press_correction (id, case_id, case_number, status, requester_agency, requested_by, requested_at, outlet_agency, work_title,
         work_section, work_published_on, work_url, what_is_wrong, false_content, corrected_content, requested_text, deadline, visible_agencies, updated_at)
       VALUES ($1, $2, $3, 'REQUESTED', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $6)`,
      [
        row.id,
        row.case_id,
        row.case_number,
        row.requester_agency,
        row.requested_by,
        row.requested_at,
        row.outlet_agency,
        row.work_title,
        row.work_section,
        row.work_published_on,
        row.work_url,
        row.what_is_wrong,
        row.false_content,
        row.corrected_content,
        row.requested_text,
        row.deadline,
        row.visible_agencies,
      ],
    );
    await manager.query(`INSERT INTO press_correction_deadline (id, correction_id, kind, due_at) VALUES ($1, $2, 'OVERDUE', $3)`, [
      overdueDeadlineId,
      row.id,
      row.deadline,
    ]);
  }

  async load(manager: EntityManager, id: string, forUpdate = false): Promise<CorrectionRow | null> {
    const [row] = await queryRows<CorrectionRow>(manager, `SELECT ${COLUMNS} FROM press_correction WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
    return row ?? null;
  }

  /** Records the outlet's answer and cancels the overdue deadline if it has not fired. */
  async answer(manager: EntityManager, id: string, answer: CorrectionAnswer): Promise<void> {
    await manager.query(
      `UPDATE press_correction SET status = $2, published_url = $3, published_at = $4, refusal_reasons = $5, answered_by = $6,
         answered_by_agency = $7, answered_at = $8, updated_at = $8 WHERE id = $1`,
      [id, answer.status, answer.publishedUrl, answer.publishedAt, answer.refusalReasons, answer.answeredBy, answer.answeredByAgency, answer.answeredAt],
    );
    await manager.query(`UPDATE press_correction_deadline SET cancelled_at = $2 WHERE correction_id = $1 AND fired_at IS NULL AND cancelled_at IS NULL`, [
      id,
      answer.answeredAt,
    ]);
  }

  async markOverdue(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(`UPDATE press_correction SET status = 'OVERDUE', overdue_at = $2, updated_at = $2 WHERE id = $1`, [id, at]);
  }

  /** A page of requests, newest first (requested_at, then id), with how many match in all. */
  async list(
    manager: EntityManager,
    filter: CorrectionFilter,
    first: number,
    after: string | undefined,
  ): Promise<{ rows: CorrectionRow[]; totalCount: number; hasNextPage: boolean }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (filter.visibleTo !== null) add((n) => `${n} = ANY(visible_agencies)`, filter.visibleTo);
    if (filter.caseId) add((n) => `case_id = ${n}`, filter.caseId);
    if (filter.status) add((n) => `status = ${n}`, filter.status);
    if (filter.outletAgencyCode) add((n) => `outlet_agency = ${n}`, filter.outletAgencyCode);
    const matching = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = (await queryRows<{ total: number }>(manager, `SELECT count(*)::int AS total FROM press_correction ${matching}`, params)) as [
      { total: number },
    ];
    const cursor = after ? decodeCursor(after) : null;
    const pageParams = [...params];
    let pageWhere = matching;
    if (cursor) {
      pageParams.push(cursor.at, cursor.id);
      const clause = `(requested_at, id) < ($${pageParams.length - 1}::timestamptz, $${pageParams.length}::uuid)`;
      pageWhere = matching ? `${matching} AND ${clause}` : `WHERE ${clause}`;
    }
    pageParams.push(first + 1);
    const rows = await queryRows<CorrectionRow>(
      manager,
      `SELECT ${COLUMNS} FROM press_correction ${pageWhere} ORDER BY requested_at DESC, id DESC LIMIT $${pageParams.length}`,
      pageParams,
    );
    return { rows: rows.slice(0, first), totalCount: total, hasNextPage: rows.length > first };
  }
}

export function correctionCursor(row: CorrectionRow): string {
  return encodeCursor(row.requested_at, row.id);
}
