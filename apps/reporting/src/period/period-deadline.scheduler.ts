import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { EventSubjects, type ReportSectionEscalatedEvent, type ReportSectionRemindedEvent } from '@phoi-hop/contracts';
import { OutboxRelay, appendToOutbox } from '@phoi-hop/messaging';
import { DEADLINE_SCHEDULER_ENABLED, DEADLINE_SETTINGS, DeadlineScheduler, appendAudit, queryRows, type DeadlineSettings } from '@phoi-hop/persistence';
import { REPORT_LEAD_AGENCY } from './period.service';

interface DuePeriodDeadline {
  id: string;
  period_id: string;
  kind: 'REMINDER' | 'ESCALATION';
}

/**
 * Reminds the agencies that still owe their section before a report period's deadline, and tells
 * the lead agency and the People's Committee office (the critical escalation agency) after it
 * (Đ7.4). Fired from report_period_deadline: once across replicas, retried when it fails.
 */
@Injectable()
export class PeriodDeadlineScheduler extends DeadlineScheduler<DuePeriodDeadline> {
  constructor(
    dataSource: DataSource,
    relay: OutboxRelay,
    @Inject(DEADLINE_SETTINGS) private readonly settings: DeadlineSettings,
    @Inject(DEADLINE_SCHEDULER_ENABLED) enabled: boolean,
    @Inject(REPORT_LEAD_AGENCY) private readonly leadAgency: string,
  ) {
    super(dataSource, { table: 'report_period_deadline', columns: ['period_id', 'kind'], settings, enabled, afterWork: () => relay.kick() });
  }

  protected async fire(manager: EntityManager, due: DuePeriodDeadline): Promise<void> {
    const [period] = await queryRows<{ status: string; deadline: Date }>(manager, `SELECT status, deadline FROM report_period WHERE id = $1 FOR UPDATE`, [
      due.period_id,
    ]);
    if (!period || period.status !== 'OPEN') return;
    const pending = await queryRows<{ agency_code: string }>(
      manager,
      `SELECT agency_code FROM report_section WHERE period_id = $1 AND status <> 'SUBMITTED' ORDER BY agency_code`,
      [due.period_id],
    );
    const agencyCodes = pending.map((p) => p.agency_code);
    if (!agencyCodes.length) return;
    const deadline = period.deadline.toISOString();
    if (due.kind === 'REMINDER') {
      await manager.query(`UPDATE report_section SET reminded_at = now() WHERE period_id = $1 AND agency_code = ANY($2::text[])`, [due.period_id, agencyCodes]);
      await appendToOutbox<ReportSectionRemindedEvent>(manager, [
        {
          subject: EventSubjects.reporting.sectionReminded,
          aggregateId: due.period_id,
          visibleTo: [...new Set([this.leadAgency, ...agencyCodes])],
          data: { periodId: due.period_id, agencyCodes, deadline },
        },
      ]);
      await appendAudit(manager, {
        actor: null,
        action: 'reporting.section-reminded',
        targetType: 'report_period',
        targetId: due.period_id,
        summary: { agencyCodes, deadline },
      });
      return;
    }
    const escalatedTo = [...new Set([this.leadAgency, this.settings.criticalEscalationAgencyCode])];
    await manager.query(`UPDATE report_section SET escalated_at = now() WHERE period_id = $1 AND agency_code = ANY($2::text[])`, [due.period_id, agencyCodes]);
    await appendToOutbox<ReportSectionEscalatedEvent>(manager, [
      {
        subject: EventSubjects.reporting.sectionEscalated,
        aggregateId: due.period_id,
        visibleTo: [...new Set([...escalatedTo, ...agencyCodes])],
        data: { periodId: due.period_id, overdueAgencyCodes: agencyCodes, escalatedTo, deadline },
      },
    ]);
    await appendAudit(manager, {
      actor: null,
      action: 'reporting.section-escalated',
      targetType: 'report_period',
      targetId: due.period_id,
      summary: { overdue: agencyCodes, escalatedTo },
    });
  }
}
