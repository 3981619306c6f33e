import type { CaseDeadlineKind, CaseStatus, ParticipantRole, ReportChannel, Severity } from '@phoi-hop/contracts';
import { labelledEnum } from '../common/labelled-enum';

export const CaseStatusEnum = labelledEnum('CaseStatus', 'Where a case stands in its handling (Đ4–Đ7); intake’s state machine says which moves are legal.');
export type CaseStatusEnum = CaseStatus;

export const SeverityEnum = labelledEnum('Severity', 'How harmful the content is; sets the triage and decision deadlines (SLA).');
export type SeverityEnum = Severity;

export const ParticipantRoleEnum = labelledEnum('ParticipantRole', 'Why an agency takes part in a case (Đ6, Đ7.1)');
export type ParticipantRoleEnum = ParticipantRole;

export const CaseDeadlineKindEnum = labelledEnum('CaseDeadlineKind', 'What a deadline of a case is for (Đ3.2: timely handling)');
export type CaseDeadlineKindEnum = CaseDeadlineKind;

export const ReportChannelEnum = labelledEnum('ReportChannel', 'How a report reached the platform (Đ4.1, Đ6.1, Đ7.1)');
export type ReportChannelEnum = ReportChannel;
