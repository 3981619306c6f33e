import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  ErrorCodes,
  EventSubjects,
  type Actor,
  type CaseDto,
  type CaseMergedEvent,
  type CaseStatusChangedEvent,
  type MergeCasesRequest,
  type RejectDuplicateRequest,
} from '@phoi-hop/contracts';
import { maySeeCase } from '@phoi-hop/auth';
import { OutboxRelay, appendToOutbox } from '@phoi-hop/messaging';
import { appendAudit } from '@phoi-hop/persistence';
import { CaseDeadlines } from '../deadline/case-deadlines';
import { nextStatus } from './case-lifecycle';
import { CaseEntity } from './case.entity';
import { CaseError } from './case.errors';
import { toCaseDto } from './case.mapper';
import { CaseRepository, OPEN_STATUSES } from './case.repository';

/**
 * Merging cases that turn out to be about the same content (a possible duplicate accepted), and
 * rejecting a suggestion. The merged case keeps its history and points to the case it went into.
 */
@Injectable()
export class CaseMergeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly relay: OutboxRelay,
    private readonly deadlines: CaseDeadlines,
  ) {}

  async merge(actor: Actor, request: MergeCasesRequest): Promise<CaseDto> {
    if (request.caseId === request.intoCaseId) throw CaseError.badInput('intoCaseId', 'A case cannot be merged into itself');
    if (request.reason.trim().length < 3) throw CaseError.badInput('reason', 'Merging cases needs a reason');
    const result = await this.dataSource.transaction(async (manager) => {
      // Both rows locked in id order, so two opposite merges cannot deadlock.
      const locked = await manager.find(CaseEntity, { where: [{ id: request.caseId }, { id: request.intoCaseId }], order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
      const source = locked.find((c) => c.id === request.caseId);
      const target = locked.find((c) => c.id === request.intoCaseId);
      if (!source || !maySeeCase(actor, source.visibleAgencies)) throw CaseError.notFound();
      if (!target || !maySeeCase(actor, target.visibleAgencies)) throw new CaseError(ErrorCodes.NOT_FOUND, 'Case not found', 'intoCaseId');
      if (!OPEN_STATUSES.includes(target.status)) throw new CaseError(ErrorCodes.INVALID_STATE, `Cannot merge into a case that is ${target.status}`, 'intoCaseId');
      const to = nextStatus(source.status, { kind: 'MERGE', intoCaseId: target.id });
      const now = new Date();
      const moved = await this.cases.moveContent(manager, source, target.id);
      const visible = [...new Set([...target.visibleAgencies, ...source.visibleAgencies])];
      await manager.update(CaseEntity, { id: target.id }, {
        visibleAgencies: visible,
        possibleDuplicates: target.possibleDuplicates.filter((d) => d.caseId !== source.id),
        updatedAt: now,
      });
      await this.cases.markMerged(manager, source.id, to, target.id, now);
      await this.deadlines.cancel(manager, source.id);
      const reason = request.reason.trim();
      await this.cases.recordStatus(manager, { caseId: source.id, from: source.status, to, reason: `Gộp vào ${target.number}: ${reason}`, actorAgency: actor.agencyCode, actorUserId: actor.userId, at: now });
      await appendToOutbox<CaseStatusChangedEvent | CaseMergedEvent>(manager, [
        { subject: EventSubjects.intake.caseStatusChanged, aggregateId: source.id, visibleTo: source.visibleAgencies, data: { caseId: source.id, caseNumber: source.number, from: source.status, to, severity: source.severity, reason } },
        { subject: EventSubjects.intake.caseMerged, aggregateId: target.id, visibleTo: visible, data: { caseId: target.id, caseNumber: target.number, mergedCaseId: source.id, mergedCaseNumber: source.number, reportsMoved: moved } },
      ]);
      await appendAudit(manager, { actor, action: 'case.merged', targetType: 'case', targetId: source.id, summary: { before: { status: source.status }, after: { status: to, mergedInto: target.number }, reason, reportsMoved: moved } });
      await appendAudit(manager, { actor, action: 'case.merged-into', targetType: 'case', targetId: target.id, summary: { from: source.number, reportsMoved: moved } });
      return toCaseDto((await this.cases.loadCase(manager, target.id))!, { viewer: actor });
    });
    this.relay.kick();
    return result;
  }

  async rejectDuplicate(actor: Actor, request: RejectDuplicateRequest): Promise<CaseDto> {
    return this.dataSource.transaction(async (manager) => {
      const entity = await manager.findOne(CaseEntity, { where: { id: request.caseId }, lock: { mode: 'pessimistic_write' } });
      if (!entity || !maySeeCase(actor, entity.visibleAgencies)) throw CaseError.notFound();
      const suggestion = entity.possibleDuplicates.find((d) => d.caseId === request.duplicateCaseId);
      if (!suggestion) throw CaseError.badInput('duplicateCaseId', 'Not a suggested duplicate of this case');
      await manager.update(CaseEntity, { id: entity.id }, { possibleDuplicates: entity.possibleDuplicates.filter((d) => d !== suggestion), updatedAt: new Date() });
      await appendAudit(manager, { actor, action: 'case.duplicate-rejected', targetType: 'case', targetId: entity.id, summary: { rejected: suggestion } });
      return toCaseDto((await this.cases.loadCase(manager, entity.id))!, { viewer: actor });
    });
  }
}
