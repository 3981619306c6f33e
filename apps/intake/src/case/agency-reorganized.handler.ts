import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventSubjects, type AgenciesReorganizedEvent, type CaseReassignedEvent, type EventEnvelope } from '@phoi-hop/contracts';
import { appendToOutbox, type DomainEventHandler } from '@phoi-hop/messaging';
import { appendAudit } from '@phoi-hop/persistence';
import { CaseRepository } from './case.repository';

/**
 * When the directory retires agencies into a successor, their open cases move to the successor:
 * the old participation ends (kept as history), the successor takes its role and basis, and
 * everyone on the case is told. Closed cases keep who was responsible at the time.
 */
@Injectable()
export class AgencyReorganizedHandler implements DomainEventHandler {
  constructor(private readonly cases: CaseRepository) {}

  async handle(envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    if (envelope.type !== EventSubjects.directory.agenciesReorganized) return;
    const { retired, successorCode } = envelope.data as AgenciesReorganizedEvent;
    const moved = await this.cases.endParticipations(manager, retired, successorCode);
    for (const row of moved) {
      const visibleTo = await this.cases.takeOverParticipation(manager, row.case_id, row.agency_code, successorCode);
      await appendToOutbox<CaseReassignedEvent>(manager, [
        {
          subject: EventSubjects.intake.caseReassigned,
          aggregateId: row.case_id,
          visibleTo,
          data: { caseId: row.case_id, caseNumber: row.number, retired: row.agency_code, successor: successorCode },
        },
      ]);
      await appendAudit(manager, {
        actor: envelope.actor ?? null,
        action: 'case.reassigned',
        targetType: 'case',
        targetId: row.case_id,
        summary: { from: row.agency_code, to: successorCode, reorganizationEvent: envelope.id },
      });
    }
  }
}
