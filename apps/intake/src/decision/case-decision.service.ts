import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  EventSubjects,
  RpcSubjects,
  type Actor,
  type CaseDecidedEvent,
  type DecideCaseRequest,
  type AgencyDto,
  type DecideCaseResponse,
  type DecidedActionDto,
  type HandlingActionDto,
  type HandlingActionInputDto,
  type Platform,
  type ProvisionDto,
  provinceDay,
} from '@phoi-hop/contracts';
import { maySeeCase } from '@phoi-hop/auth';
import { OutboxRelay, RpcClient, appendToOutbox } from '@phoi-hop/messaging';
import { appendAudit, findIdempotentAnswer, idempotentRequestOf, runIdempotent } from '@phoi-hop/persistence';
import { nextStatus } from '../case/case-lifecycle';
import { CaseEntity } from '../case/case.entity';
import { CaseError } from '../case/case.errors';
import { toCaseDto } from '../case/case.mapper';
import { CaseRepository } from '../case/case.repository';
import { CaseDeadlines, endOfProvinceDay } from '../deadline/case-deadlines';
import { DecisionRepository } from './decision.repository';
import { assertActionGrounded, assertProvisionsApplicable, type DecisionGrounds } from './decision.rules';
import { platformOf } from './removal-request.rules';

/**
 * Records a decision with its statement of reasons and plans its handling actions. Every
 * restrictive action is checked against the grounds first (Đ3.2); nothing is written otherwise.
 */
@Injectable()
export class CaseDecisionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly decisions: DecisionRepository,
    private readonly rpc: RpcClient,
    private readonly relay: OutboxRelay,
    private readonly deadlines: CaseDeadlines,
  ) {}

  async decide(actor: Actor, request: DecideCaseRequest): Promise<DecideCaseResponse> {
    // A retry of a recorded decision gets its first answer (the case has moved on since: it is decided).
    const idempotency = idempotentRequestOf(actor.userId, 'intake.case.decide', request);
    const prior = await findIdempotentAnswer<DecideCaseResponse>(this.dataSource.manager, idempotency);
    if (prior) return prior;
    // The provisions as the taxonomy holds them (with their dates), not as the caller describes them.
    const provisions = request.provisionCodes.length
      ? await this.rpc.request<ProvisionDto[]>(RpcSubjects.directory.provisionResolve, { codes: request.provisionCodes })
      : [];
    const decidedOn = provinceDay();
    const requested = await this.plannedActions(request);
    const grounds: DecisionGrounds = {
      finding: request.finding,
      provisions,
      assessment: request.assessment ? { ...request.assessment, verifiedFalseBy: request.assessment.verifiedFalseBy ?? null } : null,
      statementOfReasons: request.statementOfReasons,
      decidedOn,
    };
    for (const action of requested.length ? requested : [{ type: 'NO_ACTION' as const }]) assertActionGrounded(action.type, grounds);
    for (const [i, action] of requested.entries()) {
      if (action.dueDate < decidedOn) throw CaseError.badInput(`actions.${i}.dueDate`, 'dueDate is in the past');
      if (action.removal && action.type !== 'REQUEST_REMOVAL')
        throw CaseError.badInput(`actions.${i}.removal`, 'Only a REQUEST_REMOVAL action names a removal target');
    }
    const removalTargets = new Map(requested.map((action, i) => [action, action.type === 'REQUEST_REMOVAL' ? removalTargetOf(action, i, provisions) : null]));
    await this.assertAgenciesKnown(requested, request.assessment?.verifiedFalseBy, decidedOn);

    const result = await runIdempotent(this.dataSource, idempotency, async (manager) => {
      const entity = await manager.findOne(CaseEntity, { where: { id: request.caseId }, lock: { mode: 'pessimistic_write' } });
      if (!entity || !maySeeCase(actor, entity.visibleAgencies)) throw CaseError.notFound();
      assertProvisionsApplicable(request.provisionCodes, provisions, entity.categoryCode, decidedOn);
      const planned = requested.filter((a) => a.type !== 'NO_ACTION');
      const decided = nextStatus(entity.status, { kind: 'DECIDE' });
      const status = planned.length > 0 ? nextStatus(decided, { kind: 'START_ACTING' }) : decided;
      const decisionId = randomUUID();
      const now = new Date();
      await this.decisions.insertDecision(manager, {
        id: decisionId,
        caseId: entity.id,
        finding: request.finding,
        provisions,
        assessment: request.assessment ?? null,
        statementOfReasons: request.statementOfReasons,
        decidedBy: actor.userId,
        decidedByAgency: actor.agencyCode,
        decidedAt: now,
        consultationId: request.consultationId ?? null,
      });
      const actions: HandlingActionDto[] = [];
      const decidedActions: DecidedActionDto[] = [];
      for (const action of planned) {
        const id = randomUUID();
        await this.decisions.insertAction(manager, {
          id,
          caseId: entity.id,
          decisionId,
          type: action.type,
          assigneeAgencyCode: action.assigneeAgencyCode,
          dueDate: action.dueDate,
          details: action.details ?? null,
          createdAt: now,
        });
        const dto: HandlingActionDto = { id, type: action.type, assigneeAgencyCode: action.assigneeAgencyCode, dueDate: action.dueDate, status: 'PLANNED' };
        actions.push(dto);
        const removal = removalTargets.get(action);
        if (removal) {
          // Default target: the first report's canonical link (without the tracking parameters of the link as shared).
          const url = removal.url ?? (await this.decisions.firstReportUrl(manager, entity.id));
          if (!url) throw CaseError.badInput('actions.removal.url', 'The case has no report link; name the URL to remove');
          const platform = removal.platform ?? platformOf(url);
          await this.decisions.insertRemovalRequest(manager, { actionId: id, platform, url, legalBasis: removal.legalBasis, updatedAt: now });
          // The public transparency report counts requests by platform and legal basis from the event (no URL in it).
          decidedActions.push({ ...dto, removal: { platform, provisionCodes: removal.provisionCodes, legalBasis: removal.legalBasis } });
        } else decidedActions.push(dto);
        // Each action is due by the end of its day in the province; the assignee is reminded, then the lead agency told.
        await this.deadlines.schedule(manager, entity.id, 'ACTION', endOfProvinceDay(action.dueDate), now, id);
      }
      await this.deadlines.cancel(manager, entity.id, { kinds: ['TRIAGE', 'DECISION', 'CONSULTATION'] });
      // Assignees must see the case they act on.
      const visible = [...new Set([...entity.visibleAgencies, ...planned.map((a) => a.assigneeAgencyCode)])];
      await manager.update(CaseEntity, { id: entity.id }, { status, visibleAgencies: visible, updatedAt: now });
      // The history shows each step of the state machine: decided, then (with actions planned) acting.
      await this.cases.recordStatus(manager, {
        caseId: entity.id,
        from: entity.status,
        to: decided,
        reason: `Kết luận ${request.finding}`,
        actorAgency: actor.agencyCode,
        at: now,
      });
      if (status !== decided) {
        await this.cases.recordStatus(manager, {
          caseId: entity.id,
          from: decided,
          to: status,
          reason: `Triển khai ${planned.length} biện pháp xử lý`,
          actorAgency: actor.agencyCode,
          at: now,
        });
      }
      await appendToOutbox<CaseDecidedEvent>(manager, [
        {
          subject: EventSubjects.intake.caseDecided,
          aggregateId: entity.id,
          visibleTo: visible,
          data: {
            caseId: entity.id,
            caseNumber: entity.number,
            decisionId,
            finding: request.finding,
            provisions: provisions.map((p) => p.citation),
            provisionCodes: provisions.map((p) => p.code),
            actions: decidedActions,
          },
        },
      ]);
      await appendAudit(manager, {
        actor,
        action: 'case.decided',
        targetType: 'case',
        targetId: entity.id,
        summary: {
          before: { status: entity.status },
          after: { status },
          decisionId,
          consultationId: request.consultationId ?? null,
          finding: request.finding,
          provisions: request.provisionCodes,
          actions: actions.map((a) => a.type),
        },
      });
      const loaded = (await this.cases.loadCase(manager, entity.id))!;
      return { case: toCaseDto(loaded, { viewer: actor }), decisionId, actions };
    });
    this.relay.kick();
    return result;
  }

  /**
   * Each action goes to an agency of the directory that exists on the day of the decision (a
   * retired one's successor is named); the agency that verified the claim false is one of the directory's.
   */
  private async assertAgenciesKnown(actions: HandlingActionInputDto[], verifiedFalseBy: string | undefined, today: string): Promise<void> {
    const assignees = actions.filter((a) => a.type !== 'NO_ACTION').map((a) => a.assigneeAgencyCode);
    const codes = [...new Set([...assignees, ...(verifiedFalseBy ? [verifiedFalseBy] : [])])];
    if (!codes.length) return;
    const agencies = await this.rpc.request<AgencyDto[]>(RpcSubjects.directory.agencyGetMany, { codes });
    if (verifiedFalseBy && !agencies.some((a) => a.code === verifiedFalseBy)) {
      throw CaseError.badInput(
        'assessment.verifiedFalseBy',
        `Unknown agency ${verifiedFalseBy}: verifiedFalseBy is the code of the agency that verified the claim false`,
      );
    }
    for (const [i, action] of actions.entries()) {
      if (action.type === 'NO_ACTION') continue;
      const agency = agencies.find((a) => a.code === action.assigneeAgencyCode);
      const field = `actions.${i}.assigneeAgencyCode`;
      if (!agency) throw CaseError.badInput(field, `Unknown agency ${action.assigneeAgencyCode}`);
      if (agency.validTo && agency.validTo < today) {
        throw CaseError.badInput(
          field,
          `${agency.code} was retired on ${agency.validTo}${agency.successorCode ? `; its successor is ${agency.successorCode}` : ''}`,
        );
      }
    }
  }

  /** The actions to plan: the request's own, or, when it names a resolved consultation and gives none, the plan agreed there (Đ4.2). */
  private async plannedActions(request: DecideCaseRequest): Promise<HandlingActionInputDto[]> {
    if (!request.consultationId) return request.actions;
    const agreed = await this.decisions.consultationPlan(this.dataSource.manager, request.consultationId, request.caseId);
    if (!agreed) throw CaseError.badInput('consultationId', 'Not a resolved consultation of this case');
    if (request.actions.length) return request.actions;
    return agreed.map((a) => ({
      type: a.type,
      assigneeAgencyCode: a.assigneeAgencyCode,
      dueDate: a.dueDate,
      ...(a.details ? { details: a.details } : {}),
      ...(a.removal ? { removal: a.removal } : {}),
    }));
  }
}

/**
 * What a removal request asks and on which grounds: its legal basis must be among the provisions
 * the decision relies on (default: all of them), cited as the taxonomy holds them.
 */
function removalTargetOf(
  action: HandlingActionInputDto,
  index: number,
  provisions: ProvisionDto[],
): { url: string | null; platform: Platform | null; provisionCodes: string[]; legalBasis: string[] } {
  const field = `actions.${index}.removal`;
  const target = action.removal ?? {};
  let url: string | null = null;
  if (target.url !== undefined) {
    const parsed = URL.canParse(target.url.trim()) ? new URL(target.url.trim()) : null;
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol)) throw CaseError.badInput(`${field}.url`, 'url must be an http(s) link');
    url = parsed.toString();
  }
  const codes = target.legalBasis ?? provisions.map((p) => p.code);
  const unknown = codes.filter((code) => !provisions.some((p) => p.code === code));
  if (unknown.length)
    throw CaseError.badInput(`${field}.legalBasis`, `The legal basis of a removal request must be among the decision's provisions: ${unknown.join(', ')}`);
  if (codes.length === 0) throw CaseError.badInput(`${field}.legalBasis`, 'A removal request needs a legal basis');
  const cited = provisions.filter((p) => codes.includes(p.code));
  return { url, platform: target.platform ?? null, provisionCodes: cited.map((p) => p.code), legalBasis: cited.map((p) => p.citation) };
}
