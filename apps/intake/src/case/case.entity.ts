import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseStatus, ParticipantRole, PossibleDuplicateDto, Severity, SlaPolicy } from '@phoi-hop/contracts';

/** A case ("vụ việc"): one piece of harmful content, however many agencies reported it. */
@Entity({ name: 'handling_case' })
export class CaseEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('int')
  year!: number;

  @Column('int')
  seq!: number;

  @Column('text')
  number!: string;

  @Column('text')
  status!: CaseStatus;

  @Column('text')
  categoryCode!: string;

  @Column('text')
  severity!: Severity;

  @Column('text', { nullable: true })
  localityCode!: string | null;

  @Column('text', { nullable: true })
  sectorCode!: string | null;

  @Column('text')
  reporterAgencyCode!: string;

  /** Reporting agencies and participants: who may see the case (maySeeCase). */
  @Column('text', { array: true })
  visibleAgencies!: string[];

  @Column('jsonb')
  possibleDuplicates!: PossibleDuplicateDto[];

  @Column('jsonb')
  legalBases!: string[];

  /** The SLA policy in force when the case was opened (a case keeps the version that applied). */
  @Column('jsonb', { nullable: true })
  sla!: SlaPolicy | null;

  /** The category's default severity, where triage's suggestion starts from. */
  @Column('text', { nullable: true })
  defaultSeverity!: Severity | null;

  /** Usernames of the officers the coordinator assigned at triage. */
  @Column('text', { array: true, default: () => "'{}'" })
  assignedOfficers!: string[];

  @Column('timestamptz', { nullable: true })
  triagedAt!: Date | null;

  @Column('timestamptz')
  openedAt!: Date;

  /** MERGED: the case it went into. */
  @Column('uuid', { nullable: true })
  mergedInto!: string | null;

  /** The case its first report was split out of. */
  @Column('uuid', { nullable: true })
  splitFrom!: string | null;

  /** The version of the directory's reference data and rules the case was routed with. */
  @Column('int', { nullable: true })
  referenceVersion!: number | null;

  @Column('timestamptz')
  updatedAt!: Date;
}

@Entity({ name: 'case_participant' })
export class CaseParticipantEntity {
  @PrimaryColumn('uuid')
  caseId!: string;

  @PrimaryColumn('text')
  agencyCode!: string;

  @Column('text')
  role!: ParticipantRole;

  @Column('text')
  basis!: string;

  @Column('timestamptz')
  assignedAt!: Date;

  /** When the agency stopped being responsible (e.g. retired in a reorganisation); null while it is. */
  @Column('timestamptz', { nullable: true })
  endedAt!: Date | null;

  @Column('text', { nullable: true })
  replacedBy!: string | null;
}
