import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { preparedQuery, queryRows } from '@phoi-hop/persistence';
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
  private readonly knownYears = new Set<number>();

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Serialises submissions about the same content (same URL or sharing an LSH band), so that two
   * agencies reporting it at the same moment end in one case. Keys are locked in order: no deadlock.
   */
  async lockContent(manager: EntityManager, keys: string[]): Promise<void> {
    await preparedQuery(manager, 'intake_lock_content', `SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT unnest($1::bigint[]) AS k ORDER BY 1) locks`, [keys]);
  }

  /**
   * Reports of open cases with the same content key or at least one shared LSH band key: index
   * probes only (content_key btree, report_band primary key), so the cost does not grow with the
   * number of cases.
   */
  async findCandidates(manager: EntityManager, contentKey: string, bandKeys: string[], limit = 50): Promise<DuplicateCandidateRow[]> {
    const hits = bandKeys.length
      ? await preparedQuery<{ report_id: string }>(
          manager,
          'intake_band_hits',
          `SELECT DISTINCT report_id FROM report_band WHERE band_key = ANY($1::bigint[]) LIMIT $2`,
          [bandKeys, limit * 4],
        )
      : [];
    // Two plain index lookups (by content key, by report id), each joined to its case by primary key.
    return preparedQuery<DuplicateCandidateRow>(
      manager,
      'intake_candidates',
      `SELECT r.case_id AS "caseId", c.number AS "caseNumber", true AS "sameContentKey", r.minhash
         FROM report r JOIN handling_case c ON c.id = r.case_id
        WHERE r.content_key = $1 AND c.status = ANY($3::text[])
       UNION ALL
       SELECT r.case_id, c.number, false, r.minhash
         FROM report r JOIN handling_case c ON c.id = r.case_id
        WHERE r.id = ANY($2::uuid[]) AND r.content_key <> $1 AND c.status = ANY($3::text[])
       LIMIT $4`,
      [contentKey, hits.map((h) => h.report_id), OPEN_STATUSES, limit],
    );
  }

  /** Indexes a report's band keys for later candidate lookups. */
  async indexBands(manager: EntityManager, reportId: string, bandKeys: string[]): Promise<void> {
    if (bandKeys.length === 0) return;
    await preparedQuery(manager, 'intake_index_bands', `INSERT INTO report_band (band_key, report_id) SELECT DISTINCT unnest($1::bigint[]), $2::uuid`, [bandKeys, reportId]);
  }

  /**
   * Makes sure the number sequence of `year` exists. Called before the transaction that needs it:
   * creating it from inside would take a second pool connection per transaction and can starve
   * the pool under load.
   */
  async ensureYearSequence(year: number): Promise<void> {
    if (this.knownYears.has(year)) return;
    if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new Error(`Invalid case year ${year}`);
    await this.dataSource.query(`CREATE SEQUENCE IF NOT EXISTS case_number_${year} AS integer MINVALUE 1`).catch((error: { code?: string }) => {
      // Another replica created it at the same moment.
      if (error.code !== '23505' && error.code !== '42P07') throw error;
    });
    this.knownYears.add(year);
  }

  /**
   * Next number of the year from its sequence: no row lock, so opening cases never waits for
   * another transaction. Numbers are unique and increasing; a transaction that fails after taking
   * one leaves a gap.
   */
  async nextSequence(manager: EntityManager, year: number): Promise<number> {
    if (!this.knownYears.has(year)) throw new Error(`The number sequence of ${year} was not prepared`);
    const [row] = await preparedQuery<{ seq: number }>(manager, `intake_next_case_number_${year}`, `SELECT nextval('case_number_${year}')::int AS seq`, []);
    return row!.seq;
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
