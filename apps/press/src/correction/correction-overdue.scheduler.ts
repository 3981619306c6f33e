import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { EventSubjects, type PressCorrectionEvent } from '@phoi-hop/contracts';
import { OutboxRelay, appendToOutbox } from '@phoi-hop/messaging';
import { DEADLINE_SCHEDULER_ENABLED, DEADLINE_SETTINGS, DeadlineScheduler, appendAudit, type DeadlineSettings } from '@phoi-hop/persistence';
import { CorrectionRepository } from './correction.repository';
import { correctionEvent } from './correction.service';

interface DueOverdue {
  id: string;
  correction_id: string;
}

/**
 * Marks correction requests OVERDUE when their deadline passes unanswered (Press Law Art. 42),
 * from the press_correction_deadline table: once, whatever the number of replicas, after restarts too.
 */
@Injectable()
export class CorrectionOverdueScheduler extends DeadlineScheduler<DueOverdue> {
  constructor(
    dataSource: DataSource,
    relay: OutboxRelay,
    private readonly corrections: CorrectionRepository,
    @Inject(DEADLINE_SETTINGS) settings: DeadlineSettings,
    @Inject(DEADLINE_SCHEDULER_ENABLED) enabled: boolean,
  ) {
    super(dataSource, { table: 'press_correction_deadline', columns: ['correction_id'], settings, enabled, afterWork: () => relay.kick() });
  }

  protected async fire(manager: EntityManager, due: DueOverdue): Promise<void> {
    const row = await this.corrections.load(manager, due.correction_id, true);
    // Answered in the meantime: nothing is overdue.
    if (!row || row.status !== 'REQUESTED') return;
    const now = new Date();
    await this.corrections.markOverdue(manager, row.id, now);
    const after = (await this.corrections.load(manager, row.id))!;
    await appendToOutbox<PressCorrectionEvent>(manager, [
      { subject: EventSubjects.press.correctionOverdue, aggregateId: row.id, visibleTo: row.visible_agencies, data: correctionEvent(after) },
    ]);
    await appendAudit(manager, {
      actor: null,
      action: 'press.correction.overdue',
      targetType: 'press-correction',
      targetId: row.id,
      summary: { caseId: row.case_id, before: 'REQUESTED', status: 'OVERDUE', deadline: row.deadline.toISOString() },
    });
  }
}
