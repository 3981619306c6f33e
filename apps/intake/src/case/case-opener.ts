import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventSubjects, type CaseDto, type CaseOpenedEvent, type PossibleDuplicateDto, type RouteCaseResponse } from '@phoi-hop/contracts';
import { appendToOutbox } from '@phoi-hop/messaging';
import { CaseDeadlines } from '../deadline/case-deadlines';
import { ReportEntity } from '../report/report.entity';
import { CaseEntity, CaseParticipantEntity } from './case.entity';
import { toCaseDto } from './case.mapper';
import { CaseRepository } from './case.repository';

export interface OpenCaseInput {
  /** The case's first report: new (inserted here) or split out of another case (moved here). */
  report: ReportEntity;
  routing: RouteCaseResponse;
  possibleDuplicates: PossibleDuplicateDto[];
  now: Date;
  splitFrom?: CaseEntity;
  /** Who opened it: the reporter's agency, or the coordinator's when split. */
  actorAgency: string;
  reason?: string;
}

/**
 * Opens a case around its first report, routed to the agencies the directory names (Đ6), with its
 * triage deadline (Đ3.2) and the `case.opened` event. The caller writes the audit entry.
 */
@Injectable()
export class CaseOpener {
  constructor(
    private readonly cases: CaseRepository,
    private readonly deadlines: CaseDeadlines,
  ) {}

  async open(manager: EntityManager, { report, routing, possibleDuplicates, now, splitFrom, actorAgency, reason }: OpenCaseInput): Promise<{ entity: CaseEntity; dto: CaseDto }> {
    const year = now.getUTCFullYear();
    const entity: CaseEntity = Object.assign(new CaseEntity(), {
      id: randomUUID(),
      year,
      seq: 0,
      number: '',
      status: 'OPEN',
      categoryCode: report.categoryCode,
      severity: routing.defaultSeverity,
      defaultSeverity: routing.defaultSeverity,
      sla: routing.sla,
      assignedOfficers: [],
      triagedAt: null,
      localityCode: report.localityCode,
      sectorCode: report.sectorCode,
      reporterAgencyCode: report.reporterAgencyCode,
      visibleAgencies: [...new Set([report.reporterAgencyCode, ...routing.participants.map((p) => p.agencyCode)])],
      possibleDuplicates,
      legalBases: routing.category.legalBases,
      mergedInto: null,
      splitFrom: splitFrom?.id ?? null,
      referenceVersion: routing.referenceVersion ?? null,
      openedAt: now,
      updatedAt: now,
    });
    const participants = routing.participants.map((p) =>
      Object.assign(new CaseParticipantEntity(), { caseId: entity.id, agencyCode: p.agencyCode, role: p.role, basis: p.basis, assignedAt: now }),
    );
    Object.assign(entity, await this.cases.nextCaseNumber(manager, year));
    await manager.insert(CaseEntity, entity);
    await manager.insert(CaseParticipantEntity, participants);
    if (splitFrom) {
      await manager.update(ReportEntity, { id: report.id }, { caseId: entity.id });
      report.caseId = entity.id;
    } else {
      report.caseId = entity.id;
      await manager.insert(ReportEntity, report);
      await this.cases.indexBands(manager, report.id, report.bandKeys);
    }
    const opened = { from: null, to: 'OPEN' as const, reason: reason ?? null, byAgency: actorAgency, at: now.toISOString() };
    await this.cases.recordStatus(manager, { caseId: entity.id, from: null, to: 'OPEN', reason: opened.reason, actorAgency, at: now });
    // Đ3.2: the lead agency triages within the SLA of the case's severity.
    const triageBy = new Date(now.getTime() + routing.sla[entity.severity].triageHours * 3_600_000);
    await this.deadlines.schedule(manager, entity.id, 'TRIAGE', triageBy, now);
    const deadlines = [{ kind: 'TRIAGE' as const, actionId: null, deadline: triageBy.toISOString(), remindedAt: null, escalatedAt: null, closedAt: null }];
    const dto = toCaseDto({ entity, participants, reports: [report], deadlines, handling: { decisions: [], actions: [] }, statusHistory: [opened] });
    await appendToOutbox<CaseOpenedEvent>(manager, [
      {
        subject: EventSubjects.intake.caseOpened,
        aggregateId: entity.id,
        visibleTo: entity.visibleAgencies,
        data: { case: dto, reportId: report.id, ...(splitFrom ? { splitFromCaseId: splitFrom.id } : {}) },
      },
    ]);
    return { entity, dto };
  }
}
