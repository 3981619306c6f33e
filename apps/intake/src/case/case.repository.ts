import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { SqlBatch, appendAudit, preparedQuery, queryRows, type AuditHead } from '@phoi-hop/persistence';
import type { CaseDeadlineDto, CaseStatus, CaseStatusChangeDto, ParticipantRole, Severity, SlaPolicy } from '@phoi-hop/contracts';
import type { CaseSearchTerms } from './case-search';
import { ReportEntity } from '../report/report.entity';
import { CaseEntity, CaseParticipantEntity } from './case.entity';
import { formatCaseNumber } from './case.mapper';
import type { CaseHandling } from '../decision/handling.mapper';
import { loadHandling } from '../decision/handling.repository';
import type { SpreadSignals } from './severity.rules';

/** Case statuses in which a case still gathers reports of the same content. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['OPEN', 'TRIAGED', 'IN_CONSULTATION', 'DECIDED', 'ACTING'];

/** A report of an open case that may be the same content as a submission of a batch. */
export interface BatchCandidateRow {
  reportId: string;
  contentKey: string;
  caseId: string;
  caseNumber: string;
  minhash: Buffer;
  /** The band keys by which it was found (empty when found by content key only). */
  bandKeys: string[];
}

/**
 * `[year, seq]` pairs: the next number of each year in `$1` (one entry per new case, in order), as
 * JSON; none at all unless `condition` holds. The condition sits in the subquery's WHERE, so no
 * row reaches `nextval` when it fails, whenever and however the planner evaluates the subquery.
 */
const nextNumbers = (
  condition = 'true',
) => `(SELECT COALESCE(json_agg(json_build_array(t.y, nextval(('case_number_' || t.y)::regclass)) ORDER BY t.i), '[]'::json)
                         FROM unnest($1::int[]) WITH ORDINALITY AS t(y, i) WHERE ${condition})`;

/** Case numbers by year, in the order they are to be handed out. */
export type CaseNumbers = Map<number, Array<{ seq: number; number: string }>>;

export interface StatusChange {
  caseId: string;
  from: CaseStatus | null;
  to: CaseStatus;
  reason: string | null;
  actorAgency: string | null;
  /** The person who made the change (directory user id); absent or null for the platform itself. */
  actorUserId?: string | null;
  at: Date;
}

export interface CaseListQuery {
  /** The viewer's agency: only cases it may see (null: every case, for case-wide roles). */
  agencyCode: string | null;
  status?: CaseStatus;
  categoryCode?: string;
  severity?: Severity;
  localityCode?: string;
  /** Cases this agency is on. */
  onAgency?: string;
  openedFrom?: string;
  openedTo?: string;
  overdue?: boolean;
  /** Free text: cases come best match first; without it, newest first. */
  search?: CaseSearchTerms;
  limit: number;
  after?: CaseListCursor;
  /** false: leave the reports out (LoadedCase.reports null). */
  withReports?: boolean;
}

/** Where a page ends: the last case's rank (searches only), opening time and id. */
export interface CaseListCursor {
  rank?: number;
  openedAt: string;
  id: string;
}

export const INTAKE_SETTINGS = Symbol('INTAKE_SETTINGS');

export interface IntakeSettings {
  caseNumberPrefix: string;
  /** Most submissions written in one transaction (group commit); 64 when not set. */
  submitBatchMax?: number;
}

/** What an event handler reads of a case it changes, locked. */
export interface CaseHead {
  id: string;
  number: string;
  status: CaseStatus;
  severity: Severity;
  visible_agencies: string[];
}

/** A participation that a reorganisation ended: its case and the retired agency. */
export interface EndedParticipation {
  case_id: string;
  agency_code: string;
  number: string;
}

/** A case with everything its DTO shows. */
export interface LoadedCase {
  entity: CaseEntity;
  participants: CaseParticipantEntity[];
  /** null when not loaded: a case may have thousands of reports, read by the page (reportPages). */
  reports: ReportEntity[] | null;
  deadlines: CaseDeadlineDto[];
  handling: CaseHandling;
  statusHistory: CaseStatusChangeDto[];
}

@Injectable()
export class CaseRepository {
  private readonly knownYears = new Set<number>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
  ) {}

  /** Indexes reports' band keys for later candidate lookups, in one statement of `batch`. */
  addBandIndex(batch: SqlBatch, reports: Array<{ id: string; bandKeys: string[] }>): SqlBatch {
    const keys: string[] = [];
    const ids: string[] = [];
    for (const report of reports) {
      for (const key of new Set(report.bandKeys)) {
        keys.push(key);
        ids.push(report.id);
      }
    }
    if (keys.length === 0) return batch;
    return batch.add(`INSERT INTO report_band (band_key, report_id) SELECT * FROM unnest(${batch.param(keys, 'bigint[]')}, ${batch.param(ids, 'uuid[]')})`);
  }

  /** A report split off into a new case moves to it, in one statement of `batch`. */
  addReportMove(batch: SqlBatch, reportId: string, caseId: string): SqlBatch {
    return batch.add(`UPDATE report SET case_id = ${batch.param(caseId, 'uuid')} WHERE id = ${batch.param(reportId, 'uuid')}`);
  }

  /**
   * The reports of open cases that may be the same content as any of `probes` (same content key,
   * or at least one shared LSH band key), for a batch of submissions in one round trip: the caller
   * attributes rows to probes by `contentKey` and `bandKeys`. Index probes only (content_key btree,
   * report_band primary key, report and case primary keys). `auditSeq` is the audit chain's head
   * as of the same snapshot: whoever changes what this reads also moves it.
   */
  async findCandidatesOfMany(
    manager: EntityManager,
    probes: Array<{ contentKey: string; bandKeys: string[] }>,
    limitPerProbe = 50,
  ): Promise<{ rows: BatchCandidateRow[]; auditSeq: string }> {
    const bands = [...new Set(probes.flatMap((p) => p.bandKeys))];
    const contentKeys = [...new Set(probes.map((p) => p.contentKey))];
    const [result] = await preparedQuery<{ audit_seq: string; rows: Array<Omit<BatchCandidateRow, 'minhash'> & { minhash: string }> }>(
      manager,
      'intake_candidates_many',
      `WITH hits AS (SELECT band_key, report_id FROM report_band WHERE band_key = ANY($1::bigint[]) LIMIT $2),
            by_report AS (SELECT report_id, array_agg(band_key::text) AS band_keys FROM hits GROUP BY report_id),
            found AS (SELECT id FROM report WHERE content_key = ANY($3::text[]) UNION SELECT report_id FROM by_report),
            candidates AS (
              SELECT r.id AS "reportId", r.content_key AS "contentKey", r.case_id AS "caseId", c.number AS "caseNumber", encode(r.minhash, 'base64') AS minhash,
                     COALESCE(b.band_keys, '{}') AS "bandKeys"
                FROM found f JOIN report r ON r.id = f.id JOIN handling_case c ON c.id = r.case_id LEFT JOIN by_report b ON b.report_id = r.id
               WHERE c.status = ANY($4::text[])
               LIMIT $5)
       SELECT (SELECT last_seq::text FROM audit_head WHERE id = 1) AS audit_seq, COALESCE((SELECT json_agg(candidates) FROM candidates), '[]'::json) AS rows`,
      [bands, limitPerProbe * 4 * probes.length, contentKeys, OPEN_STATUSES, limitPerProbe * probes.length],
    );
    if (!result?.audit_seq) throw new Error('audit_head is missing: run the service migrations');
    return { auditSeq: result.audit_seq, rows: result.rows.map((row) => ({ ...row, minhash: Buffer.from(row.minhash, 'base64') })) };
  }

  /**
   * Locks the audit chain head until commit (the lock every write that adds or moves a report or
   * changes a case takes) and, if no one moved it since `expectedSeq`, takes the case numbers of
   * the years given (one per new case, in order) in the same round trip. `numbers` is null when
   * someone did: the caller reads again under the lock and then takes numbers with `takeNumbers`.
   * Numbers are taken only once the lock is held (in the outer query, after the locking CTE),
   * never for a row version that a wait replaced, so none is lost.
   */
  async lockAuditHeadAndNumber(manager: EntityManager, expectedSeq: string, years: number[]): Promise<{ head: AuditHead; numbers: CaseNumbers | null }> {
    this.checkYears(years);
    const [row] = await preparedQuery<{ last_seq: string; last_hash: string; seqs: Array<[number, number]> | null }>(
      manager,
      'intake_lock_audit_and_number',
      `WITH h AS (SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE)
       SELECT h.last_seq::text, h.last_hash,
              CASE WHEN h.last_seq = $2::bigint THEN ${nextNumbers('h.last_seq = $2::bigint')} END AS seqs
         FROM h`,
      [years, expectedSeq],
    );
    if (!row) throw new Error('audit_head is missing: run the service migrations');
    return { head: { lastSeq: Number(row.last_seq), lastHash: row.last_hash }, numbers: row.seqs ? this.numbersOf(years, row.seqs) : null };
  }

  /** Case numbers of the years given (one per new case, in order). */
  async takeNumbers(manager: EntityManager, years: number[]): Promise<CaseNumbers> {
    this.checkYears(years);
    const [row] = await preparedQuery<{ seqs: Array<[number, number]> }>(manager, 'intake_take_numbers', `SELECT ${nextNumbers()} AS seqs`, [years]);
    return this.numbersOf(years, row!.seqs);
  }

  private checkYears(years: number[]): void {
    for (const year of new Set(years)) if (!this.knownYears.has(year)) throw new Error(`The number sequence of ${year} was not prepared`);
  }

  /** Each year's numbers, increasing, to be handed out in arrival order. */
  private numbersOf(years: number[], seqs: Array<[number, number]>): CaseNumbers {
    const numbers: CaseNumbers = new Map();
    for (const year of new Set(years)) {
      const taken = seqs
        .filter(([y]) => y === year)
        .map(([, seq]) => Number(seq))
        .sort((a, b) => a - b);
      numbers.set(
        year,
        taken.map((seq) => ({ seq, number: formatCaseNumber(this.settings.caseNumberPrefix, year, seq) })),
      );
    }
    return numbers;
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
   * Numbers come from the year's sequence: no row lock, so opening cases never waits for another
   * transaction. Numbers are unique and increasing; a transaction that fails after taking one
   * leaves a gap.
   */
  /** The next case number of the year, e.g. QB-2026-000042. */
  async nextCaseNumber(manager: EntityManager, year: number): Promise<{ seq: number; number: string }> {
    if (!this.knownYears.has(year)) throw new Error(`The number sequence of ${year} was not prepared`);
    const [row] = await preparedQuery<{ seq: number }>(manager, `intake_next_case_number_${year}`, `SELECT nextval('case_number_${year}')::int AS seq`, []);
    return { seq: row!.seq, number: formatCaseNumber(this.settings.caseNumberPrefix, year, row!.seq) };
  }

  /**
   * Adds agencies to the cases they report on (each case's new agencies in the order given, none
   * twice), one UPDATE per case in `batch`: a reporter sees the case it reported. The rows are
   * updated (locked) in id order, as merges lock theirs, so two batches joining the same cases in
   * different orders (in two replicas) cannot deadlock.
   */
  addVisibleAgencies(batch: SqlBatch, byCase: Map<string, string[]>, now: Date): SqlBatch {
    for (const [caseId, agencies] of [...byCase].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      batch.add(
        `UPDATE handling_case
            SET visible_agencies = visible_agencies || ARRAY(SELECT a FROM unnest(${batch.param([...new Set(agencies)], 'text[]')}) WITH ORDINALITY AS u(a, i) WHERE a <> ALL(visible_agencies) ORDER BY i),
                updated_at = ${batch.param(now, 'timestamptz')}
          WHERE id = ${batch.param(caseId, 'uuid')}`,
      );
    }
    return batch;
  }

  /** The id of the case with this number, or null. */
  async idOfNumber(number: string): Promise<string | null> {
    const [row] = await queryRows<{ id: string }>(this.dataSource.manager, `SELECT id FROM handling_case WHERE number = $1`, [number]);
    return row?.id ?? null;
  }

  async loadCase(manager: EntityManager | null, id: string, withReports = true): Promise<LoadedCase | null> {
    return (await this.loadCases(manager ?? this.dataSource.manager, [id], withReports)).get(id) ?? null;
  }

  /** Cases with everything they show, by id (absent ids are left out). */
  async loadCases(manager: EntityManager | null, ids: string[], withReports = true): Promise<Map<string, LoadedCase>> {
    if (ids.length === 0) return new Map();
    const reader = manager ?? this.dataSource.manager;
    const cases = await reader.find(CaseEntity, { where: { id: In(ids) } });
    // Outside a transaction the children's queries take connections of their own, side by side
    // (a case read waits for the slowest of them, not their sum); inside one they share its connection.
    return this.withChildren(reader, cases, reader.queryRunner === undefined, withReports);
  }

  /** Participants, reports (unless left out), deadlines, handling and status history of cases, loaded by their ids. */
  private async withChildren(manager: EntityManager, cases: CaseEntity[], parallel: boolean, withReports = true): Promise<Map<string, LoadedCase>> {
    const ids = cases.map((c) => c.id);
    const loaders = [
      () => manager.find(CaseParticipantEntity, { where: { caseId: In(ids) } }),
      () => (withReports ? manager.find(ReportEntity, { where: { caseId: In(ids) }, order: { submittedAt: 'ASC' } }) : Promise.resolve(null)),
      () => this.deadlinesOf(manager, ids),
      () => loadHandling(manager, ids),
      () => this.statusHistoryOf(manager, ids),
    ] as const;
    const results: unknown[] = [];
    // One after another inside a transaction: it has one connection, which runs one query at a time.
    if (parallel) results.push(...(await Promise.all(loaders.map((load) => load()))));
    else for (const load of loaders) results.push(await load());
    const [participants, reports, deadlines, handling, history] = results as [
      CaseParticipantEntity[],
      ReportEntity[] | null,
      Map<string, CaseDeadlineDto[]>,
      Map<string, CaseHandling>,
      Map<string, CaseStatusChangeDto[]>,
    ];
    return new Map(
      cases.map((entity) => [
        entity.id,
        {
          entity,
          participants: participants.filter((p) => p.caseId === entity.id),
          reports: reports ? reports.filter((r) => r.caseId === entity.id) : null,
          deadlines: deadlines.get(entity.id) ?? [],
          handling: handling.get(entity.id)!,
          statusHistory: history.get(entity.id) ?? [],
        },
      ]),
    );
  }

  /** Each deadline of the cases with when it was reminded, escalated, or closed (met or no longer relevant). */
  async deadlinesOf(manager: EntityManager, caseIds: string[]): Promise<Map<string, CaseDeadlineDto[]>> {
    const rows = await queryRows<{
      case_id: string;
      kind: CaseDeadlineDto['kind'];
      action_id: string | null;
      deadline: Date;
      reminded_at: Date | null;
      escalated_at: Date | null;
      closed_at: Date | null;
    }>(
      manager,
      `SELECT case_id, kind, action_id, deadline,
              max(fired_at) FILTER (WHERE phase = 'REMINDER') AS reminded_at,
              max(fired_at) FILTER (WHERE phase = 'ESCALATION') AS escalated_at,
              max(cancelled_at) AS closed_at
         FROM case_deadline WHERE case_id = ANY($1::uuid[])
        GROUP BY case_id, kind, action_id, deadline ORDER BY deadline, kind`,
      [caseIds],
    );
    const byCase = new Map<string, CaseDeadlineDto[]>();
    const iso = (value: Date | null) => (value ? value.toISOString() : null);
    for (const r of rows) {
      const list = byCase.get(r.case_id) ?? [];
      list.push({
        kind: r.kind,
        actionId: r.action_id,
        deadline: r.deadline.toISOString(),
        remindedAt: iso(r.reminded_at),
        escalatedAt: iso(r.escalated_at),
        closedAt: iso(r.closed_at),
      });
      byCase.set(r.case_id, list);
    }
    return byCase;
  }

  /** Records a status change (the first, from null, when the case opens); in the transaction that makes it. */
  /** The merged case points at the one it went into and suggests no duplicates any more. */
  async markMerged(manager: EntityManager, sourceId: string, status: CaseStatus, targetId: string, at: Date): Promise<void> {
    await manager.query(`UPDATE handling_case SET status = $2, merged_into = $3, possible_duplicates = '[]'::jsonb, updated_at = $4 WHERE id = $1`, [
      sourceId,
      status,
      targetId,
      at,
    ]);
  }

  /** The source's reports and responsible agencies move to the target; returns how many reports moved. */
  async moveContent(manager: EntityManager, source: { id: string; number: string }, targetId: string): Promise<number> {
    const [, moved] = (await manager.query(`UPDATE report SET case_id = $2 WHERE case_id = $1`, [source.id, targetId])) as [unknown, number];
    await manager.query(
      `INSERT INTO case_participant (case_id, agency_code, role, basis, assigned_at)
       SELECT $2, agency_code, role, basis || ' (gộp từ ' || $3 || ')', now() FROM case_participant WHERE case_id = $1 AND ended_at IS NULL
       ON CONFLICT (case_id, agency_code) DO NOTHING`,
      [source.id, targetId, source.number],
    );
    return moved;
  }

  /** The ids of the case's reports, locked so none moves while the case is split. */
  async lockReportIds(manager: EntityManager, caseId: string): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(manager, `SELECT id FROM report WHERE case_id = $1 FOR UPDATE`, [caseId]);
    return rows.map((r) => r.id);
  }

  /** How many of the case's handling actions are not done yet. */
  async countOpenActions(manager: EntityManager, caseId: string): Promise<number> {
    const [open] = await queryRows<{ n: number }>(manager, `SELECT count(*)::int AS n FROM handling_action WHERE case_id = $1 AND status <> 'DONE'`, [caseId]);
    return open.n;
  }

  async recordStatus(manager: EntityManager, change: StatusChange): Promise<void> {
    await this.addStatuses(new SqlBatch(), [change]).execute(manager);
  }

  /** Several status changes in one statement of `batch`, in order. */
  addStatuses(batch: SqlBatch, changes: StatusChange[]): SqlBatch {
    if (changes.length === 0) return batch;
    const column = <K extends keyof StatusChange>(key: K, cast: string) =>
      batch.param(
        changes.map((c) => c[key] ?? null),
        cast,
      );
    return batch.add(
      `INSERT INTO case_status_change (case_id, from_status, to_status, reason, actor_agency, actor_user_id, at)
       SELECT * FROM unnest(${column('caseId', 'uuid[]')}, ${column('from', 'text[]')}, ${column('to', 'text[]')}, ${column('reason', 'text[]')}, ${column('actorAgency', 'text[]')}, ${column('actorUserId', 'text[]')}, ${column('at', 'timestamptz[]')})`,
    );
  }

  async statusHistoryOf(manager: EntityManager, caseIds: string[]): Promise<Map<string, CaseStatusChangeDto[]>> {
    const rows = await queryRows<{
      case_id: string;
      from_status: CaseStatus | null;
      to_status: CaseStatus;
      reason: string | null;
      actor_agency: string | null;
      actor_user_id: string | null;
      at: Date;
    }>(
      manager,
      `SELECT case_id, from_status, to_status, reason, actor_agency, actor_user_id, at FROM case_status_change WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, id`,
      [caseIds],
    );
    const byCase = new Map<string, CaseStatusChangeDto[]>();
    for (const r of rows) {
      const list = byCase.get(r.case_id) ?? [];
      list.push({ from: r.from_status, to: r.to_status, reason: r.reason, byAgency: r.actor_agency, byUserId: r.actor_user_id, at: r.at.toISOString() });
      byCase.set(r.case_id, list);
    }
    return byCase;
  }

  /**
   * A page of cases by the filters, each with its rank for a search. A search matches the case
   * number and the reports' canonical URLs exactly, and excerpts by trigram word similarity over
   * the folded text (`search_fold`, indexed); an agency that only reported a case is matched on
   * its own reports, as it sees only those.
   */
  async list(query: CaseListQuery): Promise<Array<LoadedCase & { rank?: number }>> {
    const { from, where, params, param, rank } = this.listFilter(query);
    if (query.after) {
      const after = `(${param(query.after.openedAt, 'timestamptz')}, ${param(query.after.id, 'uuid')})`;
      where.push(
        query.search
          ? `(s.rank < ${param(query.after.rank ?? 0, 'real')} OR (s.rank = $${params.length}::real AND (c.opened_at, c.id) < ${after}))`
          : `(c.opened_at, c.id) < ${after}`,
      );
    }
    const rows = await queryRows<{ id: string; rank: number | null }>(
      this.dataSource.manager,
      `SELECT c.id, ${rank} AS rank FROM ${from}
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${query.search ? 's.rank DESC, ' : ''}c.opened_at DESC, c.id DESC
        LIMIT ${param(query.limit, 'int')}`,
      params,
    );
    if (rows.length === 0) return [];
    const cases = await this.dataSource.manager.find(CaseEntity, { where: { id: In(rows.map((r) => r.id)) } });
    const loaded = await this.withChildren(this.dataSource.manager, cases, true, query.withReports ?? true);
    return rows.map((row) => ({ ...loaded.get(row.id)!, ...(row.rank === null ? {} : { rank: Number(row.rank) }) }));
  }

  /** How many cases `list` pages through with the same filter (its page end and limit aside). */
  async count(query: Omit<CaseListQuery, 'after' | 'limit'>): Promise<number> {
    const { from, where, params } = this.listFilter(query);
    const [row] = await queryRows<{ total: number }>(
      this.dataSource.manager,
      `SELECT count(*)::int AS total FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
      params,
    );
    return row?.total ?? 0;
  }

  /** The FROM and WHERE of a list of cases: visibility, filters and, with free text, the ranked matches. */
  private listFilter(query: Omit<CaseListQuery, 'after' | 'limit'>) {
    const params: unknown[] = [];
    const param = (value: unknown, cast: string) => {
      params.push(value);
      return `$${params.length}::${cast}`;
    };
    const where: string[] = [];
    if (query.agencyCode) where.push(`c.visible_agencies @> ARRAY[${param(query.agencyCode, 'text')}]`);
    if (query.status) where.push(`c.status = ${param(query.status, 'text')}`);
    if (query.categoryCode) where.push(`c.category_code = ${param(query.categoryCode, 'text')}`);
    if (query.severity) where.push(`c.severity = ${param(query.severity, 'text')}`);
    if (query.localityCode) where.push(`c.locality_code = ${param(query.localityCode, 'text')}`);
    if (query.onAgency) where.push(`c.visible_agencies @> ARRAY[${param(query.onAgency, 'text')}]`);
    if (query.openedFrom) where.push(`c.opened_at >= ${param(query.openedFrom, 'timestamptz')}`);
    if (query.openedTo) where.push(`c.opened_at < ${param(query.openedTo, 'timestamptz')}`);
    if (query.overdue !== undefined) {
      where.push(
        `${query.overdue ? '' : 'NOT '}EXISTS (SELECT 1 FROM case_deadline d WHERE d.case_id = c.id AND d.cancelled_at IS NULL AND d.deadline < now())`,
      );
    }
    let from = 'handling_case c';
    let rank = 'NULL::real';
    if (query.search) {
      const { text, number, canonicalUrl } = query.search;
      const viewer = param(query.agencyCode, 'text');
      // A reporter-only agency's view holds its own reports only: match those, never another agency's text.
      const seesReport = `(${viewer} IS NULL OR r.reporter_agency_code = ${viewer}
            OR EXISTS (SELECT 1 FROM case_participant p WHERE p.case_id = r.case_id AND p.agency_code = ${viewer} AND p.ended_at IS NULL)
            OR EXISTS (SELECT 1 FROM handling_action a WHERE a.case_id = r.case_id AND a.assignee_agency_code = ${viewer}))`;
      const folded = param(text, 'text');
      const hits = [
        `SELECT r.case_id, word_similarity(search_fold(${folded}), search_fold(r.excerpt)) AS rank
           FROM report r WHERE search_fold(${folded}) <% search_fold(r.excerpt) AND ${seesReport}`,
      ];
      if (number) hits.push(`SELECT id, 1::real FROM handling_case WHERE number = ${param(number, 'text')}`);
      if (canonicalUrl) hits.push(`SELECT r.case_id, 1::real FROM report r WHERE r.canonical_url = ${param(canonicalUrl, 'text')} AND ${seesReport}`);
      from = `(SELECT case_id, max(rank) AS rank FROM (${hits.join(' UNION ALL ')}) h GROUP BY case_id) s JOIN handling_case c ON c.id = s.case_id`;
      rank = 's.rank';
    }
    return { from, where, params, param, rank };
  }

  /** Agencies not yet on the case join it with `role` and may see it; returns who sees the case now. */
  async addParticipants(
    manager: EntityManager,
    kase: { id: string; visible_agencies: string[] },
    codes: string[],
    role: ParticipantRole,
    basis: string,
  ): Promise<string[]> {
    const added = await queryRows<{ agency_code: string }>(
      manager,
      `INSERT INTO case_participant (case_id, agency_code, role, basis, assigned_at)
       SELECT $1, code, $3, $4, now() FROM unnest($2::text[]) AS code
       ON CONFLICT (case_id, agency_code) DO NOTHING RETURNING agency_code`,
      [kase.id, codes, role, basis],
    );
    const visible = [...new Set([...kase.visible_agencies, ...codes])];
    if (visible.length !== kase.visible_agencies.length) {
      await manager.query(`UPDATE handling_case SET visible_agencies = $2, updated_at = now() WHERE id = $1`, [kase.id, visible]);
    }
    if (added.length) {
      await appendAudit(manager, {
        actor: null,
        action: 'case.participants-added',
        targetType: 'case',
        targetId: kase.id,
        summary: { added: added.map((a) => a.agency_code), role, basis },
      });
    }
    return visible;
  }

  /** The case's head, locked for a change made on an event. */
  async lockHead(manager: EntityManager, caseId: string): Promise<CaseHead | undefined> {
    const [kase] = await queryRows<CaseHead>(manager, `SELECT id, number, status, severity, visible_agencies FROM handling_case WHERE id = $1 FOR UPDATE`, [
      caseId,
    ]);
    return kase;
  }

  /** Đ4.2: the case goes into consultation (the caller checked it was triaged and records the status change). */
  async markInConsultation(manager: EntityManager, caseId: string): Promise<void> {
    await manager.query(`UPDATE handling_case SET status = 'IN_CONSULTATION', updated_at = now() WHERE id = $1`, [caseId]);
  }

  /** The SLA policy the case was opened under (null for a case opened before policies). */
  async slaOf(manager: EntityManager, caseId: string): Promise<SlaPolicy | null> {
    const [row] = await queryRows<{ sla: SlaPolicy | null }>(manager, `SELECT sla FROM handling_case WHERE id = $1`, [caseId]);
    return row?.sla ?? null;
  }

  /**
   * Ends the current participations of retired agencies in open cases, each replaced by the
   * successor (kept as history); returns them. Closed cases keep who was responsible at the time.
   */
  async endParticipations(manager: EntityManager, retired: string[], successorCode: string): Promise<EndedParticipation[]> {
    return queryRows<EndedParticipation>(
      manager,
      `UPDATE case_participant p SET ended_at = now(), replaced_by = $2
         FROM handling_case c
        WHERE c.id = p.case_id AND p.agency_code = ANY($1::text[]) AND p.ended_at IS NULL AND c.status = ANY($3::text[])
        RETURNING p.case_id, p.agency_code, c.number`,
      [retired, successorCode, OPEN_STATUSES],
    );
  }

  /**
   * The successor takes the retired agency's role and basis on the case; if it was already on the
   * case, the stronger role stays. The successor may see the case; returns who sees it now.
   */
  async takeOverParticipation(manager: EntityManager, caseId: string, retiredCode: string, successorCode: string): Promise<string[]> {
    await manager.query(
      `INSERT INTO case_participant (case_id, agency_code, role, basis, assigned_at)
       SELECT case_id, $3::text, role, basis || ' (kế nhiệm ' || agency_code || ')', now() FROM case_participant WHERE case_id = $1 AND agency_code = $2
       ON CONFLICT (case_id, agency_code) DO UPDATE
         SET role = CASE WHEN array_position(ARRAY['LEAD','PARTICIPANT','INFORMED'], EXCLUDED.role) < array_position(ARRAY['LEAD','PARTICIPANT','INFORMED'], case_participant.role)
                         THEN EXCLUDED.role ELSE case_participant.role END,
             ended_at = NULL, replaced_by = NULL`,
      [caseId, retiredCode, successorCode],
    );
    const [visible] = await queryRows<{ visible_agencies: string[] }>(
      manager,
      `UPDATE handling_case SET visible_agencies = CASE WHEN $2 = ANY(visible_agencies) THEN visible_agencies ELSE array_append(visible_agencies, $2) END,
              updated_at = now() WHERE id = $1 RETURNING visible_agencies`,
      [caseId, successorCode],
    );
    return visible!.visible_agencies;
  }

  /** The severities a suggestion starts from, by case id (absent ids are left out). */
  async severitiesOf(caseIds: string[]): Promise<Map<string, Pick<CaseEntity, 'defaultSeverity' | 'severity'>>> {
    if (caseIds.length === 0) return new Map();
    const cases = await this.dataSource.manager.find(CaseEntity, { where: { id: In(caseIds) }, select: { id: true, defaultSeverity: true, severity: true } });
    return new Map(cases.map((c) => [c.id, c]));
  }

  /** Who may see each of the cases (absent ids are left out). */
  async visibleAgenciesOf(caseIds: string[]): Promise<Map<string, string[]>> {
    const rows = await queryRows<{ id: string; visible_agencies: string[] }>(
      this.dataSource.manager,
      `SELECT id, visible_agencies FROM handling_case WHERE id = ANY($1::uuid[])`,
      [caseIds],
    );
    return new Map(rows.map((r) => [r.id, r.visible_agencies]));
  }

  /**
   * Up to `limit` reports of each case, oldest first, after `after` (submitted_at, id): one index
   * range per case in page order (report_case_page_idx), never the whole of a case with thousands of reports.
   */
  async reportPages(
    caseIds: string[],
    limit: number,
    after?: { at: string; id: string },
    ownOnly: Map<string, string> = new Map(),
  ): Promise<Map<string, ReportEntity[]>> {
    const byCase = new Map<string, ReportEntity[]>(caseIds.map((id) => [id, []]));
    if (caseIds.length === 0) return byCase;
    const picked = await queryRows<{ id: string }>(
      this.dataSource.manager,
      `SELECT r.id FROM unnest($1::uuid[], $5::text[]) AS c(id, agency)
         CROSS JOIN LATERAL (
           SELECT id FROM report
            WHERE case_id = c.id AND ($3::timestamptz IS NULL OR (submitted_at, id) > ($3::timestamptz, $4::uuid))
              AND (c.agency IS NULL OR reporter_agency_code = c.agency)
            ORDER BY submitted_at, id LIMIT $2
         ) r`,
      [caseIds, limit, after?.at ?? null, after?.id ?? null, caseIds.map((id) => ownOnly.get(id) ?? null)],
    );
    if (picked.length === 0) return byCase;
    const reports = await this.dataSource.manager.find(ReportEntity, { where: { id: In(picked.map((p) => p.id)) } });
    reports.sort((a, b) => +new Date(a.submittedAt) - +new Date(b.submittedAt) || a.id.localeCompare(b.id));
    for (const report of reports) byCase.get(report.caseId)?.push(report);
    return byCase;
  }

  /**
   * How many reports each case has (cases without reports are left out), `ownOnly` as in
   * reportPages: an index-only count per case (report_case_page_idx carries the reporter agency),
   * which never reads the report rows, unlike spreadOfCases' distinct counts.
   */
  async reportCounts(caseIds: string[], ownOnly: Map<string, string> = new Map()): Promise<Map<string, number>> {
    if (caseIds.length === 0) return new Map();
    const rows = await queryRows<{ case_id: string; reports: number }>(
      this.dataSource.manager,
      `SELECT c.id AS case_id, n.reports FROM unnest($1::uuid[], $2::text[]) AS c(id, agency)
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS reports FROM report WHERE case_id = c.id AND (c.agency IS NULL OR reporter_agency_code = c.agency)
         ) n
        WHERE n.reports > 0`,
      [caseIds, caseIds.map((id) => ownOnly.get(id) ?? null)],
    );
    return new Map(rows.map((r) => [r.case_id, r.reports]));
  }

  /** How far each case's reports say its content has gone, counted in SQL (cases without reports are left out). */
  /** `ownOnly`: cases read by an agency that only reported them, counted over that agency's reports. */
  async spreadOfCases(caseIds: string[], ownOnly: Map<string, string> = new Map()): Promise<Map<string, SpreadSignals>> {
    const rows = await queryRows<{ case_id: string; reports: number; agencies: number; localities: number; max_reach: string | null }>(
      this.dataSource.manager,
      `SELECT r.case_id, count(*)::int AS reports, count(DISTINCT r.reporter_agency_code)::int AS agencies,
              count(DISTINCT r.locality_code)::int AS localities, max(r.estimated_reach)::text AS max_reach
         FROM unnest($1::uuid[], $2::text[]) AS c(id, agency)
         JOIN report r ON r.case_id = c.id AND (c.agency IS NULL OR r.reporter_agency_code = c.agency)
        GROUP BY r.case_id`,
      [caseIds, caseIds.map((id) => ownOnly.get(id) ?? null)],
    );
    return new Map(
      rows.map((r) => [
        r.case_id,
        { reports: r.reports, reportingAgencies: r.agencies, localities: r.localities, maxReportedReach: r.max_reach === null ? null : Number(r.max_reach) },
      ]),
    );
  }
}
