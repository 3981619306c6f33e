import type { HandlingActionDetailDto, PlannedActionDto } from '@phoi-hop/contracts';
import type { HandlingActionModel } from './decision.model';

/** An action of a decision, as the service shows it to the viewer. */
export function toHandlingActionModel(action: HandlingActionDetailDto): HandlingActionModel {
  return { ...action };
}

/** An action of a consultation's agreed plan: no decision has made it yet, so it has no id, decision or status. */
export function plannedHandlingActionModel(planned: PlannedActionDto): HandlingActionModel {
  return {
    id: null,
    decisionId: null,
    type: planned.type,
    assigneeAgencyCode: planned.assigneeAgencyCode,
    dueDate: planned.dueDate,
    status: null,
    details: planned.details,
    result: null,
    links: [],
    doneAt: null,
    withheld: false,
    removal: null,
  };
}
