import type { AgencyContacts } from '@phoi-hop/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'agency' })
export class AgencyEntity {
  @PrimaryColumn('text')
  code!: string;

  @Column('text')
  name!: string;

  @Column('text', { nullable: true })
  shortName!: string | null;

  @Column('text')
  kind!: string;

  @Column('text', { nullable: true })
  parentCode!: string | null;

  @Column('text', { nullable: true })
  localityCode!: string | null;

  @Column('date', { nullable: true })
  validFrom!: string | null;

  @Column('date', { nullable: true })
  validTo!: string | null;

  @Column('text', { nullable: true })
  successorCode!: string | null;

  /** Work contacts of the agency (not of persons). */
  @Column('jsonb', { default: () => "'{}'::jsonb" })
  contacts!: AgencyContacts;
}
