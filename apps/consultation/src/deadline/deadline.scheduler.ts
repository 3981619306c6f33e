import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { escalationTargets, EventSubjects, type OpinionEscalatedEvent, type OpinionRemindedEvent } from '@phoi-hop/contracts';
import { OutboxRelay, appendToOutbox } from '@phoi-hop/messaging';
import { DEADLINE_SCHEDULER_ENABLED, DEADLINE_SETTINGS, DeadlineScheduler, appendAudit, type DeadlineSettings } from '@phoi-hop/persistence';
import { ConsultationRepository } from '../consultation/consultation.repository';

interface DueDeadline {
  id: string;
  consultation_id: string;
  kind: 'REMINDER' | 'ESCALATION';
  due_at: Date;
}

/**
 * Fires the reminders and escalations of consultations (Đ4.2, Đ3.2 "kịp thời") from the
 * consultation_deadline table: they survive restarts, and with N replicas each fires once.
 */
@Injectable()
export class ConsultationDeadlineScheduler extends DeadlineScheduler<DueDeadline> {
  constructor(
    dataSource: DataSource,
    relay: OutboxRelay,
    private readonly consultations: ConsultationRepository,
    @Inject(DEADLINE_SETTINGS) private readonly settings: DeadlineSettings,
    @Inject(DEADLINE_SCHEDULER_ENABLED) enabled: boolean,
  ) {
    super(dataSource, { table: 'consultation_deadline', columns: ['consultation_id', 'kind', 'due_at'], settings, enabled, afterWork: () => relay.kick() });
  }

  protected async fire(manager: EntityManager, due: DueDeadline): Promise<void> {
    const head = await this.consultations.lockRow(manager, due.consultation_id);
    if (!head || head.status !== 'OPEN') return;
    const agencyCodes = await this.consultations.pendingAgencies(manager, due.consultation_id, head.mode);
    if (!agencyCodes.length) return;
    const common = { consultationId: due.consultation_id, caseId: head.case_id, caseNumber: head.case_number };
    const target = (head.deadline ?? head.meeting_at)!.toISOString();
    if (due.kind === 'REMINDER') {
      await this.consultations.markReminded(manager, due.consultation_id, agencyCodes);
      await appendToOutbox<OpinionRemindedEvent>(manager, [
        {
          subject: EventSubjects.consultation.opinionReminded,
          aggregateId: head.case_id,
          visibleTo: head.visible_agencies,
          data: { ...common, agencyCodes, deadline: target },
        },
      ]);
      await appendAudit(manager, {
        actor: null,
        action: 'consultation.reminded',
        targetType: 'consultation',
        targetId: due.consultation_id,
        summary: { agencyCodes, deadline: target },
      });
      return;
    }
    const escalatedTo = escalationTargets(head.lead_agency_code, head.severity, this.settings.criticalEscalationAgencyCode);
    await this.consultations.markEscalated(manager, due.consultation_id, agencyCodes);
    const visibleTo = [...new Set([...head.visible_agencies, ...escalatedTo])];
    if (visibleTo.length !== head.visible_agencies.length) {
      await this.consultations.setVisibleAgencies(manager, due.consultation_id, visibleTo);
    }
    await appendToOutbox<OpinionEscalatedEvent>(manager, [
      {
        subject: EventSubjects.consultation.opinionEscalated,
        aggregateId: head.case_id,
        visibleTo,
        data: { ...common, overdueAgencyCodes: agencyCodes, escalatedTo, severity: head.severity, deadline: target },
      },
    ]);
    await appendAudit(manager, {
      actor: null,
      action: 'consultation.escalated',
      targetType: 'consultation',
      targetId: due.consultation_id,
      summary: { overdue: agencyCodes, escalatedTo },
    });
  }
}
