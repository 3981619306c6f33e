import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { EventSubjects, type ReportSectionEscalatedEvent, type ReportSectionRemindedEvent } from '@phoi-hop/contracts';
import { OutboxRelay, appendToOutbox } from '@phoi-hop/messaging';
import { DEADLINE_SCHEDULER_ENABLED, DEADLINE_SETTINGS, DeadlineScheduler, appendAudit, type DeadlineSettings } from '@phoi-hop/persistence';
import { PeriodRepository } from './period.repository';
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
    private readonly periods: PeriodRepository,
  ) {
    super(dataSource, { table: 'report_period_deadline', columns: ['period_id', 'kind'], settings, enabled, afterWork: () => relay.kick() });
  }

  protected async fire(manager: EntityManager, due: DuePeriodDeadline): Promise<void> {
    const period = await this.periods.lockForDeadline(manager, due.period_id);
    if (!period || period.status !== 'OPEN') return;
    const agencyCodes = await this.periods.pendingAgencies(manager, due.period_id);
    if (!agencyCodes.length) return;
    const deadline = period.deadline.toISOString();
    if (due.kind === 'REMINDER') {
      await this.periods.markReminded(manager, due.period_id, agencyCodes);
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
    await this.periods.markEscalated(manager, due.period_id, agencyCodes);
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
