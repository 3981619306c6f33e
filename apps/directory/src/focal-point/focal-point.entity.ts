import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Đ4.3: an officer an agency assigns to this work. Work contact only, nothing personal. */
@Entity({ name: 'focal_point' })
export class FocalPointEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  agencyCode!: string;

  @Column('text')
  displayName!: string;

  @Column('text')
  title!: string;

  @Column('text', { nullable: true })
  workPhone!: string | null;

  @Column('text', { nullable: true })
  workEmail!: string | null;

  @Column('uuid', { nullable: true })
  deputyId!: string | null;

  @Column('boolean')
  active!: boolean;

  @Column('timestamptz')
  updatedAt!: Date;
}
