import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  EventSubjects,
  type Actor,
  type CaseDto,
  type CaseStatusChangedEvent,
  type CaseStatus,
  type CaseTransitionRequest,
  type OfficerDto,
  type Severity,
  RpcSubjects,
} from '@phoi-hop/contracts';
import { maySeeCase } from '@phoi-hop/auth';
import { OutboxRelay, RpcClient, appendToOutbox } from '@phoi-hop/messaging';
import { appendAudit } from '@phoi-hop/persistence';
import { closeCommand, nextStatus, type CaseCommand } from './case-lifecycle';
import { CaseEntity } from './case.entity';
import { CaseError } from './case.errors';
import { severitySuggestionOf, spreadOf, toCaseDto } from './case.mapper';
import { CaseRepository, OPEN_STATUSES } from './case.repository';
import { CaseDeadlines } from '../deadline/case-deadlines';

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
    private readonly deadlines: CaseDeadlines,
    private readonly rpc: RpcClient,
  ) {}

  async transition(actor: Actor, request: CaseTransitionRequest): Promise<CaseDto> {
    if (request.command !== 'TRIAGE' && (request.severity || request.assignedOfficers)) {
      throw CaseError.badInput(request.severity ? 'severity' : 'assignedOfficers', 'Severity and officers are set at triage');
    }
    const officers = request.command === 'TRIAGE' ? await this.resolveOfficers(request.caseId, request.assignedOfficers ?? []) : [];
    const result = await this.dataSource.transaction(async (manager) => {
      const entity = await manager.findOne(CaseEntity, { where: { id: request.caseId }, lock: { mode: 'pessimistic_write' } });
      if (!entity || !maySeeCase(actor, entity.visibleAgencies)) throw CaseError.notFound();
      let command: CaseCommand;
      if (request.command === 'TRIAGE') command = { kind: 'TRIAGE' };
      else if (request.command === 'CLOSE') {
        command = closeCommand(request.reason, await this.cases.countOpenActions(manager, entity.id));
      } else command = { kind: request.command, reason: request.reason ?? '' };
      const from = entity.status;
      const to = nextStatus(from, command);
      const now = new Date();
      let severity = entity.severity;
      if (request.command === 'TRIAGE') {
        // Without a severity from the coordinator, triage takes the suggestion: the category's raised by spread.
        const loaded = (await this.cases.loadCase(manager, entity.id))!;
        severity = request.severity ?? severitySuggestionOf(loaded.entity, spreadOf(loaded.reports ?? [])).severity;
        await manager.update(CaseEntity, { id: entity.id }, { status: to, severity, assignedOfficers: officers, triagedAt: now, updatedAt: now });
      } else {
        await manager.update(CaseEntity, { id: entity.id }, { status: to, updatedAt: now });
      }
      await this.moveDeadlines(manager, entity, to, severity, now);
      const reason = request.reason?.trim() || null;
      await this.cases.recordStatus(manager, { caseId: entity.id, from, to, reason, actorAgency: actor.agencyCode, actorUserId: actor.userId, at: now });
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
        summary: { before: { status: from, severity: entity.severity }, after: { status: to, severity, ...(officers.length ? { assignedOfficers: officers } : {}) }, reason },
      });
      const loaded = (await this.cases.loadCase(manager, entity.id))!;
      return toCaseDto(loaded, { viewer: actor });
    });
    this.relay.kick();
    return result;
  }

  /**
   * Deadlines follow the case: triage meets the triage deadline and starts the decision's (SLA of
   * the severity set at triage); a case that leaves the open statuses owes nothing any more.
   */
  private async moveDeadlines(manager: EntityManager, entity: CaseEntity, to: CaseStatus, severity: Severity, now: Date): Promise<void> {
    if (to === 'TRIAGED') {
      await this.deadlines.cancel(manager, entity.id);
      const hours = entity.sla?.[severity]?.decisionHours;
      if (hours) await this.deadlines.schedule(manager, entity.id, 'DECISION', new Date(now.getTime() + hours * 3_600_000), now);
    } else if (!OPEN_STATUSES.includes(to)) {
      await this.deadlines.cancel(manager, entity.id);
    }
  }

  /** The officers to assign: known, active, and of an agency that is on the case. */
  private async resolveOfficers(caseId: string, usernames: string[]): Promise<string[]> {
    const wanted = [...new Set(usernames)];
    if (!wanted.length) return [];
    const loaded = await this.cases.loadCase(null, caseId);
    if (!loaded) throw CaseError.notFound();
    const officers = await this.rpc.request<OfficerDto[]>(RpcSubjects.directory.userResolve, { usernames: wanted });
    for (const username of wanted) {
      const officer = officers.find((o) => o.username === username);
      if (!officer || !officer.active) throw CaseError.badInput('assignedOfficers', `No active officer ${username}`);
      if (!loaded.entity.visibleAgencies.includes(officer.agencyCode)) throw CaseError.badInput('assignedOfficers', `${username} works for ${officer.agencyCode}, which is not on the case`);
    }
    return wanted;
  }
}
