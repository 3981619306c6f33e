import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { queryRows } from '@phoi-hop/persistence';
import type { CaseStatus } from '@phoi-hop/contracts';
import { ReportEntity } from '../report/report.entity';
import { CaseEntity, CaseParticipantEntity } from './case.entity';

/** Case statuses in which a case still gathers reports of the same content. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['OPEN', 'TRIAGED', 'IN_CONSULTATION', 'DECIDED', 'ACTING'];

export interface DuplicateCandidateRow {
  caseId: string;
  caseNumber: string;
  sameContentKey: boolean;
  minhash: Buffer;
}

export interface CaseListQuery {
  agencyCode: string | null;
  status?: CaseStatus;
  categoryCode?: string;
  limit: number;
  after?: { openedAt: string; id: string };
}

@Injectable()
export class CaseRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Serialises submissions about the same content (same URL or sharing an LSH band), so that two
   * agencies reporting it at the same moment end in one case. Keys are locked in order: no deadlock.
   */
  async lockContent(manager: EntityManager, keys: string[]): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT unnest($1::bigint[]) AS k ORDER BY 1) locks`, [keys]);
  }

  /** Reports of open cases with the same content key or at least one shared LSH band key. */
  async findCandidates(manager: EntityManager, contentKey: string, bandKeys: string[], limit = 50): Promise<DuplicateCandidateRow[]> {
    return manager.query(
      `SELECT r.case_id AS "caseId", c.number AS "caseNumber", (r.content_key = $1) AS "sameContentKey", r.minhash
         FROM report r JOIN handling_case c ON c.id = r.case_id
        WHERE c.status = ANY($3::text[]) AND (r.content_key = $1 OR r.band_keys && $2::bigint[])
        LIMIT $4`,
      [contentKey, bandKeys, OPEN_STATUSES, limit],
    );
  }

  /** Next number of the year. Called last in the transaction: the counter row stays locked until commit. */
  async nextSequence(manager: EntityManager, year: number): Promise<number> {
    const [row] = await manager.query(
      `INSERT INTO case_counter (year, last_seq) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_seq = case_counter.last_seq + 1 RETURNING last_seq`,
      [year],
    );
    return row.last_seq;
  }

  async addVisibleAgency(manager: EntityManager, caseId: string, agencyCode: string, now: Date): Promise<string[]> {
    const [row] = await queryRows<{ visible_agencies: string[] }>(
      manager,
      `UPDATE handling_case
          SET visible_agencies = CASE WHEN $2 = ANY(visible_agencies) THEN visible_agencies ELSE array_append(visible_agencies, $2) END,
              updated_at = $3
        WHERE id = $1 RETURNING visible_agencies`,
      [caseId, agencyCode, now],
    );
    if (!row) throw new Error(`Case ${caseId} vanished during the transaction`);
    return row.visible_agencies;
  }

  async loadCase(manager: EntityManager | null, id: string): Promise<{ entity: CaseEntity; participants: CaseParticipantEntity[]; reports: ReportEntity[] } | null> {
    const m = manager ?? this.dataSource.manager;
    const entity = await m.findOne(CaseEntity, { where: { id } });
    if (!entity) return null;
    const [participants, reports] = await Promise.all([
      m.find(CaseParticipantEntity, { where: { caseId: id } }),
      m.find(ReportEntity, { where: { caseId: id }, order: { submittedAt: 'ASC' } }),
    ]);
    return { entity, participants, reports };
  }

  async list(query: CaseListQuery): Promise<{ entity: CaseEntity; participants: CaseParticipantEntity[]; reports: ReportEntity[] }[]> {
    const qb = this.dataSource.manager.createQueryBuilder(CaseEntity, 'c');
    if (query.agencyCode) qb.andWhere('c.visible_agencies @> ARRAY[:agency]::text[]', { agency: query.agencyCode });
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.categoryCode) qb.andWhere('c.category_code = :category', { category: query.categoryCode });
    if (query.after) {
      qb.andWhere('(c.opened_at, c.id) < (:openedAt, :id)', { openedAt: query.after.openedAt, id: query.after.id });
    }
    const cases = await qb.orderBy('c.opened_at', 'DESC').addOrderBy('c.id', 'DESC').limit(query.limit).getMany();
    if (cases.length === 0) return [];
    const ids = cases.map((c) => c.id);
    const [participants, reports] = await Promise.all([
      this.dataSource.manager.find(CaseParticipantEntity, { where: { caseId: In(ids) } }),
      this.dataSource.manager.find(ReportEntity, { where: { caseId: In(ids) }, order: { submittedAt: 'ASC' } }),
    ]);
    return cases.map((entity) => ({
      entity,
      participants: participants.filter((p) => p.caseId === entity.id),
      reports: reports.filter((r) => r.caseId === entity.id),
    }));
  }
}
