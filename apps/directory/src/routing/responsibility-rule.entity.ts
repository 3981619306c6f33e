import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SeedRule } from '../seed/seed.types';

@Entity({ name: 'responsibility_rule' })
export class ResponsibilityRuleEntity {
  @PrimaryColumn('text')
  id!: string;

  @Column('int')
  position!: number;

  @Column('text')
  article!: string;

  @Column('text')
  description!: string;

  @Column('jsonb')
  condition!: SeedRule['when'];

  @Column('jsonb')
  target!: SeedRule['target'];

  @Column('text')
  role!: SeedRule['role'];

  @Column('boolean')
  active!: boolean;
}
