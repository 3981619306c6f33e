import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReportChannel } from '@phoi-hop/contracts';

/**
 * One agency's report of harmful content. It names the public content (URL, excerpt), never its
 * author; `reporterUserId` is the reporting officer of the agency.
 */
@Entity({ name: 'report' })
export class ReportEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  caseId!: string;

  @Column('text')
  url!: string;

  @Column('text')
  canonicalUrl!: string;

  @Column('text')
  contentKey!: string;

  @Column('text')
  excerpt!: string;

  @Column('text')
  categoryCode!: string;

  @Column('text', { nullable: true })
  localityCode!: string | null;

  @Column('text', { nullable: true })
  sectorCode!: string | null;

  @Column('timestamptz', { nullable: true })
  observedAt!: Date | null;

  @Column('text', { nullable: true })
  note!: string | null;

  /** How the report reached the platform (AGENCY for every report made before channels existed). */
  @Column('text', { default: 'AGENCY' })
  channel!: ReportChannel;

  @Column('text')
  reporterAgencyCode!: string;

  @Column('text')
  reporterUserId!: string;

  @Column('timestamptz')
  submittedAt!: Date;

  @Column('bytea', { select: false })
  minhash!: Buffer;

  @Column('bigint', { array: true, select: false })
  bandKeys!: string[];

  @Column('real', { nullable: true })
  similarity!: number | null;

  /** The reach (views, shares, members) the reporting agency estimated, if it did. */
  @Column('bigint', { nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  estimatedReach!: number | null;
}
