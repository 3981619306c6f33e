import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { IsCalendarDay } from '../common/calendar-day';
import { REFERENCE_CODE_PATTERN } from '../common/codes';
import type { ParticipantRole, Severity } from '../common/codes';
import type { Role } from '../common/actor';

/** The reference codes that place a case: its category, and optionally its locality and sector. */
export class CaseReferenceCodes {
  @IsString()
  @Matches(REFERENCE_CODE_PATTERN, { message: 'categoryCode must be an upper-case code' })
  categoryCode!: string;

  @IsOptional()
  @IsString()
  @Matches(REFERENCE_CODE_PATTERN, { message: 'localityCode must be an upper-case code' })
  localityCode?: string;

  @IsOptional()
  @IsString()
  @Matches(REFERENCE_CODE_PATTERN, { message: 'sectorCode must be an upper-case code' })
  sectorCode?: string;
}

/** `directory.case.route`: validates the reference codes of a case and answers who is responsible. */
export class RouteCaseRequest extends CaseReferenceCodes {
  /** The reported text, for the keyword rules (a journalist or press organ named: Đ6.3). */
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  text?: string;

  /** For rules on severity; default the category's default severity. */
  @IsOptional()
  @IsIn(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'])
  severity?: Severity;
}

/** Why each responsibility rule matched a hypothetical case, or did not. */
/** Why a responsibility rule matched a case or not; each label names the `params` it shows. */
export const RoutingReasons = [
  'ALWAYS',
  'CONDITIONS_HOLD',
  'CATEGORY_NOT_LISTED',
  'CATEGORY_TAGS_MISSING',
  'SECTOR_NOT_LISTED',
  'LOCALITY_NOT_LISTED',
  'SEVERITY_NOT_LISTED',
  'NO_KEYWORD',
  'NO_LOCALITY',
  'NO_SECTOR',
  'AGENCY_NOT_VALID',
] as const;
export type RoutingReason = (typeof RoutingReasons)[number];

export interface RuleExplanationDto {
  ruleId: string;
  article: string;
  matched: boolean;
  /** In English, for logs and developers; front ends label `reasonCode` with `params`. */
  reason: string;
  reasonCode: RoutingReason;
  /** What the label's placeholders name: category, tags, sector, locality, severity, listed, keywords, agency, day, successorOf. */
  params: Record<string, string>;
  agencyCode: string | null;
}

/** `directory.routing.explain`: a hypothetical case, routed with the rules in force on `asOf` (default today). */
/** The rules and reference data in force on a province day (default today). */
export class RoutingSnapshotRequest {
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'day must be a date YYYY-MM-DD' })
  day?: string;
}

export class ExplainRoutingRequest extends RouteCaseRequest {
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf must be a date YYYY-MM-DD' })
  asOf?: string;
}

export interface ExplainRoutingResponse {
  participants: ParticipantDto[];
  rules: RuleExplanationDto[];
  /** The version of the reference data used (0: as seeded). */
  referenceVersion: number;
  asOf: string;
}

export interface ParticipantDto {
  agencyCode: string;
  role: ParticipantRole;
  /** The articles of the regulation that put the agency there, e.g. "Đ6.2" or "Đ6.7; Đ7.2". */
  basis: string;
}

/** How long each step of a case may take at a severity (Đ3.2 "kịp thời"): province reference data. */
export interface SlaTargets {
  triageHours: number;
  decisionHours: number;
  /** How long a consultation may run before the lead agency is reminded and it is escalated (absent: no limit). */
  consultationHours?: number;
}

export type SlaPolicy = Record<Severity, SlaTargets>;

export interface RouteCaseResponse {
  participants: ParticipantDto[];
  defaultSeverity: Severity;
  category: { code: string; name: string; legalBases: string[] };
  /** The SLA policy in force today; the case keeps it. */
  sla: SlaPolicy;
  /** The version of the reference data and rules used (0: as seeded); the case keeps it. */
  referenceVersion: number;
}

export class AgencyGetManyRequest {
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  codes!: string[];
}

/** An agency's work contacts, for the other agencies. */
export interface AgencyContacts {
  email?: string;
  phone?: string;
  address?: string;
}

export interface AgencyDto {
  code: string;
  name: string;
  kind: string;
  parentCode: string | null;
  localityCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  successorCode: string | null;
  contacts: AgencyContacts;
}

export class UserGetRequest {
  @IsString()
  @MaxLength(128)
  username!: string;
}

/**
 * `directory.user.names`: who the people behind user ids are (who opened, decided or changed
 * something), as any officer may see them: name and agency, never roles or contacts.
 */
export class UserNamesRequest {
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  ids!: string[];
}

/** A person as others see them on a case. */
export interface UserNameDto {
  id: string;
  username: string;
  displayName: string;
  agencyCode: string;
  active: boolean;
}

/** `directory.user.resolve`: the officers behind usernames (for assigning them to a case). */
export class UserResolveRequest {
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(128, { each: true })
  usernames!: string[];
}

/** An officer as a coordinator may see them: work identity only. */
export interface OfficerDto {
  username: string;
  displayName: string;
  agencyCode: string;
  active: boolean;
}

export interface UserDto {
  id: string;
  username: string;
  displayName: string;
  agencyCode: string;
  roles: Role[];
  active: boolean;
}

export const AgencyKinds = ['DEPARTMENT', 'PEOPLES_COMMITTEE', 'PARTY_COMMITTEE', 'POLICE', 'PRESS_ORGAN', 'ASSOCIATION', 'OFFICE'] as const;
export type AgencyKindCode = (typeof AgencyKinds)[number];

/** What the province's seed calls a district-level unit. */
export const LocalityKinds = ['CITY', 'TOWN', 'DISTRICT'] as const;
export type LocalityKindCode = (typeof LocalityKinds)[number];

export class NewAgencyInput {
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  name!: string;

  @IsIn(AgencyKinds)
  kind!: (typeof AgencyKinds)[number];

  @IsOptional()
  @IsString()
  @Matches(REFERENCE_CODE_PATTERN)
  parentCode?: string;
}

/**
 * `directory.agency.reorganize`: agencies are merged or renamed from an effective date (2025:
 * provinces merged, districts abolished, departments merged). The retired agencies end the day
 * before; the successor (existing, or created from `newSuccessor`) takes over their open cases.
 */
export class ReorganizeAgenciesRequest {
  @IsCalendarDay({ message: 'effectiveDate must be a date YYYY-MM-DD' })
  effectiveDate!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Matches(REFERENCE_CODE_PATTERN, { each: true, message: 'retire must list agency codes' })
  retire!: string[];

  @IsString()
  @Matches(REFERENCE_CODE_PATTERN, { message: 'successorCode must be an upper-case code' })
  successorCode!: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => NewAgencyInput)
  newSuccessor?: NewAgencyInput;

  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}

export interface ReorganizeAgenciesResponse {
  effectiveDate: string;
  retired: AgencyDto[];
  successor: AgencyDto;
}

/** Payload of `evt.directory.agency.reorganized`. */
export interface AgenciesReorganizedEvent {
  effectiveDate: string;
  retired: string[];
  successorCode: string;
}

/** Đ4.3: the officers an agency assigns to this work, with their work contact only. */
export interface FocalPointDto {
  id: string;
  agencyCode: string;
  displayName: string;
  title: string;
  workPhone: string | null;
  workEmail: string | null;
  deputyId: string | null;
  active: boolean;
}

export class FocalPointListRequest {
  @IsString()
  @Matches(REFERENCE_CODE_PATTERN, { message: 'agencyCode must be an upper-case code' })
  agencyCode!: string;
}

export class FocalPointSetRequest extends FocalPointListRequest {
  /** Absent: a new focal point. */
  @IsOptional()
  @IsUUID('all')
  id?: string;

  @IsString()
  @MinLength(2)
  @MaxLength(200)
  displayName!: string;

  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title!: string;

  @IsOptional()
  @Matches(/^\+?[0-9 .()-]{6,20}$/, { message: 'workPhone must be a phone number' })
  workPhone?: string;

  @IsOptional()
  @IsEmail({}, { message: 'workEmail must be an e-mail address' })
  @MaxLength(200)
  workEmail?: string;

  /** The focal point who stands in when this one is away (same agency). */
  @IsOptional()
  @IsUUID('all')
  deputyId?: string;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** `directory.provision.resolve`: the legal provisions with these codes, as the taxonomy holds them. */
export class ResolveProvisionsRequest {
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  codes!: string[];
}

export interface ProvisionDto {
  code: string;
  citation: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  successorCode: string | null;
  /** The categories whose legal basis holds the provision: a decision cites only its case's category's. */
  categoryCodes: string[];
}

export const ReferenceKinds = ['AGENCY', 'LOCALITY', 'SECTOR', 'CATEGORY', 'RULE', 'SLA', 'PRESS_RULE', 'PUBLIC_HOLIDAY'] as const;
export type ReferenceKindCode = (typeof ReferenceKinds)[number];

/**
 * `directory.reference.edit` (ADMIN): a new version of one record of reference data, in force from
 * `validFrom` (default today; never in the past). `record` has the shape of the seed file's
 * entries (apps/directory/seed/README.md); SLA's code is the severity and its record
 * `{ triageHours, decisionHours }`; PUBLIC_HOLIDAY's code is its day (YYYY-MM-DD) and its record
 * `{ name }`. `retire` ends a locality, sector, category or rule, or removes a public holiday.
 * A press rule and a public holiday carry their own days, so their edits take effect today.
 */
export class EditReferenceRequest {
  @IsIn(ReferenceKinds)
  kind!: ReferenceKindCode;

  @IsString()
  @Matches(/^([A-Z][A-Z0-9_]{0,63}|\d{4}-\d{2}-\d{2})$/, {
    message: 'code must be a code such as D6_2_POLICE or LE_THUY (a public holiday: its day YYYY-MM-DD)',
  })
  code!: string;

  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'validFrom must be a date YYYY-MM-DD' })
  validFrom?: string;

  @IsOptional()
  @IsObject()
  record?: Record<string, unknown>;

  @IsOptional()
  @IsBoolean()
  retire?: boolean;

  @IsString()
  @MinLength(3)
  @MaxLength(2_000)
  reason!: string;
}

export interface ReferenceRevisionDto {
  id: number;
  kind: ReferenceKindCode;
  code: string;
  validFrom: string;
  /** Null: retired from that day. */
  record: Record<string, unknown> | null;
  reason: string;
  actorAgency: string | null;
  createdAt: string;
}

/** `directory.reference.history`: every version of one record, oldest first. */
export class ReferenceHistoryRequest {
  @IsIn(ReferenceKinds)
  kind!: ReferenceKindCode;

  @IsString()
  @MaxLength(64)
  code!: string;
}

/** Payload of `evt.directory.reference.changed`. */
export interface ReferenceChangedEvent {
  revisionId: number;
  kind: ReferenceKindCode;
  code: string;
  validFrom: string;
}
