import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  EventSubjects,
  type CaseStatusChangedEvent,
  type ConsultationOpenedEvent,
  type ConsultationResolvedEvent,
  type EventEnvelope,
  type OpinionEscalatedEvent,
} from '@phoi-hop/contracts';
import { appendToOutbox, type DomainEventHandler } from '@phoi-hop/messaging';
import { appendAudit } from '@phoi-hop/persistence';
import { CaseDeadlines } from '../deadline/case-deadlines';
import { DecisionRepository } from '../decision/decision.repository';
import { CaseRepository } from './case.repository';

/**
 * How a case follows its consultations (Đ4.2): opening one puts a triaged case in consultation and
 * lets the invited agencies see it; an escalation lets those told see it; a resolution keeps the
 * agreed plan for the decision.
 */
@Injectable()
export class ConsultationEventsHandler implements DomainEventHandler {
  constructor(
    private readonly cases: CaseRepository,
    private readonly deadlines: CaseDeadlines,
    private readonly decisions: DecisionRepository,
  ) {}

  async handle(envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    if (envelope.type === EventSubjects.consultation.opened) return this.opened(envelope as EventEnvelope<ConsultationOpenedEvent>, manager);
    if (envelope.type === EventSubjects.consultation.opinionEscalated) return this.escalated(envelope as EventEnvelope<OpinionEscalatedEvent>, manager);
    if (envelope.type === EventSubjects.consultation.resolved) return this.resolved(envelope as EventEnvelope<ConsultationResolvedEvent>, manager);
  }

  private async opened(envelope: EventEnvelope<ConsultationOpenedEvent>, manager: EntityManager): Promise<void> {
    const { caseId, consultationId, invitedAgencyCodes } = envelope.data;
    const kase = await this.cases.lockHead(manager, caseId);
    if (!kase) return;
    const visible = await this.cases.addParticipants(manager, kase, invitedAgencyCodes, 'PARTICIPANT', 'Đ4.2 (mời cho ý kiến)');
    if (kase.status !== 'TRIAGED') return;
    await this.cases.markInConsultation(manager, caseId);
    await this.cases.recordStatus(manager, {
      caseId,
      from: 'TRIAGED',
      to: 'IN_CONSULTATION',
      reason: null,
      actorAgency: envelope.actor?.agencyCode ?? null,
      actorUserId: envelope.actor?.userId ?? null,
      at: new Date(envelope.occurredAt),
    });
    // Đ3.2: the consultation may take the consultation hours of the case's severity (its SLA at opening).
    const hours = (await this.cases.slaOf(manager, caseId))?.[kase.severity]?.consultationHours;
    if (hours) {
      const openedAt = new Date(envelope.occurredAt);
      await this.deadlines.schedule(manager, caseId, 'CONSULTATION', new Date(openedAt.getTime() + hours * 3_600_000), openedAt);
    }
    await appendToOutbox<CaseStatusChangedEvent>(manager, [
      {
        subject: EventSubjects.intake.caseStatusChanged,
        aggregateId: caseId,
        visibleTo: visible,
        data: { caseId, caseNumber: kase.number, from: 'TRIAGED', to: 'IN_CONSULTATION', severity: kase.severity, reason: null },
      },
    ]);
    await appendAudit(manager, {
      actor: envelope.actor ?? null,
      action: 'case.start_consultation',
      targetType: 'case',
      targetId: caseId,
      summary: { before: { status: 'TRIAGED' }, after: { status: 'IN_CONSULTATION' }, consultationId, event: envelope.id },
    });
  }

  private async escalated(envelope: EventEnvelope<OpinionEscalatedEvent>, manager: EntityManager): Promise<void> {
    const kase = await this.cases.lockHead(manager, envelope.data.caseId);
    if (kase) await this.cases.addParticipants(manager, kase, envelope.data.escalatedTo, 'INFORMED', 'Đ4.2 (báo cáo quá hạn cho ý kiến)');
  }

  private async resolved(envelope: EventEnvelope<ConsultationResolvedEvent>, manager: EntityManager): Promise<void> {
    const { caseId, consultationId, summary, plan } = envelope.data;
    await this.decisions.recordConsultationPlan(manager, { consultationId, caseId, summary, plan, resolvedAt: envelope.occurredAt });
    await this.deadlines.cancel(manager, caseId, { kinds: ['CONSULTATION'] });
  }
}
