// The files of a province seed folder, field by field: see apps/directory/seed/README.md.
import type { ParticipantRole, PressRuleSet, Severity, SlaPolicy } from '@phoi-hop/contracts';
import type { SeedAgency, SeedCategory, SeedLocality, SeedRule, SeedSector } from '@phoi-hop/routing';

export type { ParticipantRole, Severity };
// The reference records that routing reads are shared with the services that route (libs/routing).
export { AgencyKinds, LocalityKinds } from '@phoi-hop/routing';
export type {
  AgencyKind,
  LocalityKind,
  SeedAgency,
  SeedCategory,
  SeedLegalBasis,
  SeedLocality,
  SeedRule,
  SeedRuleCondition,
  SeedRuleTarget,
  SeedSector,
} from '@phoi-hop/routing';

/** province.json */
export interface SeedProvince {
  code: string;
  name: string;
  /** First part of case numbers, e.g. "QB" in QB-2026-000042. */
  caseNumberPrefix: string;
  /** Hours allowed for triage and for the decision, per severity (every severity listed). */
  sla: SlaPolicy;
}

/** users.json: development accounts, work identity only. */
export interface SeedUser {
  username: string;
  displayName: string;
  agencyCode: string;
  roles: string[];
}

/** press-rules.json: the press association's codes of conduct, article by article (Đ6.3). */
export interface SeedPressRule {
  code: string;
  ruleSet: PressRuleSet;
  article: string;
  title: string;
  text: string;
  source: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  successorCode: string | null;
  /** The text is a summary still to be checked against the official one. */
  needsReview?: boolean;
}

/** public-holidays.json: days that are not working days in the province. */
export interface SeedPublicHoliday {
  day: string;
  name: string;
  needsReview?: boolean;
}

export interface ProvinceSeed {
  province: SeedProvince;
  agencies: SeedAgency[];
  localities: SeedLocality[];
  sectors: SeedSector[];
  categories: SeedCategory[];
  rules: SeedRule[];
  users: SeedUser[];
  /** Optional files: a province without them has no press rules or holidays. */
  pressRules?: SeedPressRule[];
  publicHolidays?: SeedPublicHoliday[];
}
