import { reminderAt } from '@phoi-hop/contracts';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DEADLINE_SETTINGS, SqlBatch, queryRows, type DeadlineSettings } from '@phoi-hop/persistence';

export type CaseDeadlineKind = 'TRIAGE' | 'DECISION' | 'CONSULTATION' | 'ACTION';

export interface DeadlineToSchedule {
  caseId: string;
  kind: CaseDeadlineKind;
  deadline: Date;
  now: Date;
  actionId?: string | null;
}

/** The end of a due date in the province (a handling action is due by the end of its day, UTC+7). */
export function endOfProvinceDay(date: string): Date {
  return new Date(`${date}T23:59:59.999+07:00`);
}

/**
 * Writes and cancels a case's deadlines, in the caller's transaction: each deadline is a reminder
 * and an escalation row that the scheduler fires once (Đ3.2 "kịp thời").
 */
@Injectable()
export class CaseDeadlines {
  constructor(@Inject(DEADLINE_SETTINGS) private readonly settings: DeadlineSettings) {}

  async schedule(manager: EntityManager, caseId: string, kind: CaseDeadlineKind, deadline: Date, now: Date, actionId: string | null = null): Promise<void> {
    await this.addSchedules(new SqlBatch(), [{ caseId, kind, deadline, now, actionId }]).execute(manager);
  }

  /** Several deadlines in one statement of `batch` (a batch of new cases). */
  addSchedules(batch: SqlBatch, items: DeadlineToSchedule[]): SqlBatch {
    if (items.length === 0) return batch;
    const rows = items.flatMap(({ caseId, kind, deadline, now, actionId }) => {
      const caseParam = batch.param(caseId, 'uuid');
      const kindParam = batch.param(kind, 'text');
      const actionParam = batch.param(actionId ?? null, 'uuid');
      const deadlineParam = batch.param(deadline, 'timestamptz');
      const remindParam = batch.param(reminderAt(now, deadline, this.settings.reminderLeadMs), 'timestamptz');
      // A reminder (due before the deadline) and an escalation (due at it).
      return [
        `(${batch.param(randomUUID(), 'uuid')}, ${caseParam}, ${kindParam}, ${actionParam}, 'REMINDER', ${deadlineParam}, ${remindParam})`,
        `(${batch.param(randomUUID(), 'uuid')}, ${caseParam}, ${kindParam}, ${actionParam}, 'ESCALATION', ${deadlineParam}, ${deadlineParam})`,
      ];
    });
    return batch.add(`INSERT INTO case_deadline (id, case_id, kind, action_id, phase, deadline, due_at) VALUES ${rows.join(', ')}`);
  }

  /** Cancels what is still due: of some kinds, of one action, or everything of the case. */
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
}
