import { registerEnumType } from '@nestjs/graphql';
import { CaseStatuses, ParticipantRoles, Severities } from '@phoi-hop/contracts';

export enum CaseStatusEnum {
  OPEN = 'OPEN',
  TRIAGED = 'TRIAGED',
  IN_CONSULTATION = 'IN_CONSULTATION',
  DECIDED = 'DECIDED',
  ACTING = 'ACTING',
  CLOSED = 'CLOSED',
  DISMISSED = 'DISMISSED',
  MERGED = 'MERGED',
}
export enum SeverityEnum {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  CRITICAL = 'CRITICAL',
}
export enum ParticipantRoleEnum {
  LEAD = 'LEAD',
  PARTICIPANT = 'PARTICIPANT',
  INFORMED = 'INFORMED',
}
registerEnumType(CaseStatusEnum, { name: 'CaseStatus' });
registerEnumType(SeverityEnum, { name: 'Severity' });
registerEnumType(ParticipantRoleEnum, { name: 'ParticipantRole', description: 'LEAD (Đ6.1), PARTICIPANT, INFORMED' });

// The GraphQL enums must list exactly the contract values.
const sameValues = (a: readonly string[], b: object) => a.length === Object.keys(b).length && a.every((v) => v in b);
if (!sameValues(CaseStatuses, CaseStatusEnum) || !sameValues(Severities, SeverityEnum) || !sameValues(ParticipantRoles, ParticipantRoleEnum)) {
  throw new Error('GraphQL enums are out of step with @phoi-hop/contracts');
}
