import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DONE_RESULT_MIN_LENGTH,
  ErrorCodes,
  EventSubjects,
  Roles,
  type Actor,
  type HandlingActionDetailDto,
  type HandlingActionDto,
  type HandlingActionUpdatedEvent,
  type UpdateHandlingActionRequest,
  type RemovalProgressDto,
  type UpdateRemovalRequestRequest,
} from '@phoi-hop/contracts';
import { mayReadRestricted, maySeeCase } from '@phoi-hop/auth';
import { OutboxRelay, appendToOutbox } from '@phoi-hop/messaging';
import { appendAudit } from '@phoi-hop/persistence';
import { CaseError } from '../case/case.errors';
import { CaseDeadlines } from '../deadline/case-deadlines';
import { isRestrictedAction, withheldAction } from '../case/case.mapper';
import { loadHandling } from './handling.repository';
import { DecisionRepository, type ActionRow } from './decision.repository';
import { applyRemovalPatch, type RemovalRequestPatch, type RemovalRequestState } from './removal-request.rules';

/** The assignee agency (or the lead agency's coordinator) reports progress and results of an action. */
@Injectable()
export class HandlingActionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly decisions: DecisionRepository,
    private readonly relay: OutboxRelay,
    private readonly deadlines: CaseDeadlines,
  ) {}

  async update(actor: Actor, request: UpdateHandlingActionRequest): Promise<HandlingActionDetailDto> {
    const result = await this.dataSource.transaction(async (manager) => {
      const row = await this.lockAction(manager, actor, request.actionId);
      if (request.status === 'DONE' && (!request.result || request.result.trim().length < DONE_RESULT_MIN_LENGTH)) {
        throw CaseError.badInput('result', `A done action needs its result (at least ${DONE_RESULT_MIN_LENGTH} characters)`, {
          rule: 'minLength',
          min: DONE_RESULT_MIN_LENGTH,
        });
      }
      if (request.status === 'DONE' && row.type === 'REQUEST_REMOVAL') {
        const removal = await this.decisions.removalOutcome(manager, row.id);
        if (removal && !removal.outcome)
          throw new CaseError(ErrorCodes.INVALID_STATE, 'Record the platform’s answer (outcome) before the removal request is done', 'status');
      }
      // Omitted links keep the ones stored; `[]` clears them.
      await this.decisions.updateAction(manager, row.id, request.status, request.result ?? null, request.links);
      if (request.status === 'DONE') await this.deadlines.cancel(manager, row.case_id, { actionId: row.id });
      const action = { id: row.id, type: row.type, assigneeAgencyCode: row.assignee_agency_code, dueDate: row.due_date, status: request.status };
      await this.publish(manager, row, action, request.result ?? null);
      await appendAudit(manager, {
        actor,
        action: 'action.updated',
        targetType: 'case',
        targetId: row.case_id,
        summary: { actionId: row.id, type: row.type, before: row.status, after: request.status },
      });
      return this.asShown(manager, actor, row);
    });
    this.relay.kick();
    return result;
  }

  /** The assignee records how the removal request went: sent (reference), acknowledged, taken effect, or the platform's answer. */
  async updateRemoval(actor: Actor, request: UpdateRemovalRequestRequest): Promise<HandlingActionDetailDto> {
    const result = await this.dataSource.transaction(async (manager) => {
      const row = await this.lockAction(manager, actor, request.actionId);
      if (row.type !== 'REQUEST_REMOVAL') throw CaseError.badInput('actionId', 'Not a removal request');
      const current = await this.decisions.lockRemoval(manager, row.id);
      if (!current) throw new CaseError(ErrorCodes.INVALID_STATE, 'This removal request was planned without a target', 'actionId');
      const before: RemovalRequestState = {
        requestReference: current.request_reference,
        sentAt: current.sent_at,
        acknowledgedAt: current.acknowledged_at,
        effectedAt: current.effected_at,
        outcome: current.outcome,
      };
      const patch: RemovalRequestPatch = {
        ...(request.requestReference !== undefined ? { requestReference: request.requestReference } : {}),
        ...(request.sentAt !== undefined ? { sentAt: request.sentAt } : {}),
        ...(request.acknowledgedAt !== undefined ? { acknowledgedAt: request.acknowledgedAt } : {}),
        ...(request.effectedAt !== undefined ? { effectedAt: request.effectedAt } : {}),
        ...(request.outcome !== undefined ? { outcome: request.outcome } : {}),
      };
      if (Object.keys(patch).length === 0) throw CaseError.badInput('actionId', 'Nothing to record: give a reference, a time or the outcome');
      const next = applyRemovalPatch(before, patch, current.planned_at, new Date());
      await this.decisions.updateRemoval(manager, row.id, next);
      // A request that has gone out is work in progress.
      const status = row.status === 'PLANNED' && next.sentAt ? 'IN_PROGRESS' : row.status;
      if (status !== row.status) await this.decisions.setActionStatus(manager, row.id, status);
      const action = { id: row.id, type: row.type, assigneeAgencyCode: row.assignee_agency_code, dueDate: row.due_date, status };
      await this.publish(manager, row, action, null, progressOf(next));
      await appendAudit(manager, {
        actor,
        action: 'action.removal-updated',
        targetType: 'case',
        targetId: row.case_id,
        summary: { actionId: row.id, before: summarize(before), after: summarize(next) },
      });
      return this.asShown(manager, actor, row);
    });
    this.relay.kick();
    return result;
  }

  /**
   * The action, locked. An agency that may not see the case learns nothing (NOT_FOUND on actionId);
   * one that sees it but neither is the assignee nor coordinates the case is FORBIDDEN.
   */
  private async lockAction(manager: EntityManager, actor: Actor, actionId: string): Promise<ActionRow> {
    const row = await this.decisions.lockAction(manager, actionId);
    if (!row || !maySeeCase(actor, row.visible_agencies)) throw new CaseError(ErrorCodes.NOT_FOUND, 'Handling action not found', 'actionId');
    const isCoordinator = actor.roles.includes(Roles.COORDINATOR) && row.visible_agencies.includes(actor.agencyCode);
    if (row.assignee_agency_code !== actor.agencyCode && !isCoordinator) {
      throw new CaseError(
        ErrorCodes.FORBIDDEN,
        `Only the assignee agency (${row.assignee_agency_code}) or a coordinator of the case updates this action`,
        'actionId',
      );
    }
    if (row.status === 'DONE') throw new CaseError(ErrorCodes.INVALID_STATE, 'The action is already done', 'status');
    return row;
  }

  /** The action as updated, in full, as the case shows it to the actor (restricted details only to who may read them). */
  private async asShown(manager: EntityManager, actor: Actor, row: ActionRow): Promise<HandlingActionDetailDto> {
    const handling = await loadHandling(manager, [row.case_id]);
    const action = handling.get(row.case_id)?.actions.find((a) => a.id === row.id);
    if (!action) throw new CaseError(ErrorCodes.NOT_FOUND, 'Handling action not found', 'actionId');
    return isRestrictedAction(action) && !mayReadRestricted(actor, 'policeReferral') ? withheldAction(action) : action;
  }

  private publish(manager: EntityManager, row: ActionRow, action: HandlingActionDto, result: string | null, removal?: RemovalProgressDto) {
    return appendToOutbox<HandlingActionUpdatedEvent>(manager, [
      {
        subject: EventSubjects.intake.actionUpdated,
        aggregateId: row.case_id,
        visibleTo: row.visible_agencies,
        // A police referral's result is restricted data: not in an event every agency on the case receives.
        data: {
          caseId: row.case_id,
          caseNumber: row.number,
          action: { ...action, result: isRestrictedAction(row) ? null : result },
          ...(removal ? { removal } : {}),
        },
      },
    ]);
  }
}

function progressOf(state: RemovalRequestState): RemovalProgressDto {
  const iso = (value: Date | null) => (value ? value.toISOString() : null);
  return { sentAt: iso(state.sentAt), acknowledgedAt: iso(state.acknowledgedAt), effectedAt: iso(state.effectedAt), outcome: state.outcome };
}

function summarize(state: RemovalRequestState) {
  const iso = (value: Date | null) => (value ? value.toISOString() : null);
  return {
    requestReference: state.requestReference,
    sentAt: iso(state.sentAt),
    acknowledgedAt: iso(state.acknowledgedAt),
    effectedAt: iso(state.effectedAt),
    outcome: state.outcome,
  };
}
