import { reminderAt } from '@phoi-hop/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DEADLINE_SETTINGS, SqlBatch, type DeadlineSettings } from '@phoi-hop/persistence';
import { CaseDeadlineRepository } from './case-deadline.repository';

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
  constructor(
    private readonly repository: CaseDeadlineRepository,
    @Inject(DEADLINE_SETTINGS) private readonly settings: DeadlineSettings,
  ) {}

  async schedule(manager: EntityManager, caseId: string, kind: CaseDeadlineKind, deadline: Date, now: Date, actionId: string | null = null): Promise<void> {
    await this.addSchedules(new SqlBatch(), [{ caseId, kind, deadline, now, actionId }]).execute(manager);
  }

  /** Several deadlines in one statement of `batch` (a batch of new cases). */
  addSchedules(batch: SqlBatch, items: DeadlineToSchedule[]): SqlBatch {
    return this.repository.addRows(
      batch,
      items.map(({ caseId, kind, deadline, now, actionId }) => ({
        caseId,
        kind,
        actionId: actionId ?? null,
        deadline,
        remindAt: reminderAt(now, deadline, this.settings.reminderLeadMs),
      })),
    );
  }

  /** Cancels what is still due: of some kinds, of one action, or everything of the case. */
  cancel(manager: EntityManager, caseId: string, filter: { kinds?: CaseDeadlineKind[]; actionId?: string } = {}): Promise<number> {
    return this.repository.cancel(manager, caseId, filter);
  }
}
