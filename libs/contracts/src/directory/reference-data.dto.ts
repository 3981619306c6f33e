import { IsOptional } from 'class-validator';
import { IsCalendarDay } from '../common/calendar-day';
import type { ParticipantRole, Severity } from '../common/codes';
import type { AgencyKindCode, SlaPolicy } from './directory.dto';
import type { PressRuleDto, PublicHolidayDto } from '../press/press.dto';

/** `directory.reference.data`: the reference data in force on a province day (default today), for front ends. */
export class ReferenceDataRequest {
  @IsOptional()
  @IsCalendarDay()
  asOf?: string;
}

/** A legal provision a category cites, with the days it is in force (both ends inclusive; null: open). */
export interface LegalProvisionDto {
  code: string;
  citation: string;
  /** What the provision says, summarised in Vietnamese. */
  text: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  successorCode: string | null;
  /** The citation is provisional and must be checked by the province's legal officers. */
  needsReview: boolean;
}

export interface CategoryRefDto {
  code: string;
  /** Vietnamese label. */
  name: string;
  description: string | null;
  defaultSeverity: Severity;
  tags: string[];
  /** The provisions in force on the day. */
  legalBases: LegalProvisionDto[];
}

export interface LocalityRefDto {
  code: string;
  name: string;
  /** CITY, TOWN or DISTRICT, as the province's seed calls them. */
  kind: string;
  committeeAgencyCode: string;
}

export interface SectorRefDto {
  code: string;
  name: string;
  departmentAgencyCode: string;
}

export interface AgencyRefDto {
  code: string;
  name: string;
  shortName: string | null;
  kind: AgencyKindCode;
  parentCode: string | null;
  localityCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  successorCode: string | null;
}

/** A responsibility rule of Đ6–Đ7 as a front end explains it: its article and what it says in Vietnamese. */
export interface RuleRefDto {
  id: string;
  article: string;
  description: string | null;
  role: ParticipantRole;
}

export interface ReferenceDataDto {
  /** The province day it is in force on. */
  day: string;
  /** The version of the reference data (0: as seeded). */
  version: number;
  categories: CategoryRefDto[];
  localities: LocalityRefDto[];
  sectors: SectorRefDto[];
  agencies: AgencyRefDto[];
  rules: RuleRefDto[];
  sla: SlaPolicy;
  /** Đ6.3: the press association's rules in force on the day, article by article. */
  pressRules: PressRuleDto[];
  /** The province's public holidays (every one known): not working days. */
  publicHolidays: PublicHolidayDto[];
}
