import type {
  CaseDecidedEvent,
  CaseDto,
  CaseOpenedEvent,
  CaseReassignedEvent,
  CaseStatusChangedEvent,
  EventEnvelope,
  ReportAttachedEvent,
  ReportDto,
} from '@phoi-hop/contracts';
import { DEFAULT_REPORT_CHANNEL, EventSubjects } from '@phoi-hop/contracts';
import type { CaseStatusEnum, ParticipantRoleEnum, SeverityEnum } from './case.enums';
import type { CaseEventModel } from './case-event.model';
import type { CaseModel } from './case.model';
import type { ReportModel } from './report.model';

export function toCaseModel(dto: CaseDto): CaseModel {
  return {
    ...dto,
    status: dto.status as CaseStatusEnum,
    severity: dto.severity as SeverityEnum,
    participants: dto.participants.map((p) => ({ ...p, role: p.role as ParticipantRoleEnum })),
    participantHistory: (dto.participantHistory ?? []).map((p) => ({ ...p, role: p.role as ParticipantRoleEnum })),
  };
}

/** A report as the API shows it: events written before reports had a channel were all agencies' reports. */
export function toReportModel(dto: ReportDto): ReportModel {
  return { ...dto, channel: dto.channel ?? DEFAULT_REPORT_CHANNEL };
}

/** An event as the subscriber sees it: the type without the service prefix, and its case or report. */
export function toCaseEventModel(envelope: EventEnvelope): CaseEventModel | null {
  // Intake's events keep their short names ("case.opened"); other services' name their service ("consultation.opinion.escalated").
  const type = envelope.type.replace(/^evt\.(intake\.)?/, '');
  switch (envelope.type) {
    case EventSubjects.intake.caseOpened: {
      const data = envelope.data as CaseOpenedEvent;
      return {
        id: envelope.id,
        type,
        occurredAt: envelope.occurredAt,
        caseId: envelope.aggregateId,
        caseNumber: data.case.number,
        case: toCaseModel(data.case),
        report: null,
      };
    }
    case EventSubjects.intake.reportAttached: {
      const data = envelope.data as ReportAttachedEvent;
      return {
        id: envelope.id,
        type,
        occurredAt: envelope.occurredAt,
        caseId: envelope.aggregateId,
        caseNumber: data.caseNumber,
        case: null,
        report: toReportModel(data.report),
      };
    }
    case EventSubjects.intake.caseDecided: {
      const data = envelope.data as CaseDecidedEvent;
      return { id: envelope.id, type, occurredAt: envelope.occurredAt, caseId: envelope.aggregateId, caseNumber: data.caseNumber, case: null, report: null };
    }
    case EventSubjects.intake.caseStatusChanged: {
      const data = envelope.data as CaseStatusChangedEvent;
      return { id: envelope.id, type, occurredAt: envelope.occurredAt, caseId: envelope.aggregateId, caseNumber: data.caseNumber, case: null, report: null };
    }
    case EventSubjects.intake.caseReassigned: {
      const data = envelope.data as CaseReassignedEvent;
      return { id: envelope.id, type, occurredAt: envelope.occurredAt, caseId: envelope.aggregateId, caseNumber: data.caseNumber, case: null, report: null };
    }
    default: {
      // Every other case event (actions, consultations) carries the case number and, where it has one, the consultation.
      const data = envelope.data as { caseNumber?: unknown; consultationId?: unknown };
      if (typeof data?.caseNumber !== 'string') return null;
      const consultationId = typeof data.consultationId === 'string' ? data.consultationId : null;
      return {
        id: envelope.id,
        type,
        occurredAt: envelope.occurredAt,
        caseId: envelope.aggregateId,
        caseNumber: data.caseNumber,
        case: null,
        report: null,
        consultationId,
      };
    }
  }
}
