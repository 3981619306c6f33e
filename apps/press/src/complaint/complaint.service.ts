import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  EventSubjects,
  provinceDay,
  type Actor,
  type CompleteComplaintRequest,
  type ComplaintDetailsFields,
  type ComplaintDto,
  type ComplaintListRequest,
  type ComplaintRespondentDto,
  type FileComplaintRequest,
  type PressComplaintEvent,
} from '@phoi-hop/contracts';
import { CASE_WIDE_ROLES, hasAnyRole, mayReadRestricted, maySeeCase } from '@phoi-hop/auth';
import { OutboxRelay, appendToOutbox } from '@phoi-hop/messaging';
import { DEADLINE_SETTINGS, appendAudit, type DeadlineSettings } from '@phoi-hop/persistence';
import { workingDayDeadline } from '../calendar/working-days.rules';
import { PressReference, caseAgencies } from '../reference/press-reference';
import { toComplaintDto } from './complaint.mapper';
import { ComplaintRepository, type ComplaintRow } from './complaint.repository';
import { judgeAdmissibility } from './complaint.rules';
import { COMPLAINT_SETTINGS, type ComplaintSettings } from './complaint.settings';
import { PressError } from './press.errors';

/**
 * The aggregate of a complaint's events: its case when it has one (case events and notifications
 * key on the case, as evidence's do), else the complaint itself. `complaintId` is in every payload.
 */
export function aggregateOf(c: Pick<ComplaintRow, 'id' | 'case_id'>): string {
  return c.case_id ?? c.id;
}

/** The event of a complaint's step, as every `evt.press.*` carries it (no respondent details). */
export function complaintEvent(c: ComplaintRow, extra: Partial<PressComplaintEvent> = {}): PressComplaintEvent {
  return { complaintId: c.id, caseId: c.case_id, caseNumber: c.case_number, status: c.status, complainantAgencyCode: c.complainant_agency, ...extra };
}

/**
 * Đ6.3 complaints: opened from a case's REFER_TO_PRESS_ASSOCIATION action or filed by an agency,
 * judged admissible or closed with reasons, and, when admissible, the journalist and the editor
 * given notice with a one-time reply link and a window of working days.
 */
@Injectable()
export class ComplaintService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly complaints: ComplaintRepository,
    private readonly reference: PressReference,
    private readonly relay: OutboxRelay,
    @Inject(COMPLAINT_SETTINGS) private readonly settings: ComplaintSettings,
    @Inject(DEADLINE_SETTINGS) private readonly deadlines: DeadlineSettings,
  ) {}

  /** A case's REFER_TO_PRESS_ASSOCIATION action (intake's event): an INCOMPLETE complaint, once per action. */
  async openFromCaseAction(
    manager: EntityManager,
    e: { caseId: string; caseNumber: string; decisionId: string; actionId: string; complainantAgency: string; visibleTo: string[]; at: Date },
  ): Promise<void> {
    const id = randomUUID();
    const visible = [...new Set([...e.visibleTo, e.complainantAgency, this.settings.pressAssociationAgencyCode])];
    const opened = await this.complaints.insertFromAction(manager, { id, ...e, visibleAgencies: visible });
    if (!opened) return;
    const row = (await this.complaints.complaint(manager, id))!;
    await appendToOutbox<PressComplaintEvent>(manager, [
      { subject: EventSubjects.press.complaintOpened, aggregateId: aggregateOf(row), visibleTo: visible, data: complaintEvent(row), actor: null },
    ]);
    await appendAudit(manager, {
      actor: null,
      action: 'press.complaint.opened',
      targetType: 'press_complaint',
      targetId: id,
      summary: { origin: 'CASE_ACTION', caseId: e.caseId, actionId: e.actionId, decisionId: e.decisionId },
    });
  }

  /** An agency files a complaint directly (about a case it sees, or not). */
  async file(actor: Actor, request: FileComplaintRequest): Promise<ComplaintDto> {
    const kase = request.caseId ? await this.reference.visibleCase(request.caseId) : null;
    const id = randomUUID();
    const now = new Date();
    const visible = [...new Set([actor.agencyCode, this.settings.pressAssociationAgencyCode, ...(kase ? caseAgencies(kase) : [])])];
    const plan = await this.plan(request, now);
    await this.dataSource.transaction(async (manager) => {
      await this.complaints.insertFiled(manager, {
        id,
        caseId: kase?.id ?? null,
        caseNumber: kase?.number ?? null,
        complainantAgency: actor.agencyCode,
        visibleAgencies: visible,
        at: now,
      });
      await this.applyDetails(manager, actor, id, request, plan, visible, now);
    });
    this.relay.kick();
    return this.get(actor, id);
  }

  /** The article, rules, account and respondent of a complaint opened from a case action. */
  async complete(actor: Actor, request: CompleteComplaintRequest): Promise<ComplaintDto> {
    const existing = await this.visible(actor, request.complaintId);
    if (actor.agencyCode !== existing.complainant_agency && actor.agencyCode !== this.settings.pressAssociationAgencyCode)
      throw PressError.forbidden('Only the complaining agency or the press association completes a complaint');
    const now = new Date();
    const plan = await this.plan(request, now);
    await this.dataSource.transaction(async (manager) => {
      const c = (await this.complaints.complaint(manager, request.complaintId, true))!;
      if (c.status !== 'INCOMPLETE') throw PressError.invalidState(`A complaint that is ${c.status} has its details already`);
      await this.applyDetails(manager, actor, c.id, request, plan, c.visible_agencies, now);
    });
    this.relay.kick();
    return this.get(actor, request.complaintId);
  }

  async get(actor: Actor, id: string): Promise<ComplaintDto> {
    await this.visible(actor, id);
    return toComplaintDto((await this.complaints.record(null, id))!);
  }

  async list(actor: Actor, request: ComplaintListRequest): Promise<ComplaintDto[]> {
    const ids = await this.complaints.list({ agencyCode: actor.agencyCode, everyAgency: hasAnyRole(actor, CASE_WIDE_ROLES), ...request });
    const records = [];
    for (const id of ids) records.push(toComplaintDto((await this.complaints.record(null, id))!));
    return records;
  }

  /** Restricted: the respondent's name and work contact, for ethics officers; every read is audited. */
  async respondent(actor: Actor, complaintId: string): Promise<ComplaintRespondentDto> {
    if (!mayReadRestricted(actor, 'pressRespondent')) throw PressError.forbidden('Only ethics officers read the respondent’s details');
    await this.visible(actor, complaintId);
    return this.dataSource.transaction(async (manager) => {
      const row = await this.complaints.respondent(manager, complaintId);
      if (!row) throw new PressError('NOT_FOUND', 'The respondent’s details are not kept (never given, or purged)', 'complaintId');
      await appendAudit(manager, { actor, action: 'press.respondent.read', targetType: 'press_complaint', targetId: complaintId });
      return {
        complaintId,
        journalistName: row.journalist_name,
        journalistEmail: row.journalist_email,
        editorName: row.editor_name,
        editorEmail: row.editor_email,
      };
    });
  }

  /** The complaint when the actor may see it; NOT_FOUND otherwise (whether or not it exists). */
  async visible(actor: Actor, id: string): Promise<ComplaintRow> {
    const c = await this.complaints.complaint(null, id);
    if (!c || !maySeeCase(actor, c.visible_agencies)) throw PressError.notFound();
    return c;
  }

  /** Checks the details against the reference data (before any write) and judges admissibility. */
  private async plan(d: ComplaintDetailsFields, now: Date) {
    const today = provinceDay(now);
    if (d.publicationDate > today) throw PressError.badInput('publicationDate', 'publicationDate cannot be in the future');
    if (!d.editorEmail !== !d.editorName)
      throw PressError.badInput(d.editorEmail ? 'editorName' : 'editorEmail', 'The editor needs both a name and a work e-mail');
    const rules = await this.reference.knownRules([...new Set(d.ruleCodes)], d.publicationDate);
    const citedRules = rules.map((r) => ({ code: r.code, ruleSet: r.ruleSet, article: r.article, title: r.title }));
    const admissibility = judgeAdmissibility({
      ruleCodes: d.ruleCodes,
      publicationDate: d.publicationDate,
      filedDay: today,
      admissibleMonths: this.settings.admissibleMonths,
    });
    const replyDueAt = admissibility.admissible ? workingDayDeadline(now, this.settings.replyWindowWorkingDays, await this.reference.holidays(today)) : null;
    return { admissibility, replyDueAt, citedRules };
  }

  private async applyDetails(
    manager: EntityManager,
    actor: Actor,
    id: string,
    d: ComplaintDetailsFields,
    plan: Awaited<ReturnType<ComplaintService['plan']>>,
    visibleBefore: string[],
    now: Date,
  ): Promise<void> {
    const visible = [...new Set([...visibleBefore, ...(d.outletAgencyCode ? [d.outletAgencyCode] : [])])];
    const { admissibility, replyDueAt, citedRules } = plan;
    await this.complaints.recordDetails(manager, id, {
      articleUrl: d.articleUrl,
      outletName: d.outletName,
      outletAgencyCode: d.outletAgencyCode ?? null,
      publicationDate: d.publicationDate,
      byline: d.byline,
      ruleCodes: [...new Set(d.ruleCodes)],
      citedRules,
      account: d.account,
      status: admissibility.admissible ? 'AWAITING_REPLY' : 'INADMISSIBLE',
      filedBy: actor.userId,
      at: now,
      reasons: admissibility.admissible ? [] : admissibility.reasons,
      note: admissibility.admissible ? null : admissibility.note,
      replyDueAt,
      visibleAgencies: visible,
    });
    await this.complaints.insertRespondent(manager, {
      complaint_id: id,
      journalist_name: d.journalistName,
      journalist_email: d.journalistEmail,
      editor_name: d.editorName ?? null,
      editor_email: d.editorEmail ?? null,
    });
    const row = (await this.complaints.complaint(manager, id))!;
    if (!admissibility.admissible) {
      await appendToOutbox<PressComplaintEvent>(manager, [
        {
          subject: EventSubjects.press.complaintInadmissible,
          aggregateId: aggregateOf(row),
          visibleTo: visible,
          data: complaintEvent(row, { inadmissibilityReasons: admissibility.reasons }),
        },
      ]);
      await appendAudit(manager, {
        actor,
        action: 'press.complaint.inadmissible',
        targetType: 'press_complaint',
        targetId: id,
        summary: { reasons: admissibility.reasons, note: admissibility.note },
      });
      return;
    }
    // One link per recipient: the journalist, and the editor when given; each is e-mailed by the deadline scheduler.
    const recipients = d.editorEmail ? (['JOURNALIST', 'EDITOR'] as const) : (['JOURNALIST'] as const);
    for (const role of recipients) {
      const linkId = randomUUID();
      await this.complaints.insertReplyLink(manager, { id: linkId, complaintId: id, role, at: now, expiresAt: replyDueAt! });
      await this.complaints.scheduleDeadline(manager, { id: randomUUID(), complaintId: id, kind: 'REPLY_NOTICE', dueAt: now, linkId });
    }
    const windowMs = replyDueAt!.getTime() - now.getTime();
    const remindAt = new Date(replyDueAt!.getTime() - Math.min(this.deadlines.reminderLeadMs, windowMs / 2));
    await this.complaints.scheduleDeadline(manager, { id: randomUUID(), complaintId: id, kind: 'REPLY_REMINDER', dueAt: remindAt });
    await this.complaints.scheduleDeadline(manager, { id: randomUUID(), complaintId: id, kind: 'REPLY_WINDOW_CLOSED', dueAt: replyDueAt! });
    await appendToOutbox<PressComplaintEvent>(manager, [
      { subject: EventSubjects.press.complaintFiled, aggregateId: aggregateOf(row), visibleTo: visible, data: complaintEvent(row) },
      {
        subject: EventSubjects.press.replyRequested,
        aggregateId: aggregateOf(row),
        visibleTo: visible,
        data: complaintEvent(row, { replyDueAt: replyDueAt!.toISOString() }),
      },
    ]);
    await appendAudit(manager, {
      actor,
      action: 'press.complaint.filed',
      targetType: 'press_complaint',
      targetId: id,
      summary: {
        ruleCodes: d.ruleCodes,
        outlet: d.outletName,
        publicationDate: d.publicationDate,
        replyDueAt: replyDueAt!.toISOString(),
        notified: recipients,
      },
    });
  }
}
