// The files of a province seed folder, field by field: see apps/directory/seed/README.md.
import type { ParticipantRole, Severity, SlaPolicy } from '@phoi-hop/contracts';
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

export interface ProvinceSeed {
  province: SeedProvince;
  agencies: SeedAgency[];
  localities: SeedLocality[];
  sectors: SeedSector[];
  categories: SeedCategory[];
  rules: SeedRule[];
  users: SeedUser[];
}
