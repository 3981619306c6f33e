import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseStatus, Severity } from '@phoi-hop/contracts';
import { SqlBatch, queryRows } from '@phoi-hop/persistence';
import type { CaseDeadlineKind } from './case-deadlines';

/** A deadline to store: the scheduler fires a reminder at `remindAt`, then an escalation at `deadline`. */
export interface DeadlineRows {
  caseId: string;
  kind: CaseDeadlineKind;
  actionId: string | null;
  deadline: Date;
  remindAt: Date;
}

/** The case a deadline fires on, with its current lead agency (null when it has none). */
export interface DeadlineCaseRow {
  id: string;
  number: string;
  status: CaseStatus;
  severity: Severity;
  visible_agencies: string[];
  lead: string | null;
}

/** The case_deadline table, and what firing a deadline reads of its case and action. */
@Injectable()
export class CaseDeadlineRepository {
  /** Each deadline as a reminder row and an escalation row, all in one statement of `batch`. */
  addRows(batch: SqlBatch, items: DeadlineRows[]): SqlBatch {
    if (items.length === 0) return batch;
    const rows = items.flatMap(({ caseId, kind, actionId, deadline, remindAt }) => {
      const caseParam = batch.param(caseId, 'uuid');
      const kindParam = batch.param(kind, 'text');
      const actionParam = batch.param(actionId, 'uuid');
      const deadlineParam = batch.param(deadline, 'timestamptz');
      const remindParam = batch.param(remindAt, 'timestamptz');
      return [
        `(${batch.param(randomUUID(), 'uuid')}, ${caseParam}, ${kindParam}, ${actionParam}, 'REMINDER', ${deadlineParam}, ${remindParam})`,
        `(${batch.param(randomUUID(), 'uuid')}, ${caseParam}, ${kindParam}, ${actionParam}, 'ESCALATION', ${deadlineParam}, ${deadlineParam})`,
      ];
    });
    return batch.add(`INSERT INTO case_deadline (id, case_id, kind, action_id, phase, deadline, due_at) VALUES ${rows.join(', ')}`);
  }

  /** Cancels what is still due: of some kinds, of one action, or everything of the case; returns how many. */
  async cancel(manager: EntityManager, caseId: string, filter: { kinds?: CaseDeadlineKind[]; actionId?: string } = {}): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `UPDATE case_deadline SET cancelled_at = now()
        WHERE case_id = $1 AND fired_at IS NULL AND cancelled_at IS NULL AND ($2::text[] IS NULL OR kind = ANY($2::text[])) AND ($3::uuid IS NULL OR action_id = $3)
        RETURNING id`,
      [caseId, filter.kinds ?? null, filter.actionId ?? null],
    );
    return rows.length;
  }

  /** The case with its current lead, locked while its deadline fires. */
  async lockCase(manager: EntityManager, caseId: string): Promise<DeadlineCaseRow | undefined> {
    const [kase] = await queryRows<DeadlineCaseRow>(
      manager,
      `SELECT c.id, c.number, c.status, c.severity, c.visible_agencies,
              (SELECT agency_code FROM case_participant p WHERE p.case_id = c.id AND p.role = 'LEAD' AND p.ended_at IS NULL LIMIT 1) AS lead
         FROM handling_case c WHERE c.id = $1 FOR UPDATE OF c`,
      [caseId],
    );
    return kase;
  }

  /** The handling action an ACTION deadline is about: its status and the agency it is assigned to. */
  async action(manager: EntityManager, actionId: string | null): Promise<{ status: string; assignee_agency_code: string } | undefined> {
    const [action] = await queryRows<{ status: string; assignee_agency_code: string }>(
      manager,
      `SELECT status, assignee_agency_code FROM handling_action WHERE id = $1`,
      [actionId],
    );
    return action;
  }
}
