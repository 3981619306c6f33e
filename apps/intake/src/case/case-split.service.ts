import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  ErrorCodes,
  EventSubjects,
  type Actor,
  type CaseReportSplitEvent,
  type SplitReportRequest,
  type SplitReportResponse,
} from '@phoi-hop/contracts';
import { maySeeCase } from '@phoi-hop/auth';
import { OutboxRelay, appendToOutbox } from '@phoi-hop/messaging';
import { appendAudit, findIdempotentAnswer, idempotentRequestOf, runIdempotent } from '@phoi-hop/persistence';
import { ReportEntity } from '../report/report.entity';
import { DirectoryRouting } from '../routing/directory-routing';
import { CaseOpener } from './case-opener';
import { CaseEntity } from './case.entity';
import { CaseError } from './case.errors';
import { toCaseDto } from './case.mapper';
import { CaseRepository } from './case.repository';

/** A report may leave its case only before the case is decided: the decision covered what it held. */
const SPLITTABLE = ['OPEN', 'TRIAGED', 'IN_CONSULTATION'];

/**
 * Splitting a report out of a case: the coordinator judges it to be about other content (intake's
 * duplicate detection joined it wrongly); it leaves the case and opens its own, routed anew.
 */
@Injectable()
export class CaseSplitService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly opener: CaseOpener,
    private readonly routing: DirectoryRouting,
    private readonly relay: OutboxRelay,
  ) {}

  async split(actor: Actor, request: SplitReportRequest): Promise<SplitReportResponse> {
    // A retry of a split that was written gets its first answer (the report has moved to its own case since).
    const idempotency = idempotentRequestOf(actor.userId, 'intake.report.split', request);
    const prior = await findIdempotentAnswer<SplitReportResponse>(this.dataSource.manager, idempotency);
    if (prior) return prior;
    const reason = request.reason.trim();
    if (reason.length < 3) throw CaseError.badInput('reason', 'Splitting a report out needs a reason');
    const before = await this.dataSource.manager.findOne(CaseEntity, { where: { id: request.caseId } });
    if (!before || !maySeeCase(actor, before.visibleAgencies)) throw CaseError.notFound();
    const report = await this.dataSource.manager.findOne(ReportEntity, { where: { id: request.reportId } });
    if (!report || report.caseId !== before.id) throw new CaseError(ErrorCodes.NOT_FOUND, 'No such report in this case', 'reportId');
    // Routed as if reported today: the responsible agencies of its own category, locality and sector (Đ6).
    const routing = await this.routing.route({
      categoryCode: report.categoryCode,
      ...(report.localityCode ? { localityCode: report.localityCode } : {}),
      ...(report.sectorCode ? { sectorCode: report.sectorCode } : {}),
      text: report.excerpt,
    });
    const now = new Date();
    await this.cases.ensureYearSequence(now.getUTCFullYear());

    const result = await runIdempotent(this.dataSource, idempotency, async (manager) => {
      const source = await manager.findOne(CaseEntity, { where: { id: request.caseId }, lock: { mode: 'pessimistic_write' } });
      if (!source || !maySeeCase(actor, source.visibleAgencies)) throw CaseError.notFound();
      if (!SPLITTABLE.includes(source.status)) throw new CaseError(ErrorCodes.INVALID_STATE, `Cannot split a report out of a case that is ${source.status}`, 'caseId');
      const reports = await this.cases.lockReportIds(manager, source.id);
      if (!reports.includes(report.id)) throw new CaseError(ErrorCodes.NOT_FOUND, 'No such report in this case', 'reportId');
      if (reports.length < 2) throw new CaseError(ErrorCodes.INVALID_STATE, 'A case’s only report cannot be split out of it', 'reportId');

      const opened = await this.opener.open(manager, { report, routing, possibleDuplicates: [], now, splitFrom: source, actorAgency: actor.agencyCode, actorUserId: actor.userId, reason: `Tách từ ${source.number}: ${reason}` });
      await manager.update(CaseEntity, { id: source.id }, { updatedAt: now });
      await appendToOutbox<CaseReportSplitEvent>(manager, [
        {
          subject: EventSubjects.intake.reportSplit,
          aggregateId: source.id,
          visibleTo: source.visibleAgencies,
          data: { caseId: source.id, caseNumber: source.number, reportId: report.id, newCaseId: opened.entity.id, newCaseNumber: opened.entity.number, reason },
        },
      ]);
      await appendAudit(manager, { actor, action: 'case.report-split', targetType: 'case', targetId: source.id, summary: { reportId: report.id, newCase: opened.entity.number, reason } });
      await appendAudit(manager, { actor, action: 'case.opened', targetType: 'case', targetId: opened.entity.id, summary: { caseNumber: opened.entity.number, reportId: report.id, splitFrom: source.number } });
      return { case: toCaseDto((await this.cases.loadCase(manager, source.id))!, { viewer: actor }), newCase: opened.dto };
    });
    this.relay.kick();
    return result;
  }
}
