import { IsArray, IsOptional, IsString, Matches, MaxLength, ArrayMaxSize } from 'class-validator';
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
export class RouteCaseRequest extends CaseReferenceCodes {}

export interface ParticipantDto {
  agencyCode: string;
  role: ParticipantRole;
  /** The articles of the regulation that put the agency there, e.g. "Đ6.2" or "Đ6.7; Đ7.2". */
  basis: string;
}

export interface RouteCaseResponse {
  participants: ParticipantDto[];
  defaultSeverity: Severity;
  category: { code: string; name: string; legalBases: string[] };
}

export class AgencyGetManyRequest {
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  codes!: string[];
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
}

export class UserGetRequest {
  @IsString()
  @MaxLength(128)
  username!: string;
}

export interface UserDto {
  id: string;
  username: string;
  displayName: string;
  agencyCode: string;
  roles: Role[];
  active: boolean;
}
