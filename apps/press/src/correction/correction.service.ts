import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  EventSubjects,
  type Actor,
  type CorrectionListRequest,
  type CorrectionListResponse,
  type CorrectionRequestDto,
  type EventSubject,
  type PressCorrectionEvent,
  type PublishCorrectionRequest,
  type RefuseCorrectionRequest,
  type RequestCorrectionRequest,
} from '@phoi-hop/contracts';
import { CASE_WIDE_ROLES, hasAnyRole, maySeeCase } from '@phoi-hop/auth';
import { OutboxRelay, appendToOutbox } from '@phoi-hop/messaging';
import { appendAudit } from '@phoi-hop/persistence';
import { PressDirectory } from '../common/press-directory';
import { CorrectionError } from './correction.errors';
import { CorrectionRepository, correctionCursor, toCorrectionDto, type CorrectionRow } from './correction.repository';
import { checkCorrectionRequest, checkPublication, isLate, nextCorrectionStatus } from './correction.rules';

/**
 * Correction requests (Press Law 2016 Art. 42): an agency that takes part in a case (or any agency
 * about itself) asks an outlet to publish a correction by a deadline; a user of the outlet's agency
 * answers with where and when it was published, or refuses with reasons; unanswered, it becomes
 * OVERDUE. Each step is one transaction with its event and audit entry.
 */
@Injectable()
export class CorrectionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly corrections: CorrectionRepository,
    private readonly directory: PressDirectory,
    private readonly relay: OutboxRelay,
  ) {}

  async request(actor: Actor, request: RequestCorrectionRequest): Promise<CorrectionRequestDto> {
    const now = new Date();
    const deadline = checkCorrectionRequest(request, now);
    await this.directory.assertOutlet(request.outletAgencyCode, 'outletAgencyCode');
    if (request.outletAgencyCode === actor.agencyCode)
      throw CorrectionError.badInput('outletAgencyCode', 'An outlet does not request a correction from itself');
    let kase: { id: string; number: string; participants: string[] } | null = null;
    if (request.caseId) {
      kase = await this.directory.caseOf(request.caseId);
      if (!kase.participants.includes(actor.agencyCode))
        throw CorrectionError.forbidden('Only the agencies taking part in a case request corrections about it', 'caseId');
    }
    const visible = [...new Set([...(kase?.participants ?? []), actor.agencyCode, request.outletAgencyCode])];
    const id = randomUUID();
    const dto = await this.dataSource.transaction(async (manager) => {
      await this.corrections.insert(
        manager,
        {
          id,
          case_id: kase?.id ?? null,
          case_number: kase?.number ?? null,
          requester_agency: actor.agencyCode,
          requested_by: actor.userId,
          requested_at: now,
          outlet_agency: request.outletAgencyCode,
          work_title: request.workTitle,
          work_section: request.workSection ?? null,
          work_published_on: request.workPublishedOn,
          work_url: request.workUrl ?? null,
          what_is_wrong: request.whatIsWrong,
          false_content: request.falseContent,
          corrected_content: request.correctedContent,
          requested_text: request.requestedText,
          deadline,
          visible_agencies: visible,
        },
        randomUUID(),
      );
      const row = (await this.corrections.load(manager, id))!;
      await this.record(manager, actor, row, EventSubjects.press.correctionRequested, 'press.correction.requested', {
        outletAgencyCode: request.outletAgencyCode,
        deadline: deadline.toISOString(),
        workTitle: request.workTitle,
      });
      return toCorrectionDto(row);
    });
    this.relay.kick();
    return dto;
  }

  async publish(actor: Actor, request: PublishCorrectionRequest): Promise<CorrectionRequestDto> {
    return this.answer(actor, request.correctionId, (row, now) => {
      const publishedAt = checkPublication(request.publishedAt, row.work_published_on, now);
      return {
        status: nextCorrectionStatus(row.status, 'PUBLISH'),
        publishedUrl: request.publishedUrl,
        publishedAt,
        refusalReasons: null,
        subject: EventSubjects.press.correctionPublished,
        action: 'press.correction.published',
        summary: { publishedUrl: request.publishedUrl, publishedAt: publishedAt.toISOString() },
      };
    });
  }

  async refuse(actor: Actor, request: RefuseCorrectionRequest): Promise<CorrectionRequestDto> {
    return this.answer(actor, request.correctionId, (row) => ({
      status: nextCorrectionStatus(row.status, 'REFUSE'),
      publishedUrl: null,
      publishedAt: null,
      refusalReasons: request.reasons,
      subject: EventSubjects.press.correctionRefused,
      action: 'press.correction.refused',
      summary: { reasonsLength: request.reasons.length },
    }));
  }

  async get(actor: Actor, id: string): Promise<CorrectionRequestDto> {
    const row = await this.corrections.load(this.dataSource.manager, id);
    if (!row || !maySeeCase(actor, row.visible_agencies)) throw CorrectionError.notFound();
    return toCorrectionDto(row);
  }

  async list(actor: Actor, request: CorrectionListRequest): Promise<CorrectionListResponse> {
    const visibleTo = hasAnyRole(actor, CASE_WIDE_ROLES) ? null : actor.agencyCode;
    const page = await this.corrections.list(
      this.dataSource.manager,
      { visibleTo, caseId: request.caseId, status: request.status, outletAgencyCode: request.outletAgencyCode },
      request.first,
      request.after,
    );
    const edges = page.rows.map((row) => ({ cursor: correctionCursor(row), node: toCorrectionDto(row) }));
    return { edges, totalCount: page.totalCount, hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null };
  }

  /** The outlet's answer: only a user of the outlet's agency gives it. */
  private async answer(
    actor: Actor,
    id: string,
    decide: (
      row: CorrectionRow,
      now: Date,
    ) => Pick<CorrectionRow, 'status'> & {
      publishedUrl: string | null;
      publishedAt: Date | null;
      refusalReasons: string | null;
      subject: EventSubject;
      action: string;
      summary: Record<string, unknown>;
    },
  ): Promise<CorrectionRequestDto> {
    const dto = await this.dataSource.transaction(async (manager) => {
      const row = await this.corrections.load(manager, id, true);
      if (!row || !maySeeCase(actor, row.visible_agencies)) throw CorrectionError.notFound();
      if (actor.agencyCode !== row.outlet_agency)
        throw CorrectionError.forbidden('Only the outlet answers a correction request (Press Law Art. 42)', 'correctionId');
      const now = new Date();
      const { subject, action, summary, ...answer } = decide(row, now);
      await this.corrections.answer(manager, id, { ...answer, answeredBy: actor.userId, answeredByAgency: actor.agencyCode, answeredAt: now });
      const after = (await this.corrections.load(manager, id))!;
      await this.record(manager, actor, after, subject, action, { ...summary, before: row.status, late: isLate(now, row.deadline) });
      return toCorrectionDto(after);
    });
    this.relay.kick();
    return dto;
  }

  private async record(
    manager: EntityManager,
    actor: Actor,
    row: CorrectionRow,
    subject: EventSubject,
    action: string,
    summary: Record<string, unknown>,
  ): Promise<void> {
    await appendToOutbox<PressCorrectionEvent>(manager, [{ subject, aggregateId: row.id, visibleTo: row.visible_agencies, data: correctionEvent(row) }]);
    await appendAudit(manager, {
      actor,
      action,
      targetType: 'press-correction',
      targetId: row.id,
      summary: { caseId: row.case_id, status: row.status, ...summary },
    });
  }
}

export function correctionEvent(row: CorrectionRow): PressCorrectionEvent {
  return {
    correctionId: row.id,
    caseId: row.case_id,
    caseNumber: row.case_number,
    status: row.status,
    requesterAgencyCode: row.requester_agency,
    outletAgencyCode: row.outlet_agency,
    deadline: row.deadline.toISOString(),
    ...(row.answered_at ? { late: row.answered_at.getTime() > row.deadline.getTime() } : {}),
  };
}
