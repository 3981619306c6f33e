import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An API key of a machine client (a ministry system, a monitoring feed): the secret's hash only. */
@Entity({ name: 'api_key' })
export class ApiKeyEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text')
  agencyCode!: string;

  @Column('text', { array: true })
  scopes!: string[];

  /** SHA-256 of the secret, hex; never leaves the directory. */
  @Column('text')
  secretHash!: string;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('text')
  createdBy!: string;

  @Column('timestamptz', { nullable: true })
  expiresAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  lastUsedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  revokedAt!: Date | null;

  @Column('text', { nullable: true })
  revokedBy!: string | null;

  @Column('text', { nullable: true })
  revokedReason!: string | null;
}
