import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows, reminderAt, type DeadlineSettings } from '@phoi-hop/persistence';
import { INTAKE_DEADLINE_SETTINGS } from './deadline.tokens';

export type CaseDeadlineKind = 'TRIAGE' | 'DECISION' | 'CONSULTATION' | 'ACTION';

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
  constructor(@Inject(INTAKE_DEADLINE_SETTINGS) private readonly settings: DeadlineSettings) {}

  async schedule(manager: EntityManager, caseId: string, kind: CaseDeadlineKind, deadline: Date, now: Date, actionId: string | null = null): Promise<void> {
    await this.scheduleMany(manager, [{ caseId, kind, deadline, now, actionId }]);
  }

  /** Several deadlines in one statement (a batch of new cases). */
  async scheduleMany(manager: EntityManager, items: Array<{ caseId: string; kind: CaseDeadlineKind; deadline: Date; now: Date; actionId?: string | null }>): Promise<void> {
    if (items.length === 0) return;
    const values: unknown[] = [];
    const rows = items.flatMap(({ caseId, kind, deadline, now, actionId }) => {
      const base = values.length;
      values.push(randomUUID(), caseId, kind, actionId ?? null, deadline, reminderAt(now, deadline, this.settings.reminderLeadMs), randomUUID());
      const p = (i: number) => `$${base + i}`;
      return [`(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}::uuid, 'REMINDER', ${p(5)}::timestamptz, ${p(6)}::timestamptz)`, `(${p(7)}, ${p(2)}, ${p(3)}, ${p(4)}::uuid, 'ESCALATION', ${p(5)}::timestamptz, ${p(5)}::timestamptz)`];
    });
    await manager.query(`INSERT INTO case_deadline (id, case_id, kind, action_id, phase, deadline, due_at) VALUES ${rows.join(', ')}`, values);
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
