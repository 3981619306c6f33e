import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { IndicatorKind, IndicatorOrigin } from '@phoi-hop/contracts';
import { queryRows } from '@phoi-hop/persistence';

/** One indicator as one item showed it, with what visibility needs of the item. */
export interface IndicatorRow {
  id: string;
  kind: IndicatorKind;
  value_shown: string;
  normalized_value: string;
  case_id: string;
  item_id: string;
  origin: IndicatorOrigin;
  added_by: string;
  added_at: Date;
  seen_at: Date;
  captured_by_agency: string;
  visible_agencies: string[];
}

export interface NewIndicator {
  id: string;
  kind: IndicatorKind;
  value: string;
  normalized: string;
  caseId: string;
  itemId: string;
  addedBy: string;
  addedByAgency: string;
  addedAt: Date;
}

const SELECT = `SELECT c.id, c.kind, c.value_shown, c.normalized_value, c.case_id, c.item_id, c.origin, c.added_by, c.added_at,
                       i.captured_at AS seen_at, i.captured_by_agency, i.visible_agencies
                  FROM content_indicator c JOIN evidence_item i ON i.id = c.item_id AND i.purged_at IS NULL`;

/** Indicators shown in evidence content, and every occurrence of the same normalised indicator. */
@Injectable()
export class IndicatorRepository {
  async forCase(manager: EntityManager, caseId: string): Promise<IndicatorRow[]> {
    return queryRows<IndicatorRow>(manager, `${SELECT} WHERE c.case_id = $1 ORDER BY c.kind, c.normalized_value, i.captured_at, c.id`, [caseId]);
  }

  /** Every occurrence of the given (kind, normalised value) pairs, in any case. */
  async occurrencesOf(manager: EntityManager, keys: { kind: string; normalized: string }[]): Promise<IndicatorRow[]> {
    if (!keys.length) return [];
    return queryRows<IndicatorRow>(
      manager,
      `${SELECT} WHERE (c.kind, c.normalized_value) IN (SELECT * FROM unnest($1::text[], $2::text[])) ORDER BY i.captured_at, c.id`,
      [keys.map((k) => k.kind), keys.map((k) => k.normalized)],
    );
  }

  async load(manager: EntityManager, id: string, forUpdate = false): Promise<IndicatorRow | null> {
    const [row] = await queryRows<IndicatorRow>(manager, `${SELECT} WHERE c.id = $1${forUpdate ? ' FOR UPDATE OF c' : ''}`, [id]);
    return row ?? null;
  }

  /** Records an indicator an officer read in an item; false when the item already shows it. */
  async insert(manager: EntityManager, indicator: NewIndicator): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO content_indicator (id, kind, value_shown, normalized_value, case_id, item_id, origin, added_by, added_by_agency, added_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'OFFICER', $7, $8, $9) ON CONFLICT (item_id, kind, normalized_value) DO NOTHING RETURNING id`,
      [
        indicator.id,
        indicator.kind,
        indicator.value,
        indicator.normalized,
        indicator.caseId,
        indicator.itemId,
        indicator.addedBy,
        indicator.addedByAgency,
        indicator.addedAt,
      ],
    );
    return rows.length === 1;
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM content_indicator WHERE id = $1`, [id]);
  }
}
