import { CaseDeadlineKinds, CaseStatuses, ParticipantRoles, Severities, type CaseDeadlineKind, type CaseStatus, type ParticipantRole, type Severity } from '@phoi-hop/contracts';
import { contractEnum } from '../common/contract-enum';

export const CaseStatusEnum = contractEnum('CaseStatus', CaseStatuses, 'Where a case stands in its handling (Đ4–Đ7); intake’s state machine says which moves are legal.', {
  OPEN: 'Reported, not yet triaged by the lead agency',
  TRIAGED: 'Triaged: severity set, officers assigned (Đ4.2)',
  IN_CONSULTATION: 'The agencies are being consulted by a meeting or in writing (Đ4.2, Đ5.3)',
  DECIDED: 'Decided with a statement of reasons; handling actions planned (Đ5)',
  ACTING: 'Handling actions are being carried out (Đ6)',
  CLOSED: 'Every handling action done; closed with an outcome',
  DISMISSED: 'Dismissed with a reason (nothing to handle)',
  MERGED: 'Merged into another case about the same content',
});
export type CaseStatusEnum = CaseStatus;

export const SeverityEnum = contractEnum('Severity', Severities, 'How harmful the content is; sets the triage and decision deadlines (SLA).', {
  LOW: 'Low: little reach or harm',
  MEDIUM: 'Medium',
  HIGH: 'High: wide reach or serious harm',
  CRITICAL: 'Critical: immediate danger (panic during a disaster, public order); escalated at once',
});
export type SeverityEnum = Severity;

export const ParticipantRoleEnum = contractEnum('ParticipantRole', ParticipantRoles, 'Why an agency takes part in a case (Đ6, Đ7.1)', {
  LEAD: 'The lead agency that steers the case (Đ6.1)',
  PARTICIPANT: 'An agency responsible for part of the handling, by the article cited in basis',
  INFORMED: 'An agency kept informed, without a duty to act',
});
export type ParticipantRoleEnum = ParticipantRole;

export const CaseDeadlineKindEnum = contractEnum('CaseDeadlineKind', CaseDeadlineKinds, 'What a deadline of a case is for (Đ3.2: timely handling)', {
  TRIAGE: 'The lead agency triages the case (SLA by severity)',
  DECISION: 'The case is decided (SLA by severity)',
  CONSULTATION: 'Invited agencies give their written opinions',
  ACTION: 'The assignee completes a handling action by its due date',
});
export type CaseDeadlineKindEnum = CaseDeadlineKind;
