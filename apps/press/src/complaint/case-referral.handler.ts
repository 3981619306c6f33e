import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseDecidedEvent, EventEnvelope } from '@phoi-hop/contracts';
import type { DomainEventHandler } from '@phoi-hop/messaging';
import { ComplaintService } from './complaint.service';

/**
 * intake's `evt.intake.case.decided`: each REFER_TO_PRESS_ASSOCIATION action of the decision opens
 * a complaint linked to the case (once per action, whatever the redeliveries). intake records such
 * an action only after its restrictive-action gate passed; the deciding agency is the complainant.
 */
@Injectable()
export class CaseReferralHandler implements DomainEventHandler {
  constructor(private readonly complaints: ComplaintService) {}

  async handle(envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    const event = envelope.data as CaseDecidedEvent;
    const complainant = envelope.actor?.agencyCode;
    if (!complainant || !Array.isArray(event.actions)) return;
    for (const action of event.actions.filter((a) => a.type === 'REFER_TO_PRESS_ASSOCIATION')) {
      await this.complaints.openFromCaseAction(manager, {
        caseId: event.caseId,
        caseNumber: event.caseNumber,
        decisionId: event.decisionId,
        actionId: action.id,
        complainantAgency: complainant,
        visibleTo: [...(envelope.visibleTo ?? []), action.assigneeAgencyCode],
        at: new Date(envelope.occurredAt),
      });
    }
  }
}
