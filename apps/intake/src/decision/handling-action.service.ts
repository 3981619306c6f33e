import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  ErrorCodes,
  EventSubjects,
  type Actor,
  type HandlingActionDto,
  type HandlingActionUpdatedEvent,
  type UpdateHandlingActionRequest,
} from '@phoi-hop/contracts';
import { OutboxRelay, appendToOutbox } from '@phoi-hop/messaging';
import { appendAudit, queryRows } from '@phoi-hop/persistence';
import { CaseError } from '../case/case.errors';
import { CaseDeadlines } from '../deadline/case-deadlines';

interface ActionRow {
  id: string;
  case_id: string;
  type: HandlingActionDto['type'];
  assignee_agency_code: string;
  due_date: string;
  status: HandlingActionDto['status'];
  number: string;
  visible_agencies: string[];
}

/** The assignee agency (or the lead agency's coordinator) reports progress and results of an action. */
@Injectable()
export class HandlingActionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
    private readonly deadlines: CaseDeadlines,
  ) {}

  async update(actor: Actor, request: UpdateHandlingActionRequest): Promise<HandlingActionDto> {
    const result = await this.dataSource.transaction(async (manager) => {
      const [row] = await queryRows<ActionRow>(
        manager,
        `SELECT a.id, a.case_id, a.type, a.assignee_agency_code, to_char(a.due_date, 'YYYY-MM-DD') AS due_date, a.status, c.number, c.visible_agencies
           FROM handling_action a JOIN handling_case c ON c.id = a.case_id WHERE a.id = $1 FOR UPDATE OF a`,
        [request.actionId],
      );
      const isCoordinator = actor.roles.includes('COORDINATOR') && row?.visible_agencies.includes(actor.agencyCode);
      // Another agency learns nothing about the action, not even that it exists.
      if (!row || (row.assignee_agency_code !== actor.agencyCode && !isCoordinator)) throw CaseError.notFound();
      if (row.status === 'DONE') throw new CaseError(ErrorCodes.INVALID_STATE, 'The action is already done', 'status');
      if (request.status === 'DONE' && (!request.result || request.result.trim().length < 10)) {
        throw CaseError.badInput('result', 'A done action needs its result');
      }
      await manager.query(
        `UPDATE handling_action SET status = $2, result = coalesce($3, result), links = $4::jsonb, done_at = CASE WHEN $2 = 'DONE' THEN now() ELSE done_at END, updated_at = now() WHERE id = $1`,
        [row.id, request.status, request.result ?? null, JSON.stringify(request.links ?? [])],
      );
      if (request.status === 'DONE') await this.deadlines.cancel(manager, row.case_id, { actionId: row.id });
      const action = { id: row.id, type: row.type, assigneeAgencyCode: row.assignee_agency_code, dueDate: row.due_date, status: request.status };
      await appendToOutbox<HandlingActionUpdatedEvent>(manager, [
        {
          subject: EventSubjects.intake.actionUpdated,
          aggregateId: row.case_id,
          visibleTo: row.visible_agencies,
          data: { caseId: row.case_id, caseNumber: row.number, action: { ...action, result: request.result ?? null } },
        },
      ]);
      await appendAudit(manager, {
        actor,
        action: 'action.updated',
        targetType: 'case',
        targetId: row.case_id,
        summary: { actionId: row.id, type: row.type, before: row.status, after: request.status },
      });
      return action;
    });
    this.relay.kick();
    return result;
  }
}
