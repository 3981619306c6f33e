import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  EventSubjects,
  type Actor,
  type CorrectStatementRequest,
  type DraftStatementRequest,
  type EventSubject,
  type PressStatementEvent,
  type StatementDto,
  type StatementListRequest,
  type StatementListResponse,
  type UpdateStatementDraftRequest,
  type WithdrawStatementRequest,
} from '@phoi-hop/contracts';
import { CASE_WIDE_ROLES, hasAnyRole, maySeeCase } from '@phoi-hop/auth';
import { OutboxRelay, appendToOutbox } from '@phoi-hop/messaging';
import { appendAudit } from '@phoi-hop/persistence';
import { encodeCursor } from '../common/page-cursor';
import { PressDirectory, type CaseHead } from '../common/press-directory';
import { PRESS_PUBLIC_BASE } from '../common/public-base';
import { StatementError } from './statement.errors';
import { toStatementDto } from './statement.mapper';
import { StatementRepository, listedAt, type LoadedStatement, type StatementRow } from './statement.repository';
import { checkClaimReview, correctedText, nextStatementStatus } from './statement.rules';

/**
 * Spokesperson statements on cases (Đ6.6–6.7): an agency taking part in the cases drafts one,
 * publishes it to the feed, and may correct it (each text kept) or withdraw it. Drafts are the
 * agency's own; what was published is public. Each step is one transaction with its event and audit entry.
 */
@Injectable()
export class StatementService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly statements: StatementRepository,
    private readonly directory: PressDirectory,
    private readonly relay: OutboxRelay,
    @Inject(PRESS_PUBLIC_BASE) private readonly base: string,
  ) {}

  async draft(actor: Actor, request: DraftStatementRequest): Promise<StatementDto> {
    const now = new Date();
    const claimReview = checkClaimReview(request.claimReview, now);
    const cases = await this.casesOf(actor, request.caseIds);
    const id = randomUUID();
    const visible = visibleTo(actor.agencyCode, cases);
    return this.inTransaction(async (manager) => {
      await this.statements.insertDraft(manager, {
        id,
        agency_code: actor.agencyCode,
        case_ids: cases.map((c) => c.id),
        case_numbers: cases.map((c) => c.number),
        title: request.title,
        body: request.body,
        claim_review: claimReview,
        created_by: actor.userId,
        created_at: now,
        visible_agencies: visible,
      });
      const loaded = (await this.statements.load(manager, id))!;
      // A draft is the agency's own: its event goes to the agency only.
      await this.record(manager, actor, loaded.row, EventSubjects.press.statementDrafted, 'press.statement.drafted', [actor.agencyCode], {
        caseIds: loaded.row.case_ids,
        claimReview: claimReview !== null,
      });
      return toStatementDto(loaded, this.base);
    });
  }

  async updateDraft(actor: Actor, request: UpdateStatementDraftRequest): Promise<StatementDto> {
    const now = new Date();
    const claimReview = request.claimReview === null ? null : request.claimReview ? checkClaimReview(request.claimReview, now) : undefined;
    const cases = request.caseIds ? await this.casesOf(actor, request.caseIds) : null;
    return this.change(actor, request.statementId, async (manager, { row }) => {
      nextStatementStatus(row.status, 'EDIT');
      const caseIds = cases?.map((c) => c.id) ?? row.case_ids;
      const sameCases = JSON.stringify(caseIds) === JSON.stringify(row.case_ids);
      const text = {
        title: request.title ?? row.title,
        body: request.body ?? row.body,
        claimReview: claimReview === undefined ? row.claim_review : claimReview,
      };
      if (sameCases && JSON.stringify(text) === JSON.stringify({ title: row.title, body: row.body, claimReview: row.claim_review }))
        throw StatementError.badInput('body', 'A change of a draft must change its cases, title, body or claim review');
      await this.statements.updateDraft(manager, row.id, {
        title: text.title,
        body: text.body,
        claim_review: text.claimReview,
        case_ids: caseIds,
        case_numbers: cases?.map((c) => c.number) ?? row.case_numbers,
        visible_agencies: cases ? visibleTo(row.agency_code, cases) : row.visible_agencies,
        updated_at: now,
      });
      return {
        subject: EventSubjects.press.statementDraftUpdated,
        action: 'press.statement.draft-updated',
        summary: { casesChanged: !sameCases, claimReview: text.claimReview !== null },
      };
    });
  }

  async publish(actor: Actor, statementId: string): Promise<StatementDto> {
    return this.change(actor, statementId, async (manager, { row }, now) => {
      const status = nextStatementStatus(row.status, 'PUBLISH');
      const agency = await this.directory.currentAgency(row.agency_code, 'statementId');
      await this.statements.publishText(manager, row.id, {
        status,
        revision: 1,
        title: row.title,
        body: row.body,
        claimReview: row.claim_review,
        note: null,
        at: now,
        by: actor.userId,
        agencyName: agency.name,
      });
      return { subject: EventSubjects.press.statementPublished, action: 'press.statement.published', summary: { before: row.status, status, revision: 1 } };
    });
  }

  async correct(actor: Actor, request: CorrectStatementRequest): Promise<StatementDto> {
    return this.change(actor, request.statementId, async (manager, { row }, now) => {
      const status = nextStatementStatus(row.status, 'CORRECT');
      const text = correctedText(
        { title: row.title, body: row.body, claimReview: row.claim_review },
        { title: request.title, body: request.body, claimReview: request.claimReview ? checkClaimReview(request.claimReview, now) : undefined },
      );
      const revision = row.revision + 1;
      await this.statements.publishText(manager, row.id, { status, revision, ...text, note: request.note, at: now, by: actor.userId });
      return {
        subject: EventSubjects.press.statementCorrected,
        action: 'press.statement.corrected',
        summary: {
          before: row.status,
          status,
          revision,
          changed: (['title', 'body', 'claimReview'] as const).filter(
            (k) => JSON.stringify(text[k]) !== JSON.stringify(k === 'claimReview' ? row.claim_review : row[k]),
          ),
        },
      };
    });
  }

  async withdraw(actor: Actor, request: WithdrawStatementRequest): Promise<StatementDto> {
    return this.change(actor, request.statementId, async (manager, { row }, now) => {
      const status = nextStatementStatus(row.status, 'WITHDRAW');
      await this.statements.withdraw(manager, row.id, request.reason, now);
      return {
        subject: EventSubjects.press.statementWithdrawn,
        action: 'press.statement.withdrawn',
        summary: { before: row.status, status, reason: request.reason },
      };
    });
  }

  async get(actor: Actor, statementId: string): Promise<StatementDto> {
    const loaded = await this.statements.load(this.dataSource.manager, statementId);
    if (!loaded || !this.maySee(actor, loaded.row)) throw StatementError.notFound();
    return toStatementDto(loaded, this.base);
  }

  async list(actor: Actor, request: StatementListRequest): Promise<StatementListResponse> {
    const manager = this.dataSource.manager;
    const draftsOf = hasAnyRole(actor, CASE_WIDE_ROLES) ? null : actor.agencyCode;
    const page = await this.statements.list(
      manager,
      { draftsOf, caseId: request.caseId, status: request.status, agencyCode: request.agencyCode },
      request.first,
      request.after,
    );
    const revisions = await this.statements.revisionsOf(
      manager,
      page.rows.map((r) => r.id),
    );
    const edges = page.rows.map((row) => ({
      cursor: encodeCursor(listedAt(row), row.id),
      node: toStatementDto({ row, revisions: revisions.get(row.id) ?? [] }, this.base),
    }));
    return { edges, totalCount: page.totalCount, hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null };
  }

  /** The cases as intake shows them to the caller; the caller's agency must take part in each. */
  private async casesOf(actor: Actor, ids: string[]): Promise<CaseHead[]> {
    const cases: CaseHead[] = [];
    for (const [i, caseId] of [...new Set(ids)].entries()) {
      const kase = await this.directory.caseOf(caseId, `caseIds.${i}`);
      if (!kase.participants.includes(actor.agencyCode))
        throw StatementError.forbidden('An agency makes statements only on the cases it takes part in (Đ6.6–6.7)', `caseIds.${i}`);
      cases.push(kase);
    }
    return cases;
  }

  /** Published texts are public; a draft is seen by its agency (and case-wide roles) only. */
  private maySee(actor: Actor, row: StatementRow): boolean {
    return row.status !== 'DRAFT' || maySeeCase(actor, [row.agency_code]);
  }

  /** One locked change by the statement's own agency, with its event and audit entry. */
  private async change(
    actor: Actor,
    statementId: string,
    apply: (manager: EntityManager, loaded: LoadedStatement, now: Date) => Promise<{ subject: EventSubject; action: string; summary: Record<string, unknown> }>,
  ): Promise<StatementDto> {
    return this.inTransaction(async (manager) => {
      const loaded = await this.statements.load(manager, statementId, true);
      if (!loaded || !this.maySee(actor, loaded.row)) throw StatementError.notFound();
      if (actor.agencyCode !== loaded.row.agency_code) throw StatementError.forbidden('Only the agency that made a statement changes it', 'statementId');
      const { subject, action, summary } = await apply(manager, loaded, new Date());
      const after = (await this.statements.load(manager, statementId))!;
      // A draft is the agency's own: its events go to the agency only.
      const eventVisibleTo = after.row.status === 'DRAFT' ? [after.row.agency_code] : after.row.visible_agencies;
      await this.record(manager, actor, after.row, subject, action, eventVisibleTo, summary);
      return toStatementDto(after, this.base);
    });
  }

  private async inTransaction(work: (manager: EntityManager) => Promise<StatementDto>): Promise<StatementDto> {
    const result = await this.dataSource.transaction(work);
    this.relay.kick();
    return result;
  }

  private async record(
    manager: EntityManager,
    actor: Actor,
    row: StatementRow,
    subject: EventSubject,
    action: string,
    visibleTo: string[],
    summary: Record<string, unknown>,
  ): Promise<void> {
    await appendToOutbox<PressStatementEvent>(manager, [
      {
        subject,
        aggregateId: row.id,
        visibleTo,
        data: {
          statementId: row.id,
          status: row.status,
          agencyCode: row.agency_code,
          caseIds: row.case_ids,
          caseId: row.case_ids[0]!,
          caseNumber: row.case_numbers[0]!,
          revision: row.revision,
        },
      },
    ]);
    await appendAudit(manager, { actor, action, targetType: 'press-statement', targetId: row.id, summary: { caseIds: row.case_ids, ...summary } });
  }
}

/** Who hears of a published statement: its agency and the agencies of its cases. */
function visibleTo(agencyCode: string, cases: CaseHead[]): string[] {
  return [...new Set([agencyCode, ...cases.flatMap((c) => c.participants)])];
}
