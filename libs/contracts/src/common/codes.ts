/** Reference codes (agencies, categories, localities, sectors) are upper-case identifiers. */
export const REFERENCE_CODE_PATTERN = /^[A-Z][A-Z0-9_]{0,63}$/;

export const Severities = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type Severity = (typeof Severities)[number];

export const ParticipantRoles = ['LEAD', 'PARTICIPANT', 'INFORMED'] as const;
export type ParticipantRole = (typeof ParticipantRoles)[number];
