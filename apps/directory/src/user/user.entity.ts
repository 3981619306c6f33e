import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@phoi-hop/contracts';

/** A directory user: work identity only (name, agency, roles); no personal documents. */
@Entity({ name: 'app_user' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text', { unique: true })
  username!: string;

  @Column('text')
  displayName!: string;

  @Column('text')
  agencyCode!: string;

  @Column('text', { array: true })
  roles!: Role[];

  @Column('boolean')
  active!: boolean;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz')
  updatedAt!: Date;

  @Column('timestamptz', { nullable: true })
  disabledAt!: Date | null;

  @Column('text', { nullable: true })
  disabledReason!: string | null;

  /** The identity provider whose `subject` this user is (with `subject`, or neither). */
  @Column('text', { nullable: true })
  subjectIssuer!: string | null;

  @Column('text', { nullable: true })
  subject!: string | null;
}
