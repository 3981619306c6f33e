// The reference records routing reads (agencies, localities, sectors, categories, rules), as the
// directory's seed folder and its administrators' edits define them (apps/directory/seed/README.md).
import type { AgencyContacts, LocalityKindCode, ParticipantRole, Severity } from '@phoi-hop/contracts';

export const AgencyKinds = ['DEPARTMENT', 'PEOPLES_COMMITTEE', 'PARTY_COMMITTEE', 'POLICE', 'PRESS_ORGAN', 'ASSOCIATION', 'OFFICE'] as const;
export type AgencyKind = (typeof AgencyKinds)[number];

export { LocalityKinds } from '@phoi-hop/contracts';
export type LocalityKind = LocalityKindCode;

/** agencies.json: dates are calendar days (YYYY-MM-DD) in the province, both ends inclusive. */
export interface SeedAgency {
  code: string;
  name: string;
  shortName?: string | null;
  kind: AgencyKind;
  parentCode: string | null;
  localityCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  /** The agency that took over when this one was retired (reorganisation). */
  successorCode: string | null;
  /** Work contacts of the agency (e-mail, phone, address); never a person's. */
  contacts?: AgencyContacts;
}

/** localities.json */
export interface SeedLocality {
  code: string;
  name: string;
  kind: LocalityKind;
  /** The People's Committee of the locality (Đ6.7, Đ7.2). */
  committeeAgencyCode: string;
}

/** sectors.json */
export interface SeedSector {
  code: string;
  name: string;
  /** The department that manages the sector (Đ6.7). */
  departmentAgencyCode: string;
}

/** A versioned legal provision; its code is unique within its category. */
export interface SeedLegalBasis {
  code: string;
  citation: string;
  /** What the provision says, summarised in Vietnamese. */
  text: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  /** The provision (of the same category) that replaced this one. */
  successorCode: string | null;
  /** The citation is provisional and must be checked by the province's legal officers. */
  needsReview?: boolean;
}

/** categories.json */
export interface SeedCategory {
  code: string;
  name: string;
  description?: string;
  defaultSeverity: Severity;
  /** What rules test (`categoryTagsAny`), e.g. "security", "public-order", "fraud", "secrets". */
  tags: string[];
  legalBases: SeedLegalBasis[];
}

/** Every condition present must hold; `always: true` stands alone. */
export interface SeedRuleCondition {
  always?: boolean;
  categoryTagsAny?: string[];
  categoriesAny?: string[];
  sectorsAny?: string[];
  localitiesAny?: string[];
  /** The case's severity (default: its category's default severity). */
  severitiesAny?: Severity[];
  /** Words or phrases of the reported text (matched without diacritics or case, on word boundaries). */
  keywordsAny?: string[];
}

export type SeedRuleTarget = { agency: string } | { localityCommittee: true } | { sectorDepartment: true };

/** rules.json: one responsibility rule of Đ6–Đ7, applied in file order. */
export interface SeedRule {
  id: string;
  /** The clause(s) of the regulation, e.g. "Đ6.2" or "Đ6.7; Đ7.2". */
  article: string;
  description?: string;
  when: SeedRuleCondition;
  target: SeedRuleTarget;
  role: ParticipantRole;
}

