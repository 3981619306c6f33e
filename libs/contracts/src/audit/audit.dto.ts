import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

/** `<service>.audit.trail`: the audit entries about one target, newest first (AUDITOR, ADMIN). */
export class AuditTrailRequest {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  targetId!: string;

  @IsInt()
  @Min(1)
  @Max(200)
  first!: number;

  /** Entries older than this sequence number of the service's chain. */
  @IsOptional()
  @IsInt()
  @Min(1)
  beforeSeq?: number;
}

export interface AuditEntryDto {
  service: string;
  seq: number;
  id: string;
  at: string;
  actorUserId: string | null;
  actorAgency: string | null;
  action: string;
  targetType: string;
  targetId: string;
  summary: Record<string, unknown>;
  traceId: string | null;
  hash: string;
}

export interface AuditTrailResponse {
  entries: AuditEntryDto[];
  hasMore: boolean;
  /** Every entry of the service's chain about the target. */
  totalCount: number;
}
