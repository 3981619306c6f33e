import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  ErrorCodes,
  EventSubjects,
  provinceDay,
  type Actor,
  type ComplaintDto,
  type DecideAppealRequest,
  type IssueRulingRequest,
  type LodgeAppealRequest,
  type PressComplaintEvent,
  type RulingOutcome,
} from '@phoi-hop/contracts';
import { OutboxRelay, appendToOutbox } from '@phoi-hop/messaging';
import { appendAudit } from '@phoi-hop/persistence';
import { workingDayDeadline } from '../calendar/working-days.rules';
import { ComplaintRepository, type ComplaintRow } from '../complaint/complaint.repository';
import { appealDecisionRefusal, appealRefusal, hasGroundedDecision, isSanction, rulingRefusal, statusAfterAppeal } from '../complaint/complaint.rules';
import { ComplaintService, aggregateOf, complaintEvent } from '../complaint/complaint.service';
import { COMPLAINT_SETTINGS, type ComplaintSettings } from '../complaint/complaint.settings';
import { PressError } from '../complaint/press.errors';
import { PressReference } from '../reference/press-reference';

/**
 * Đ6.3 rulings and appeals: the ethics board rules citing the rules and giving reasons, after the
 * reply or the end of the window; either side may appeal on stated grounds, and a reviewer who took
 * no part in the ruling upholds, overturns or returns it. A sanction on a complaint from a case
 * needs the case's grounded decision (Đ3.2).
 */
@Injectable()
export class RulingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly complaints: ComplaintRepository,
    private readonly complaintService: ComplaintService,
    private readonly reference: PressReference,
    private readonly relay: OutboxRelay,
    @Inject(COMPLAINT_SETTINGS) private readonly settings: ComplaintSettings,
  ) {}

  async issue(actor: Actor, request: IssueRulingRequest): Promise<ComplaintDto> {
    const seen = await this.complaintService.visible(actor, request.complaintId);
    this.assertBoard(actor);
    const now = new Date();
    const early = rulingRefusal({ status: seen.status, replyDueAt: seen.reply_due_at, complainantAgency: seen.complainant_agency }, actor.agencyCode, now);
    if (early) throw PressError.of(early);
    await this.reference.knownRules(request.ruleCodes, seen.publication_date ?? provinceDay(now));
    if (isSanction(request.outcome)) await this.assertGrounded(seen, request.outcome, 'outcome');
    const appealDueAt = workingDayDeadline(now, this.settings.appealWindowWorkingDays, await this.reference.holidays(provinceDay(now)));
    await this.dataSource.transaction(async (manager) => {
      const c = (await this.complaints.complaint(manager, request.complaintId, true))!;
      const refusal = rulingRefusal({ status: c.status, replyDueAt: c.reply_due_at, complainantAgency: c.complainant_agency }, actor.agencyCode, now);
      if (refusal) throw PressError.of(refusal);
      const rulingId = randomUUID();
      await this.complaints.insertRuling(manager, {
        id: rulingId,
        complaint_id: c.id,
        outcome: request.outcome,
        rule_codes: [...new Set(request.ruleCodes)],
        reasons: request.reasons,
        ruled_by: actor.userId,
        ruled_by_agency: actor.agencyCode,
        ruled_at: now,
        set_aside_at: null,
      });
      // A ruling closes the reply window for good (a ruling after the window closed without a reply).
      await this.complaints.retireReplyLinks(manager, c.id, now);
      await this.complaints.cancelReplyDeadlines(manager, c.id, now);
      await this.complaints.setStatus(manager, c.id, 'RULED', now, { appealDueAt });
      await appendToOutbox<PressComplaintEvent>(manager, [
        {
          subject: EventSubjects.press.ruled,
          aggregateId: aggregateOf(c),
          visibleTo: c.visible_agencies,
          data: complaintEvent({ ...c, status: 'RULED' }, { outcome: request.outcome }),
        },
      ]);
      await appendAudit(manager, {
        actor,
        action: 'press.ruling.issued',
        targetType: 'press_complaint',
        targetId: c.id,
        summary: { rulingId, outcome: request.outcome, ruleCodes: request.ruleCodes, appealDueAt: appealDueAt.toISOString() },
      });
    });
    this.relay.kick();
    return this.complaintService.get(actor, request.complaintId);
  }

  async lodgeAppeal(actor: Actor, request: LodgeAppealRequest): Promise<ComplaintDto> {
    await this.complaintService.visible(actor, request.complaintId);
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      const c = (await this.complaints.complaint(manager, request.complaintId, true))!;
      const refusal = appealRefusal(
        { status: c.status, appealDueAt: c.appeal_due_at, complainantAgency: c.complainant_agency, outletAgencyCode: c.outlet_agency_code },
        request.party,
        actor.agencyCode,
        now,
      );
      if (refusal) throw PressError.of(refusal);
      const record = (await this.complaints.record(manager, c.id))!;
      const ruling = [...record.rulings].reverse().find((r) => !r.set_aside_at)!;
      const appealId = randomUUID();
      await this.complaints.insertAppeal(manager, {
        id: appealId,
        complaint_id: c.id,
        ruling_id: ruling.id,
        party: request.party,
        grounds: [...new Set(request.grounds)],
        statement: request.statement,
        lodged_by: actor.userId,
        lodged_by_agency: actor.agencyCode,
        lodged_at: now,
      });
      await this.complaints.setStatus(manager, c.id, 'UNDER_APPEAL', now);
      await appendToOutbox<PressComplaintEvent>(manager, [
        {
          subject: EventSubjects.press.appealLodged,
          aggregateId: aggregateOf(c),
          visibleTo: c.visible_agencies,
          data: complaintEvent({ ...c, status: 'UNDER_APPEAL' }),
        },
      ]);
      await appendAudit(manager, {
        actor,
        action: 'press.appeal.lodged',
        targetType: 'press_complaint',
        targetId: c.id,
        summary: { appealId, party: request.party, grounds: request.grounds },
      });
    });
    this.relay.kick();
    return this.complaintService.get(actor, request.complaintId);
  }

  async decideAppeal(actor: Actor, request: DecideAppealRequest): Promise<ComplaintDto> {
    const seen = await this.complaintService.visible(actor, request.complaintId);
    this.assertBoard(actor);
    if (request.decision === 'OVERTURNED' && request.substitutedOutcome && isSanction(request.substitutedOutcome))
      await this.assertGrounded(seen, request.substitutedOutcome, 'substitutedOutcome');
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      const c = (await this.complaints.complaint(manager, request.complaintId, true))!;
      const record = (await this.complaints.record(manager, c.id))!;
      const appeal = record.appeals.find((a) => a.decision === null);
      const ruling = appeal ? record.rulings.find((r) => r.id === appeal.ruling_id) : undefined;
      const refusal = appealDecisionRefusal(
        {
          status: c.status,
          complainantAgency: c.complainant_agency,
          rulers: record.rulings.map((r) => r.ruled_by),
          rulingOutcome: ruling?.outcome ?? 'NO_VIOLATION',
        },
        actor,
        request,
      );
      if (refusal) throw PressError.of(refusal);
      await this.complaints.decideAppeal(manager, appeal!.id, {
        decision: request.decision,
        substitutedOutcome: request.substitutedOutcome ?? null,
        reasons: request.reasons,
        by: actor.userId,
        agency: actor.agencyCode,
        at: now,
      });
      const status = statusAfterAppeal(request.decision);
      if (request.decision === 'RETURNED') await this.complaints.setAsideRuling(manager, ruling!.id, now);
      await this.complaints.setStatus(manager, c.id, status, now, { closed: status === 'CLOSED', ...(status === 'CLOSED' ? {} : { appealDueAt: null }) });
      const after = { ...c, status };
      const outcome: RulingOutcome | undefined =
        request.decision === 'OVERTURNED' ? request.substitutedOutcome : request.decision === 'UPHELD' ? ruling!.outcome : undefined;
      await appendToOutbox<PressComplaintEvent>(manager, [
        {
          subject: EventSubjects.press.appealDecided,
          aggregateId: aggregateOf(c),
          visibleTo: c.visible_agencies,
          data: complaintEvent(after, { decision: request.decision, ...(outcome ? { outcome } : {}) }),
        },
        ...(status === 'CLOSED'
          ? [
              {
                subject: EventSubjects.press.complaintClosed,
                aggregateId: aggregateOf(c),
                visibleTo: c.visible_agencies,
                data: complaintEvent(after, outcome ? { outcome } : {}),
              },
            ]
          : []),
      ]);
      await appendAudit(manager, {
        actor,
        action: 'press.appeal.decided',
        targetType: 'press_complaint',
        targetId: c.id,
        summary: { appealId: appeal!.id, decision: request.decision, substitutedOutcome: request.substitutedOutcome ?? null },
      });
    });
    this.relay.kick();
    return this.complaintService.get(actor, request.complaintId);
  }

  /** The ethics board is the press association's: an ethics officer of another agency does not rule. */
  private assertBoard(actor: Actor): void {
    if (actor.agencyCode !== this.settings.pressAssociationAgencyCode)
      throw PressError.forbidden('Only ethics officers of the press association rule on complaints and hear appeals');
  }

  /** Đ3.2: a sanction on a complaint from a case needs the case's decision that passed the restrictive-action gate. */
  private async assertGrounded(c: ComplaintRow, outcome: RulingOutcome, field: string): Promise<void> {
    if (!c.case_id) return;
    const kase = await this.reference.visibleCase(c.case_id);
    if (!hasGroundedDecision(kase.decisions, c.decision_id))
      throw new PressError(
        ErrorCodes.RESTRICTIVE_ACTION_NOT_GROUNDED,
        `${outcome} is a sanction: the case ${kase.number} has no grounded decision for it`,
        field,
      );
  }
}
