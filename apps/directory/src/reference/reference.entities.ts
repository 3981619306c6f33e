import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SeedLegalBasis } from '../seed/seed.types';

/** Provisions are stored as the seed describes them (versioned, with successors). */
export type LegalBasisRecord = SeedLegalBasis;

@Entity({ name: 'locality' })
export class LocalityEntity {
  @PrimaryColumn('text')
  code!: string;

  @Column('text')
  name!: string;

  @Column('text')
  kind!: string;

  @Column('text')
  committeeAgencyCode!: string;
}

@Entity({ name: 'sector' })
export class SectorEntity {
  @PrimaryColumn('text')
  code!: string;

  @Column('text')
  name!: string;

  @Column('text')
  departmentAgencyCode!: string;
}

@Entity({ name: 'category' })
export class CategoryEntity {
  @PrimaryColumn('text')
  code!: string;

  @Column('text')
  name!: string;

  @Column('text')
  description!: string;

  @Column('text')
  defaultSeverity!: 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

  @Column('text', { array: true })
  tags!: string[];

  @Column('jsonb')
  legalBases!: LegalBasisRecord[];
}

@Entity({ name: 'province' })
export class ProvinceEntity {
  @PrimaryColumn('text')
  code!: string;

  @Column('text')
  name!: string;

  @Column('text')
  caseNumberPrefix!: string;
}
