import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventSubjects, type Actor, type CaseDto, type CaseOpenedEvent, type PossibleDuplicateDto, type RouteCaseResponse } from '@phoi-hop/contracts';
import { addToOutbox, type NewEvent } from '@phoi-hop/messaging';
import { SqlBatch, addInsert } from '@phoi-hop/persistence';
import { CaseDeadlines } from '../deadline/case-deadlines';
import { ReportEntity } from '../report/report.entity';
import { CaseEntity, CaseParticipantEntity } from './case.entity';
import { toCaseDto } from './case.mapper';
import { CaseRepository, type LoadedCase, type StatusChange } from './case.repository';

export interface OpenCaseInput {
  /** The case's first report: new (inserted here) or split out of another case (moved here). */
  report: ReportEntity;
  routing: RouteCaseResponse;
  possibleDuplicates: PossibleDuplicateDto[];
  now: Date;
  splitFrom?: CaseEntity;
  /** Who opened it: the reporter's agency, or the coordinator's when split. */
  actorAgency: string;
  /** The person who opened it: the coordinator who split it; by default the reporting officer. */
  actorUserId?: string;
  reason?: string;
}

/** Who a case is opened for, when not the request being handled (a batch written for many requests). */
export interface OpenedFor {
  actor: { userId: string; agencyCode: string };
  traceHeaders: Record<string, string>;
}

/** A case ready to be written: its rows, its DTO and its `case.opened` event. */
export interface PreparedCase {
  entity: CaseEntity;
  participants: CaseParticipantEntity[];
  report: ReportEntity;
  splitFrom: CaseEntity | null;
  status: StatusChange;
  triageBy: Date;
  now: Date;
  /** The case as opened (its first report only). */
  dto: CaseDto;
  event: NewEvent<CaseOpenedEvent>;
  /** What the DTO shows besides rows: the triage deadline and the opening in the status history. */
  shown: Pick<LoadedCase, 'deadlines' | 'handling' | 'statusHistory'>;
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

  async open(manager: EntityManager, input: OpenCaseInput): Promise<{ entity: CaseEntity; dto: CaseDto }> {
    const numbering = await this.cases.nextCaseNumber(manager, input.now.getUTCFullYear());
    const prepared = this.prepare(input, numbering);
    await this.write(manager, [prepared]);
    return { entity: prepared.entity, dto: prepared.dto };
  }

  /** Builds a case numbered `numbering` (a number of the year of `now`), writing nothing. */
  prepare(
    { report, routing, possibleDuplicates, now, splitFrom, actorAgency, actorUserId, reason }: OpenCaseInput,
    numbering: { seq: number; number: string },
    openedFor?: OpenedFor,
  ): PreparedCase {
    const entity: CaseEntity = Object.assign(new CaseEntity(), {
      id: randomUUID(),
      year: now.getUTCFullYear(),
      seq: numbering.seq,
      number: numbering.number,
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
    report.caseId = entity.id;
    const status: StatusChange = {
      caseId: entity.id,
      from: null,
      to: 'OPEN',
      reason: reason ?? null,
      actorAgency,
      actorUserId: actorUserId ?? report.reporterUserId,
      at: now,
    };
    // Đ3.2: the lead agency triages within the SLA of the case's severity.
    const triageBy = new Date(now.getTime() + routing.sla[entity.severity].triageHours * 3_600_000);
    const shown = {
      deadlines: [{ kind: 'TRIAGE' as const, actionId: null, deadline: triageBy.toISOString(), remindedAt: null, escalatedAt: null, closedAt: null }],
      handling: { decisions: [], actions: [] },
      statusHistory: [
        { from: null, to: 'OPEN' as const, reason: status.reason, byAgency: actorAgency, byUserId: status.actorUserId ?? null, at: now.toISOString() },
      ],
    };
    const dto = toCaseDto({ entity, participants, reports: [report], ...shown });
    const event: NewEvent<CaseOpenedEvent> = {
      subject: EventSubjects.intake.caseOpened,
      aggregateId: entity.id,
      visibleTo: entity.visibleAgencies,
      data: { case: dto, reportId: report.id, ...(splitFrom ? { splitFromCaseId: splitFrom.id } : {}) },
      ...(openedFor ? { actor: openedFor.actor, traceHeaders: openedFor.traceHeaders } : {}),
    };
    return { entity, participants, report, splitFrom: splitFrom ?? null, status, triageBy, now, dto, event, shown };
  }

  /** A prepared case as it will be once written with more reports (joined in the same batch). */
  dtoWithReports(prepared: PreparedCase, reports: ReportEntity[], viewer?: Actor): CaseDto {
    return toCaseDto({ entity: prepared.entity, participants: prepared.participants, reports, ...prepared.shown }, viewer ? { viewer } : {});
  }

  /** Writes prepared cases in one statement whatever their number, events in the given order. */
  async write(manager: EntityManager, prepared: PreparedCase[]): Promise<void> {
    await this.addWrites(new SqlBatch(), manager, prepared).execute(manager);
  }

  /**
   * Adds the rows of prepared cases to `batch`: cases, participants, reports and their bands,
   * statuses, deadlines, and their events followed by `moreEvents` in one insert (the outbox's
   * order is the insert's: statements chained in one WITH run in no fixed order).
   */
  addWrites(batch: SqlBatch, manager: EntityManager, prepared: PreparedCase[], moreEvents: NewEvent<unknown>[] = []): SqlBatch {
    if (prepared.length === 0) {
      addToOutbox(batch, moreEvents);
      return batch;
    }
    addInsert(
      batch,
      manager,
      CaseEntity,
      prepared.map((p) => p.entity),
    );
    addInsert(
      batch,
      manager,
      CaseParticipantEntity,
      prepared.flatMap((p) => p.participants),
    );
    const fresh = prepared.filter((p) => !p.splitFrom).map((p) => p.report);
    addInsert(batch, manager, ReportEntity, fresh);
    this.cases.addBandIndex(batch, fresh);
    for (const moved of prepared.filter((p) => p.splitFrom)) {
      this.cases.addReportMove(batch, moved.report.id, moved.entity.id);
    }
    this.cases.addStatuses(
      batch,
      prepared.map((p) => p.status),
    );
    this.deadlines.addSchedules(
      batch,
      prepared.map((p) => ({ caseId: p.entity.id, kind: 'TRIAGE' as const, deadline: p.triageBy, now: p.now })),
    );
    addToOutbox<unknown>(batch, [...prepared.map((p) => p.event), ...moreEvents]);
    return batch;
  }
}
