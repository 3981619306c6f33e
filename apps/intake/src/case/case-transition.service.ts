import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  EventSubjects,
  type Actor,
  type CaseDto,
  type CaseStatusChangedEvent,
  type CaseTransitionRequest,
} from '@phoi-hop/contracts';
import { maySeeCase } from '@phoi-hop/auth';
import { OutboxRelay, appendToOutbox } from '@phoi-hop/messaging';
import { appendAudit } from '@phoi-hop/persistence';
import { nextStatus, type CaseCommand } from './case-lifecycle';
import { CaseEntity } from './case.entity';
import { CaseError } from './case.errors';
import { toCaseDto } from './case.mapper';
import { CaseRepository } from './case.repository';

/**
 * Moves a case through its lifecycle (the pure state machine decides), in one transaction with
 * the event and the audit entry. The case row is locked, so two coordinators cannot both move it.
 */
@Injectable()
export class CaseTransitionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly relay: OutboxRelay,
  ) {}

  async transition(actor: Actor, request: CaseTransitionRequest): Promise<CaseDto> {
    const result = await this.dataSource.transaction(async (manager) => {
      const entity = await manager.findOne(CaseEntity, { where: { id: request.caseId }, lock: { mode: 'pessimistic_write' } });
      if (!entity || !maySeeCase(actor, entity.visibleAgencies)) throw CaseError.notFound();
      let command: CaseCommand;
      if (request.command === 'TRIAGE') command = { kind: 'TRIAGE' };
      else if (request.command === 'CLOSE') {
        const [open] = await manager.query(`SELECT count(*)::int AS n FROM handling_action WHERE case_id = $1 AND status <> 'DONE'`, [entity.id]);
        if (!request.reason || request.reason.trim().length < 10) throw CaseError.badInput('reason', 'Closing a case needs an outcome summary');
        command = { kind: 'CLOSE', allActionsDone: open.n === 0 };
      } else command = { kind: request.command, reason: request.reason ?? '' };
      const from = entity.status;
      const to = nextStatus(from, command);
      const severity = request.command === 'TRIAGE' && request.severity ? request.severity : entity.severity;
      await manager.update(CaseEntity, { id: entity.id }, { status: to, severity, updatedAt: new Date() });
      const reason = request.reason?.trim() || null;
      await appendToOutbox<CaseStatusChangedEvent>(manager, [
        {
          subject: EventSubjects.intake.caseStatusChanged,
          aggregateId: entity.id,
          visibleTo: entity.visibleAgencies,
          data: { caseId: entity.id, caseNumber: entity.number, from, to, severity, reason },
        },
      ]);
      await appendAudit(manager, {
        actor,
        action: `case.${request.command.toLowerCase()}`,
        targetType: 'case',
        targetId: entity.id,
        summary: { before: { status: from, severity: entity.severity }, after: { status: to, severity }, reason },
      });
      const loaded = (await this.cases.loadCase(manager, entity.id))!;
      return toCaseDto(loaded.entity, loaded.participants, loaded.reports);
    });
    this.relay.kick();
    return result;
  }
}
