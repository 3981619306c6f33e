import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ErrorCodes,
  EventSubjects,
  RpcSubjects,
  provinceDay,
  type Actor,
  type AgencyDto,
  type CaseDto,
  type ConsultationDto,
  type ConsultationOpenedEvent,
  type ConsultationResolvedEvent,
  type MeetingRecordedEvent,
  type OpenConsultationRequest,
  type OpinionSubmittedEvent,
  type PlannedActionDto,
  type RecordMeetingRequest,
  type ResolveConsultationRequest,
  type SubmitOpinionRequest,
} from '@phoi-hop/contracts';
import { maySeeCase } from '@phoi-hop/auth';
import { OutboxRelay, RpcCallError, RpcClient, appendToOutbox } from '@phoi-hop/messaging';
import { DEADLINE_SETTINGS, appendAudit, findIdempotentAnswer, idempotentRequestOf, runIdempotent, type IdempotentRequest } from '@phoi-hop/persistence';
import type { DeadlineSettings } from '../config/consultation.config';
import { ConsultationError } from './consultation.errors';
import { ConsultationRepository, stateOf, toConsultationDto, type LoadedConsultation } from './consultation.repository';
import { checkMeetingRecord, checkOpinion, checkResolvable, deadlineSchedule, validateOpening } from './consultation.rules';

/** Case statuses in which the lead agency may consult (Đ4.2: after verification starts, before the decision). */
const CONSULTABLE = ['TRIAGED', 'IN_CONSULTATION'];

/**
 * Consultations on a case (Đ4.2, Đ5.3): the lead agency's coordinator opens a meeting or a written
 * consultation with the agencies concerned, they answer, and the coordinator resolves it with the
 * agreed handling plan. Each change is one transaction with its event and audit entry.
 */
@Injectable()
export class ConsultationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly consultations: ConsultationRepository,
    private readonly rpc: RpcClient,
    private readonly relay: OutboxRelay,
    @Inject(DEADLINE_SETTINGS) private readonly settings: DeadlineSettings,
  ) {}

  async open(actor: Actor, request: OpenConsultationRequest): Promise<ConsultationDto> {
    // A retry of an opened consultation gets its first answer, whatever the case's status is now.
    const idempotency = idempotentRequestOf(actor.userId, 'consultation.consultation.open', request);
    const prior = await findIdempotentAnswer<ConsultationDto>(this.dataSource.manager, idempotency);
    if (prior) return prior;
    const kase = await this.caseFor(request.caseId);
    if (!CONSULTABLE.includes(kase.status)) throw ConsultationError.invalidState(`A case that is ${kase.status} cannot be consulted on; triage it first`);
    const lead = kase.participants.find((p) => p.role === 'LEAD')?.agencyCode;
    if (!lead || lead !== actor.agencyCode) throw ConsultationError.forbidden('Only the lead agency’s coordinators open a consultation on a case (Đ4.2)', 'caseId');
    const now = new Date();
    const { invited, deadline, meetingAt } = validateOpening(request, lead, now);
    await this.assertAgenciesCurrent(invited, provinceDay(now));

    const visible = [...new Set([...kase.participants.map((p) => p.agencyCode), kase.reporterAgencyCode, ...kase.reports.map((r) => r.reporterAgencyCode), ...invited])];
    const id = randomUUID();
    const result = await runIdempotent(this.dataSource, idempotency, async (manager) => {
      await this.consultations.insert(
        manager,
        {
          id, caseId: kase.id, caseNumber: kase.number, mode: request.mode, subject: request.subject, proposedHandling: request.proposedHandling ?? null, deadline, meetingAt,
          location: request.location ?? null, link: request.link ?? null, leadAgencyCode: lead, severity: kase.severity, visibleAgencies: visible, openedAt: now, openedBy: actor.userId, openedByAgency: actor.agencyCode,
        },
        invited,
      );
      for (const due of deadlineSchedule(request.mode, { deadline, meetingAt }, now, this.settings.reminderLeadMs)) {
        await this.consultations.insertDeadline(manager, randomUUID(), id, due.kind, due.dueAt);
      }
      await appendToOutbox<ConsultationOpenedEvent>(manager, [
        {
          subject: EventSubjects.consultation.opened,
          aggregateId: kase.id,
          visibleTo: visible,
          data: { consultationId: id, caseId: kase.id, caseNumber: kase.number, mode: request.mode, invitedAgencyCodes: invited, deadline: deadline?.toISOString() ?? null, meetingAt: meetingAt?.toISOString() ?? null },
        },
      ]);
      await appendAudit(manager, {
        actor,
        action: 'consultation.opened',
        targetType: 'consultation',
        targetId: id,
        summary: { caseId: kase.id, mode: request.mode, invited, deadline: deadline?.toISOString() ?? null, meetingAt: meetingAt?.toISOString() ?? null },
      });
      return toConsultationDto((await this.consultations.load(manager, id))!);
    });
    this.relay.kick();
    return result;
  }

  async get(actor: Actor, id: string): Promise<ConsultationDto> {
    const loaded = await this.consultations.load(this.dataSource.manager, id);
    if (!loaded || !maySeeCase(actor, loaded.row.visible_agencies)) throw ConsultationError.notFound();
    return toConsultationDto(loaded);
  }

  async listForCase(actor: Actor, caseId: string): Promise<ConsultationDto[]> {
    const all = await this.consultations.listForCase(this.dataSource.manager, caseId);
    return all.filter((c) => maySeeCase(actor, c.row.visible_agencies)).map(toConsultationDto);
  }

  // Đ4.2: each invited agency gives its written opinion (agree, disagree, or an alternative).
  // A revised opinion is a new version: the earlier ones stay on the record, the invitation shows the latest.
  async submitOpinion(actor: Actor, request: SubmitOpinionRequest): Promise<ConsultationDto> {
    const idempotency = idempotentRequestOf(actor.userId, 'consultation.opinion.submit', request);
    const prior = await findIdempotentAnswer<ConsultationDto>(this.dataSource.manager, idempotency);
    if (prior) return prior;
    return this.change(actor, request.consultationId, async (manager, loaded, now) => {
      const { late } = checkOpinion(stateOf(loaded), actor.agencyCode, request.position, request.alternativeProposal, now);
      const before = loaded.invitations.find((i) => i.agency_code === actor.agencyCode)!;
      const version = loaded.opinions.filter((o) => o.agency_code === actor.agencyCode).reduce((max, o) => Math.max(max, o.version), 0) + 1;
      const attachments = JSON.stringify(request.attachments ?? (version > 1 ? before.attachments : []));
      await this.consultations.recordOpinion(manager, {
        consultationId: loaded.row.id, agencyCode: actor.agencyCode, version, position: request.position, reasoning: request.reasoning,
        alternativeProposal: request.alternativeProposal ?? null, attachments, respondedAt: now, respondedBy: actor.userId, late,
      });
      await appendToOutbox<OpinionSubmittedEvent>(manager, [
        {
          subject: EventSubjects.consultation.opinionSubmitted,
          aggregateId: loaded.row.case_id,
          visibleTo: loaded.row.visible_agencies,
          data: { consultationId: loaded.row.id, caseId: loaded.row.case_id, caseNumber: loaded.row.case_number, agencyCode: actor.agencyCode, position: request.position, late },
        },
      ]);
      return { action: 'consultation.opinion-submitted', summary: { agencyCode: actor.agencyCode, before: before.position, after: request.position, version, late } };
    }, idempotency);
  }

  async recordMeeting(actor: Actor, request: RecordMeetingRequest): Promise<ConsultationDto> {
    return this.change(actor, request.consultationId, async (manager, loaded) => {
      this.assertLead(actor, loaded);
      const dissent = request.dissentingViews ?? [];
      checkMeetingRecord(stateOf(loaded), request.attendance, dissent);
      for (const a of request.attendance) {
        await this.consultations.recordAttendance(manager, loaded.row.id, a.agencyCode, a.present, a.present ? (a.representative ?? null) : null);
      }
      const views = dissent.map((d) => ({ agencyCode: d.agencyCode, view: d.view }));
      await this.consultations.recordMinutes(manager, loaded.row.id, request.minutes, views);
      const absent = request.attendance.filter((a) => !a.present).map((a) => a.agencyCode);
      await appendToOutbox<MeetingRecordedEvent>(manager, [
        {
          subject: EventSubjects.consultation.meetingRecorded,
          aggregateId: loaded.row.case_id,
          visibleTo: loaded.row.visible_agencies,
          data: { consultationId: loaded.row.id, caseId: loaded.row.case_id, caseNumber: loaded.row.case_number, absentAgencyCodes: absent, dissentingAgencyCodes: views.map((v) => v.agencyCode) },
        },
      ]);
      return { action: 'consultation.meeting-recorded', summary: { absent, dissenting: views.map((v) => v.agencyCode), minutesChanged: loaded.row.minutes !== null } };
    });
  }

  async resolve(actor: Actor, request: ResolveConsultationRequest): Promise<ConsultationDto> {
    return this.change(actor, request.consultationId, async (manager, loaded, now) => {
      this.assertLead(actor, loaded);
      const unanswered = loaded.invitations.filter((i) => !i.responded_at).map((i) => i.agency_code);
      checkResolvable(stateOf(loaded), { minutesRecorded: loaded.row.minutes !== null, unanswered }, request.plan, now, provinceDay(now));
      await this.assertAgenciesCurrent([...new Set(request.plan.map((a) => a.assigneeAgencyCode))], provinceDay(now), 'plan');
      for (const [i, a] of request.plan.entries()) {
        if (a.removal && a.type !== 'REQUEST_REMOVAL') throw new ConsultationError(ErrorCodes.BAD_USER_INPUT, 'Only a REQUEST_REMOVAL action names a removal target', `plan.${i}.removal`);
      }
      const plan: PlannedActionDto[] = request.plan.map((a) => ({
        type: a.type,
        assigneeAgencyCode: a.assigneeAgencyCode,
        dueDate: a.dueDate,
        details: a.details ?? null,
        ...(a.removal ? { removal: { ...a.removal } } : {}),
      }));
      // Reminders and escalations of a resolved consultation no longer apply.
      await this.consultations.resolve(manager, loaded.row.id, request.summary, plan, now, actor.userId);
      await appendToOutbox<ConsultationResolvedEvent>(manager, [
        {
          subject: EventSubjects.consultation.resolved,
          aggregateId: loaded.row.case_id,
          visibleTo: loaded.row.visible_agencies,
          data: { consultationId: loaded.row.id, caseId: loaded.row.case_id, caseNumber: loaded.row.case_number, summary: request.summary, plan },
        },
      ]);
      return { action: 'consultation.resolved', summary: { before: { status: 'OPEN' }, after: { status: 'RESOLVED' }, plan: plan.map((a) => `${a.type}:${a.assigneeAgencyCode}`), unanswered } };
    });
  }

  /** One locked change to a consultation the actor may see, with its audit entry, returning the new state. */
  private async change(
    actor: Actor,
    id: string,
    apply: (manager: EntityManager, loaded: LoadedConsultation, now: Date) => Promise<{ action: string; summary: Record<string, unknown> }>,
    idempotency: IdempotentRequest | null = null,
  ): Promise<ConsultationDto> {
    const result = await runIdempotent(this.dataSource, idempotency, async (manager) => {
      const loaded = await this.consultations.load(manager, id, true);
      if (!loaded || !maySeeCase(actor, loaded.row.visible_agencies)) throw ConsultationError.notFound();
      const now = new Date();
      const { action, summary } = await apply(manager, loaded, now);
      await this.consultations.touch(manager, id, now);
      await appendAudit(manager, { actor, action, targetType: 'consultation', targetId: id, summary: { caseId: loaded.row.case_id, ...summary } });
      return toConsultationDto((await this.consultations.load(manager, id))!);
    });
    this.relay.kick();
    return result;
  }

  private assertLead(actor: Actor, loaded: LoadedConsultation): void {
    if (actor.agencyCode !== loaded.row.lead_agency_code) throw ConsultationError.forbidden('Only the lead agency’s coordinators steer a consultation (Đ4.2)', 'consultationId');
  }

  /** The case as intake shows it to the caller: not found for a case the caller may not see. */
  private async caseFor(caseId: string): Promise<CaseDto> {
    try {
      return await this.rpc.request<CaseDto>(RpcSubjects.intake.caseGet, { id: caseId });
    } catch (error) {
      if (error instanceof RpcCallError && error.code === ErrorCodes.NOT_FOUND) throw new ConsultationError(ErrorCodes.NOT_FOUND, 'Case not found', 'caseId');
      throw error;
    }
  }

  /** Every code names an agency of the directory that exists today (a retired agency's successor is named). */
  private async assertAgenciesCurrent(codes: string[], today: string, field = 'invitedAgencyCodes'): Promise<void> {
    if (!codes.length) return;
    const agencies = await this.rpc.request<AgencyDto[]>(RpcSubjects.directory.agencyGetMany, { codes });
    for (const code of codes) {
      const agency = agencies.find((a) => a.code === code);
      if (!agency) throw ConsultationError.badInput(field, `Unknown agency ${code}`);
      if (agency.validTo && agency.validTo < today) {
        throw ConsultationError.badInput(field, `${code} was retired on ${agency.validTo}${agency.successorCode ? `; its successor is ${agency.successorCode}` : ''}`);
      }
    }
  }
}
