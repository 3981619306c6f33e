import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  ConsultationDto,
  ConsultationMode,
  ConsultationStatus,
  DissentDto,
  InvitationDto,
  OpinionAttachment,
  OpinionPosition,
  OpinionVersionDto,
  PlannedActionDto,
  Severity,
} from '@phoi-hop/contracts';
import { queryRows } from '@phoi-hop/persistence';
import type { ConsultationState } from './consultation.rules';

export interface ConsultationRow {
  id: string;
  case_id: string;
  case_number: string;
  mode: ConsultationMode;
  status: ConsultationStatus;
  subject: string;
  proposed_handling: string | null;
  deadline: Date | null;
  meeting_at: Date | null;
  location: string | null;
  link: string | null;
  lead_agency_code: string;
  severity: Severity;
  visible_agencies: string[];
  minutes: string | null;
  dissenting_views: DissentDto[];
  resolution_summary: string | null;
  resolution_plan: PlannedActionDto[] | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  opened_at: Date;
  opened_by: string;
}

export interface InvitationRow {
  consultation_id: string;
  agency_code: string;
  position: OpinionPosition | null;
  reasoning: string | null;
  alternative_proposal: string | null;
  attachments: OpinionAttachment[];
  responded_at: Date | null;
  late: boolean;
  reminded_at: Date | null;
  escalated_at: Date | null;
  present: boolean | null;
  representative: string | null;
}

export interface OpinionRow {
  consultation_id: string;
  agency_code: string;
  version: number;
  position: OpinionPosition;
  reasoning: string;
  alternative_proposal: string | null;
  attachments: OpinionAttachment[];
  responded_at: Date;
  responded_by: string | null;
  late: boolean;
}

export interface OwedOpinionRow {
  id: string;
  case_id: string;
  case_number: string;
  severity: Severity;
  deadline: Date | null;
  total: string;
}

export interface LoadedConsultation {
  row: ConsultationRow;
  invitations: InvitationRow[];
  /** Every opinion given, by agency and version. */
  opinions: OpinionRow[];
}

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

export function toConsultationDto({ row, invitations, opinions }: LoadedConsultation): ConsultationDto {
  return {
    id: row.id,
    caseId: row.case_id,
    caseNumber: row.case_number,
    mode: row.mode,
    status: row.status,
    subject: row.subject,
    proposedHandling: row.proposed_handling,
    deadline: iso(row.deadline),
    meetingAt: iso(row.meeting_at),
    location: row.location,
    link: row.link,
    leadAgencyCode: row.lead_agency_code,
    severity: row.severity,
    invitations: invitations.map((i): InvitationDto => ({
      agencyCode: i.agency_code,
      position: i.position,
      reasoning: i.reasoning,
      alternativeProposal: i.alternative_proposal,
      attachments: i.attachments,
      respondedAt: iso(i.responded_at),
      late: i.late,
      remindedAt: iso(i.reminded_at),
      escalatedAt: iso(i.escalated_at),
      present: i.present,
      representative: i.representative,
      opinionVersions: opinions.filter((o) => o.agency_code === i.agency_code).map(toOpinionVersionDto),
    })),
    minutes: row.minutes,
    dissentingViews: row.dissenting_views,
    resolution:
      row.status === 'RESOLVED' && row.resolution_summary && row.resolved_at
        ? { summary: row.resolution_summary, plan: row.resolution_plan ?? [], resolvedAt: row.resolved_at.toISOString(), resolvedBy: row.resolved_by ?? '' }
        : null,
    openedAt: row.opened_at.toISOString(),
    openedBy: row.opened_by,
  };
}

function toOpinionVersionDto(o: OpinionRow): OpinionVersionDto {
  return {
    version: o.version,
    position: o.position,
    reasoning: o.reasoning,
    alternativeProposal: o.alternative_proposal,
    attachments: o.attachments,
    respondedAt: o.responded_at.toISOString(),
    respondedBy: o.responded_by,
    late: o.late,
  };
}

export function stateOf({ row, invitations }: LoadedConsultation): ConsultationState {
  return { mode: row.mode, status: row.status, invited: invitations.map((i) => i.agency_code), deadline: row.deadline };
}

/** Reads consultations with their invitations; `forUpdate` locks the consultation row for a change. */
@Injectable()
export class ConsultationRepository {
  async load(manager: EntityManager, id: string, forUpdate = false): Promise<LoadedConsultation | null> {
    const [row] = await queryRows<ConsultationRow>(manager, `SELECT * FROM consultation WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
    if (!row) return null;
    const invitations = await queryRows<InvitationRow>(manager, `SELECT * FROM consultation_invitation WHERE consultation_id = $1 ORDER BY agency_code`, [id]);
    const opinions = await queryRows<OpinionRow>(manager, `SELECT * FROM consultation_opinion WHERE consultation_id = $1 ORDER BY agency_code, version`, [id]);
    return { row, invitations, opinions };
  }

  async listForCase(manager: EntityManager, caseId: string): Promise<LoadedConsultation[]> {
    const rows = await queryRows<ConsultationRow>(manager, `SELECT * FROM consultation WHERE case_id = $1 ORDER BY opened_at, id`, [caseId]);
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const invitations = await queryRows<InvitationRow>(
      manager,
      `SELECT * FROM consultation_invitation WHERE consultation_id = ANY($1::uuid[]) ORDER BY agency_code`,
      [ids],
    );
    const opinions = await queryRows<OpinionRow>(
      manager,
      `SELECT * FROM consultation_opinion WHERE consultation_id = ANY($1::uuid[]) ORDER BY agency_code, version`,
      [ids],
    );
    return rows.map((row) => ({
      row,
      invitations: invitations.filter((i) => i.consultation_id === row.id),
      opinions: opinions.filter((o) => o.consultation_id === row.id),
    }));
  }

  async insert(
    manager: EntityManager,
    c: {
      id: string;
      caseId: string;
      caseNumber: string;
      mode: ConsultationMode;
      subject: string;
      proposedHandling: string | null;
      deadline: Date | null;
      meetingAt: Date | null;
      location: string | null;
      link: string | null;
      leadAgencyCode: string;
      severity: Severity;
      visibleAgencies: string[];
      openedAt: Date;
      openedBy: string;
      openedByAgency: string;
    },
    invited: string[],
  ): Promise<void> {
    await manager.query(
      `INSERT INTO consultation (id, case_id, case_number, mode, subject, proposed_handling, deadline, meeting_at, location, link, lead_agency_code, severity,
                                 visible_agencies, opened_at, opened_by, opened_by_agency, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $14)`,
      [
        c.id,
        c.caseId,
        c.caseNumber,
        c.mode,
        c.subject,
        c.proposedHandling,
        c.deadline,
        c.meetingAt,
        c.location,
        c.link,
        c.leadAgencyCode,
        c.severity,
        c.visibleAgencies,
        c.openedAt,
        c.openedBy,
        c.openedByAgency,
      ],
    );
    await manager.query(`INSERT INTO consultation_invitation (consultation_id, agency_code) SELECT $1, unnest($2::text[])`, [c.id, invited]);
  }

  async insertDeadline(manager: EntityManager, id: string, consultationId: string, kind: string, dueAt: Date): Promise<void> {
    await manager.query(`INSERT INTO consultation_deadline (id, consultation_id, kind, due_at) VALUES ($1, $2, $3, $4)`, [id, consultationId, kind, dueAt]);
  }

  /** Records a new opinion version and makes it the invitation's latest answer. */
  async recordOpinion(
    manager: EntityManager,
    o: {
      consultationId: string;
      agencyCode: string;
      version: number;
      position: OpinionPosition;
      reasoning: string;
      alternativeProposal: string | null;
      attachments: string;
      respondedAt: Date;
      respondedBy: string;
      late: boolean;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO consultation_opinion (consultation_id, agency_code, version, position, reasoning, alternative_proposal, attachments, responded_at, responded_by, late)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10)`,
      [o.consultationId, o.agencyCode, o.version, o.position, o.reasoning, o.alternativeProposal, o.attachments, o.respondedAt, o.respondedBy, o.late],
    );
    await manager.query(
      `UPDATE consultation_invitation SET position = $3, reasoning = $4, alternative_proposal = $5, attachments = $6::jsonb, responded_at = $7, responded_by = $8, late = $9
        WHERE consultation_id = $1 AND agency_code = $2`,
      [o.consultationId, o.agencyCode, o.position, o.reasoning, o.alternativeProposal, o.attachments, o.respondedAt, o.respondedBy, o.late],
    );
  }

  async recordAttendance(manager: EntityManager, consultationId: string, agencyCode: string, present: boolean, representative: string | null): Promise<void> {
    await manager.query(`UPDATE consultation_invitation SET present = $3, representative = $4 WHERE consultation_id = $1 AND agency_code = $2`, [
      consultationId,
      agencyCode,
      present,
      representative,
    ]);
  }

  async recordMinutes(manager: EntityManager, consultationId: string, minutes: string, dissentingViews: DissentDto[]): Promise<void> {
    await manager.query(`UPDATE consultation SET minutes = $2, dissenting_views = $3::jsonb WHERE id = $1`, [
      consultationId,
      minutes,
      JSON.stringify(dissentingViews),
    ]);
  }

  /** Marks the consultation resolved and cancels its pending reminders and escalations, which no longer apply. */
  async resolve(
    manager: EntityManager,
    consultationId: string,
    summary: string,
    plan: PlannedActionDto[],
    resolvedAt: Date,
    resolvedBy: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE consultation SET status = 'RESOLVED', resolution_summary = $2, resolution_plan = $3::jsonb, resolved_at = $4, resolved_by = $5 WHERE id = $1`,
      [consultationId, summary, JSON.stringify(plan), resolvedAt, resolvedBy],
    );
    await manager.query(`UPDATE consultation_deadline SET cancelled_at = $2 WHERE consultation_id = $1 AND fired_at IS NULL AND cancelled_at IS NULL`, [
      consultationId,
      resolvedAt,
    ]);
  }

  /** The consultation row alone, locked for a deadline to fire on it. */
  async lockRow(manager: EntityManager, id: string): Promise<ConsultationRow | undefined> {
    const [row] = await queryRows<ConsultationRow>(manager, `SELECT * FROM consultation WHERE id = $1 FOR UPDATE`, [id]);
    return row;
  }

  /** Đ4.2: who a reminder or escalation is about: for a written consultation the agencies that have not answered, for a meeting everyone invited. */
  async pendingAgencies(manager: EntityManager, consultationId: string, mode: ConsultationMode): Promise<string[]> {
    const rows = await queryRows<{ agency_code: string }>(
      manager,
      `SELECT agency_code FROM consultation_invitation WHERE consultation_id = $1 AND ($2 = 'MEETING' OR responded_at IS NULL) ORDER BY agency_code`,
      [consultationId, mode],
    );
    return rows.map((r) => r.agency_code);
  }

  async markReminded(manager: EntityManager, consultationId: string, agencyCodes: string[]): Promise<void> {
    await manager.query(`UPDATE consultation_invitation SET reminded_at = now() WHERE consultation_id = $1 AND agency_code = ANY($2::text[])`, [
      consultationId,
      agencyCodes,
    ]);
  }

  async markEscalated(manager: EntityManager, consultationId: string, agencyCodes: string[]): Promise<void> {
    await manager.query(`UPDATE consultation_invitation SET escalated_at = now() WHERE consultation_id = $1 AND agency_code = ANY($2::text[])`, [
      consultationId,
      agencyCodes,
    ]);
  }

  async setVisibleAgencies(manager: EntityManager, consultationId: string, visibleAgencies: string[]): Promise<void> {
    await manager.query(`UPDATE consultation SET visible_agencies = $2 WHERE id = $1`, [consultationId, visibleAgencies]);
  }

  async touch(manager: EntityManager, id: string, now: Date): Promise<void> {
    await manager.query(`UPDATE consultation SET updated_at = $2 WHERE id = $1`, [id, now]);
  }

  /** Đ4.2: the open written consultations in which the agency still owes its opinion, soonest deadline first, with the total count. */
  async owedOpinions(manager: EntityManager, agencyCode: string, first: number): Promise<OwedOpinionRow[]> {
    return queryRows<OwedOpinionRow>(
      manager,
      `SELECT c.id, c.case_id, c.case_number, c.severity, c.deadline, count(*) OVER () AS total
         FROM consultation c JOIN consultation_invitation i ON i.consultation_id = c.id
        WHERE i.agency_code = $1 AND i.responded_at IS NULL AND c.status = 'OPEN' AND c.mode = 'WRITTEN'
        ORDER BY c.deadline ASC NULLS LAST, c.case_number LIMIT $2`,
      [agencyCode, first],
    );
  }
}
