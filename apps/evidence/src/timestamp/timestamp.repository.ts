import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { deadlineTableStatements, queryRows, type DueWorkOptions } from '@phoi-hop/persistence';

/** A timestamp still to obtain: the item's id and the hash to timestamp. */
export interface DueTimestamp {
  id: string;
  sha256: string;
  case_id: string;
}

export interface GrantedTimestampRow {
  token: Buffer;
  genTime: Date;
  tsaName: string | null;
  serialNumber: string | null;
  policy: string | null;
}

/**
 * No limit on attempts: a timestamp is requested until the authority grants one, at most every
 * 6 hours once the delays have doubled that far (an item must not stay untimestamped for good
 * because its authority was down for a while).
 */
export const TIMESTAMP_MAX_ATTEMPTS = 2_147_483_647;

const CLAIM = `SELECT t.id, t.sha256, i.case_id FROM evidence_timestamp t JOIN evidence_item i ON i.id = t.id
                WHERE t.fired_at IS NULL AND t.cancelled_at IS NULL AND t.due_at <= now() AND t.attempts < $1 AND NOT (t.id = ANY($2::uuid[]))`;

/** The timestamps of items (evidence_timestamp) and the schedule of the requests still to make. */
@Injectable()
export class TimestampRepository {
  async schedule(manager: EntityManager, itemId: string, sha256: string): Promise<void> {
    await manager.query(`INSERT INTO evidence_timestamp (id, sha256, status, due_at) VALUES ($1, $2, 'PENDING', now())`, [itemId, sha256]);
  }

  /** Claims one item's pending timestamp for this transaction; null when done, or being obtained by another replica. */
  async claim(manager: EntityManager, itemId: string): Promise<DueTimestamp | null> {
    const [row] = await queryRows<DueTimestamp>(manager, `${CLAIM} AND t.id = $3 FOR UPDATE OF t SKIP LOCKED`, [TIMESTAMP_MAX_ATTEMPTS, [], itemId]);
    return row ?? null;
  }

  async granted(manager: EntityManager, itemId: string, granted: GrantedTimestampRow): Promise<void> {
    await manager.query(
      `UPDATE evidence_timestamp SET status = 'VERIFIED', token = $2, gen_time = $3, tsa_name = $4, serial_number = $5, policy = $6, attempts = attempts + 1,
              last_error = NULL, fired_at = now() WHERE id = $1`,
      [itemId, granted.token, granted.genTime, granted.tsaName, granted.serialNumber, granted.policy],
    );
  }

  /** Records a failed request outside the rolled-back transaction, and when to try again (doubling, at most 6 hours later). */
  async failed(manager: EntityManager, itemId: string, error: string, retryMs: number): Promise<void> {
    await manager.query(failedSql(retryMs), [itemId, error.slice(0, 500)]);
  }
}

function failedSql(retryMs: number): string {
  const base = Math.max(1, Math.round(retryMs));
  return `UPDATE evidence_timestamp SET status = 'FAILED', attempts = attempts + 1, last_error = $2,
                 due_at = now() + interval '1 millisecond' * LEAST(${base} * power(2, LEAST(attempts, 16)), 21600000) WHERE id = $1`;
}

/** The statements of the poller that retries pending and failed timestamps. */
export function timestampPollerStatements(retryMs: number): Pick<DueWorkOptions<DueTimestamp>, 'name' | 'claimSql' | 'doneSql' | 'failedSql' | 'backlog'> {
  const { backlog } = deadlineTableStatements('evidence_timestamp', []);
  return {
    name: 'evidence_timestamp',
    backlog,
    claimSql: `${CLAIM} ORDER BY t.due_at LIMIT 1 FOR UPDATE OF t SKIP LOCKED`,
    // The handler marks the row done itself (granted), in the transaction that stores the token.
    doneSql: `UPDATE evidence_timestamp SET fired_at = coalesce(fired_at, now()) WHERE id = $1`,
    failedSql: failedSql(retryMs),
  };
}
