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
    invitations: invitations.map(
      (i): InvitationDto => ({
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
      }),
    ),
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
    const invitations = await queryRows<InvitationRow>(manager, `SELECT * FROM consultation_invitation WHERE consultation_id = ANY($1::uuid[]) ORDER BY agency_code`, [ids]);
    const opinions = await queryRows<OpinionRow>(manager, `SELECT * FROM consultation_opinion WHERE consultation_id = ANY($1::uuid[]) ORDER BY agency_code, version`, [ids]);
    return rows.map((row) => ({ row, invitations: invitations.filter((i) => i.consultation_id === row.id), opinions: opinions.filter((o) => o.consultation_id === row.id) }));
  }
}
