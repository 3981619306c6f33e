import { AgencyKinds, ReferenceKinds, Roles, type ReferenceKindCode, type Role } from '@phoi-hop/contracts';
import { contractEnum } from '../common/contract-enum';

export type AgencyKind = (typeof AgencyKinds)[number];

export const AgencyKindEnum = contractEnum('AgencyKind', AgencyKinds, 'What kind of body an agency is', {
  DEPARTMENT: 'A department of the provincial People’s Committee (Sở)',
  PEOPLES_COMMITTEE: 'A People’s Committee (province, district, commune)',
  PARTY_COMMITTEE: 'A body of the Party committee (Ban Tuyên giáo, Ban Nội chính)',
  POLICE: 'The police',
  PRESS_ORGAN: 'A press organ (newspaper, radio and television, portal)',
  ASSOCIATION: 'An association (the press association)',
  OFFICE: 'An office (Văn phòng UBND)',
});
export type AgencyKindEnum = AgencyKind;

export const RoleEnum = contractEnum('Role', Object.values(Roles), 'What a user or API client may do; the policy table says which operations each role may call', {
  ADMIN: 'Administers users, API keys and reference data',
  COORDINATOR: 'Steers cases at the lead agency: triage, consultation, decision, closing (Đ4.2, Đ6.1)',
  OFFICER: 'Reports content and carries out handling actions for their agency',
  INVESTIGATOR: 'A police officer: referrals and evidence (Đ6.2)',
  ETHICS_OFFICER: 'The press association’s officer for journalists’ conduct (Đ6.3)',
  LEADER: 'Reads cases and reports of their agency',
  AUDITOR: 'Reads the audit trail',
  API_CLIENT: 'A machine client with an API key, scoped to operations',
});
export type RoleEnum = Role;

export const ReferenceKindEnum = contractEnum('ReferenceKind', ReferenceKinds, 'A kind of reference data, versioned by the day it takes effect', {
  AGENCY: 'An agency',
  LOCALITY: 'A locality (district, town)',
  SECTOR: 'A sector and the department responsible for it',
  CATEGORY: 'A category of harmful information with its legal basis',
  RULE: 'A responsibility rule of Đ6–Đ7',
  SLA: 'Triage and decision deadlines per severity',
});
export type ReferenceKindEnum = ReferenceKindCode;
