/** The files of a province seed folder (see apps/directory/seed/README.md). */

export type Severity = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
export type AgencyKind = 'DEPARTMENT' | 'PEOPLES_COMMITTEE' | 'PARTY_COMMITTEE' | 'POLICE' | 'PRESS_ORGAN' | 'ASSOCIATION' | 'OFFICE';

export interface SeedProvince {
  code: string;
  name: string;
  caseNumberPrefix: string;
}

export interface SeedAgency {
  code: string;
  name: string;
  shortName?: string | null;
  kind: AgencyKind;
  parentCode: string | null;
  localityCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  successorCode: string | null;
}

export interface SeedLocality {
  code: string;
  name: string;
  kind: 'CITY' | 'TOWN' | 'DISTRICT';
  committeeAgencyCode: string;
}

export interface SeedSector {
  code: string;
  name: string;
  departmentAgencyCode: string;
}

export interface SeedLegalBasis {
  code: string;
  citation: string;
  text?: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  successorCode: string | null;
  needsReview?: boolean;
}

export interface SeedCategory {
  code: string;
  name: string;
  description?: string;
  defaultSeverity: Severity;
  tags: string[];
  legalBases: SeedLegalBasis[];
}

export interface SeedRuleCondition {
  always?: boolean;
  categoryTagsAny?: string[];
  categoriesAny?: string[];
  sectorsAny?: string[];
  localitiesAny?: string[];
  /** Words or phrases of the reported text (matched without diacritics or case, on word boundaries). */
  keywordsAny?: string[];
}

export type SeedRuleTarget = { agency: string } | { localityCommittee: true } | { sectorDepartment: true };

export interface SeedRule {
  id: string;
  article: string;
  description?: string;
  when: SeedRuleCondition;
  target: SeedRuleTarget;
  role: 'LEAD' | 'PARTICIPANT' | 'INFORMED';
}

export interface SeedUser {
  username: string;
  displayName: string;
  agencyCode: string;
  roles: string[];
}

export interface ProvinceSeed {
  province: SeedProvince;
  agencies: SeedAgency[];
  localities: SeedLocality[];
  sectors: SeedSector[];
  categories: SeedCategory[];
  rules: SeedRule[];
  users: SeedUser[];
}
