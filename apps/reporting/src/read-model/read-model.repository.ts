import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows } from '@phoi-hop/persistence';
import type { CaseFact, CaseState, Fact, RollupDelta, StoredContributions } from './read-model.rules';
import { caseOutcome } from './read-model.rules';

/** The read models' tables, in the order a rebuild empties them. */
export const READ_MODEL_TABLES = ['rm_rollup', 'rm_case', 'rm_fact', 'rm_meta'] as const;

const NO_CONTRIBUTIONS: StoredContributions = { scopes: [], items: [] };

/** All SQL of the statistics read models (written by the consumer, emptied by a rebuild). */
@Injectable()
export class ReadModelRepository {
  /**
   * Several cases' rows, locked in id order whatever the order given (two replicas applying batches
   * that share cases wait for each other instead of deadlocking), created empty on their first event,
   * with what each adds to the rollups now. One statement takes every lock, new rows and existing
   * ones alike, in that order (`DO UPDATE … WHERE false` locks a row without writing it).
   */
  async lockCases(manager: EntityManager, caseIds: readonly string[]): Promise<Map<string, StoredContributions>> {
    const ids = [...new Set(caseIds)].sort();
    if (ids.length === 0) return new Map();
    await manager.query(
      `INSERT INTO rm_case (case_id) SELECT id FROM unnest($1::uuid[]) AS u(id) ORDER BY id
       ON CONFLICT (case_id) DO UPDATE SET updated_at = rm_case.updated_at WHERE false`,
      [ids],
    );
    const rows = await queryRows<{ case_id: string; contributions: StoredContributions | [] }>(
      manager,
      `SELECT case_id, contributions FROM rm_case WHERE case_id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.case_id, row.contributions && !Array.isArray(row.contributions) ? row.contributions : NO_CONTRIBUTIONS]));
  }

  /**
   * Adds the deltas to the rollups in one statement, rows in the order given (so concurrent consumers
   * lock in one order); a count's row (no histogram) is not passed through `rm_array_add`.
   */
  async applyDelta(manager: EntityManager, deltas: readonly RollupDelta[]): Promise<void> {
    if (deltas.length === 0) return;
    await manager.query(
      `INSERT INTO rm_rollup (scope, grain, period, metric, key, n, minutes, hist_n, hist_minutes)
       SELECT s, g, p, m, k, n, mi, hn::bigint[], hm::bigint[]
         FROM unnest($1::text[], $2::char(1)[], $3::date[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::text[], $9::text[]) AS u(s, g, p, m, k, n, mi, hn, hm)
       ON CONFLICT (scope, grain, period, metric, key)
       DO UPDATE SET n = rm_rollup.n + EXCLUDED.n, minutes = rm_rollup.minutes + EXCLUDED.minutes,
                     hist_n = CASE WHEN EXCLUDED.hist_n IS NULL THEN rm_rollup.hist_n ELSE rm_array_add(rm_rollup.hist_n, EXCLUDED.hist_n) END,
                     hist_minutes = CASE WHEN EXCLUDED.hist_minutes IS NULL THEN rm_rollup.hist_minutes ELSE rm_array_add(rm_rollup.hist_minutes, EXCLUDED.hist_minutes) END`,
      rollupColumns(deltas),
    );
  }

  /** Writes rollup rows into the emptied table (a rebuild's: each row once), without the upsert's conflict check. */
  async insertRollups(manager: EntityManager, rows: readonly RollupDelta[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO rm_rollup (scope, grain, period, metric, key, n, minutes, hist_n, hist_minutes)
       SELECT s, g, p, m, k, n, mi, hn::bigint[], hm::bigint[]
         FROM unnest($1::text[], $2::char(1)[], $3::date[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::text[], $9::text[]) AS u(s, g, p, m, k, n, mi, hn, hm)`,
      rollupColumns(rows),
    );
  }

  /** The newest event time counted: the statistics' "as of". */
  async advanceAsOf(manager: EntityManager, occurredAt: string): Promise<void> {
    await manager.query(
      `INSERT INTO rm_meta (key, value) VALUES ('as_of', $1) ON CONFLICT (key) DO UPDATE SET value = GREATEST(rm_meta.value, EXCLUDED.value)`,
      [occurredAt],
    );
  }

  /** Stores events in one statement (a batch, a rebuild's batches); those stored already are skipped. The ids stored now. */
  async insertFacts(manager: EntityManager, facts: readonly CaseFact[]): Promise<Set<string>> {
    if (facts.length === 0) return new Set();
    const rows = await queryRows<{ event_id: string }>(
      manager,
      `INSERT INTO rm_fact (event_id, case_id, subject, sequence, occurred_at, data)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::bigint[], $5::timestamptz[], $6::jsonb[])
       ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [
        facts.map((f) => f.eventId),
        facts.map((f) => f.caseId),
        facts.map((f) => f.subject),
        facts.map((f) => f.sequence),
        facts.map((f) => f.occurredAt),
        facts.map((f) => JSON.stringify(f.data ?? null)),
      ],
    );
    return new Set(rows.map((row) => row.event_id));
  }

  /** Updates the rows of cases locked by `lockCases`, in one statement. */
  async saveCases(manager: EntityManager, cases: readonly { state: CaseState; contributions: StoredContributions }[]): Promise<void> {
    if (cases.length === 0) return;
    await manager.query(
      `UPDATE rm_case SET opened_day = u.d, category_code = u.cat, locality_code = u.loc, lead_agency = u.lead,
              agencies = ARRAY(SELECT jsonb_array_elements_text(u.ag)), status = u.st, outcome = u.o, contributions = u.co, updated_at = now()
         FROM unnest($1::uuid[], $2::date[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::text[], $8::text[], $9::jsonb[])
           AS u(c, d, cat, loc, lead, ag, st, o, co)
        WHERE rm_case.case_id = u.c`,
      caseColumns(cases),
    );
  }

  /** The facts of several cases, or the press facts (no case) when `caseIds` is null. */
  async factsOf(manager: EntityManager, caseIds: readonly string[] | null): Promise<(Fact & { caseId: string | null })[]> {
    const rows = await queryRows<{ event_id: string; case_id: string | null; subject: string; sequence: string | null; occurred_at: Date; data: unknown }>(
      manager,
      caseIds
        ? `SELECT event_id, case_id, subject, sequence, occurred_at, data FROM rm_fact WHERE case_id = ANY($1::uuid[])`
        : `SELECT event_id, case_id, subject, sequence, occurred_at, data FROM rm_fact WHERE case_id IS NULL`,
      caseIds ? [caseIds] : [],
    );
    return rows.map((row) => ({
      eventId: row.event_id,
      caseId: row.case_id,
      subject: row.subject,
      sequence: row.sequence === null ? null : Number(row.sequence),
      occurredAt: row.occurred_at.toISOString(),
      data: row.data,
    }));
  }

  /** Writes case rows in one statement (a rebuild's, into the emptied table). */
  async insertCases(manager: EntityManager, cases: readonly { state: CaseState; contributions: StoredContributions }[]): Promise<void> {
    if (cases.length === 0) return;
    await manager.query(
      `INSERT INTO rm_case (case_id, opened_day, category_code, locality_code, lead_agency, agencies, status, outcome, contributions)
       SELECT c, d, cat, loc, lead, ARRAY(SELECT jsonb_array_elements_text(ag)), st, o, co
         FROM unnest($1::uuid[], $2::date[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::text[], $8::text[], $9::jsonb[])
           AS u(c, d, cat, loc, lead, ag, st, o, co)`,
      caseColumns(cases),
    );
  }

  /** Empties every read model, and the consumer's inbox, for a rebuild from the stream. */
  async truncate(manager: EntityManager, consumer: string): Promise<void> {
    await manager.query(`TRUNCATE ${READ_MODEL_TABLES.join(', ')}`);
    await manager.query(`DELETE FROM inbox WHERE consumer = $1`, [consumer]);
  }

  /** What a rebuild ended with: the events the consumer took in and the cases they make. */
  async rebuiltCounts(manager: EntityManager, consumer: string): Promise<{ events: number; cases: number }> {
    const [counts] = await queryRows<{ events: number; cases: number }>(
      manager,
      `SELECT (SELECT count(*) FROM inbox WHERE consumer = $1)::int AS events, (SELECT count(*) FROM rm_case)::int AS cases`,
      [consumer],
    );
    return counts!;
  }
}

/** A case row's columns, one array each (the parameters of `insertCases` and `saveCases`). */
function caseColumns(cases: readonly { state: CaseState; contributions: StoredContributions }[]): unknown[] {
  return [
    cases.map((c) => c.state.caseId),
    cases.map((c) => c.contributions.items.find((item) => item[1] === 'cases')?.[0] ?? null),
    cases.map((c) => c.state.categoryCode),
    cases.map((c) => c.state.localityCode),
    cases.map((c) => c.state.leadAgency),
    cases.map((c) => JSON.stringify(c.state.agencies)),
    cases.map((c) => c.state.status),
    cases.map((c) => (c.state.opened ? caseOutcome(c.state) : null)),
    cases.map((c) => JSON.stringify(c.contributions)),
  ];
}

/** Rollup rows' columns, one array each; a histogram as an array literal (the parameters of `applyDelta` and `insertRollups`). */
function rollupColumns(rows: readonly RollupDelta[]): unknown[] {
  const array = (values: number[] | null) => (values ? `{${values.join(',')}}` : null);
  return [
    rows.map((d) => d.scope),
    rows.map((d) => d.grain),
    rows.map((d) => d.period),
    rows.map((d) => d.metric),
    rows.map((d) => d.key),
    rows.map((d) => d.n),
    rows.map((d) => d.minutes),
    rows.map((d) => array(d.histN)),
    rows.map((d) => array(d.histMinutes)),
  ];
}
