import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, ErrorCodes, Severities, type Severity, type SlaPolicy } from '@phoi-hop/contracts';
import { queryRows } from '@phoi-hop/persistence';
import { AgencyEntity } from '../agency/agency.entity';
import { ResponsibilityRuleEntity } from '../routing/responsibility-rule.entity';
import type { ProvinceSeed, SeedAgency, SeedCategory, SeedLocality, SeedSector } from '../seed/seed.types';
import type { ReferenceKind, ReferenceRevision } from './reference-state';
import { CategoryEntity, LocalityEntity, ProvinceEntity, SectorEntity } from './reference.entities';

/** The reference data as stored: the seeded tables (the base) and the administrators' versions. */
@Injectable()
export class ReferenceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The base, shaped as a seed folder (so the seed's validation applies to edits too); the SLA in force on `day`. */
  async loadBase(manager: EntityManager | null, day: string): Promise<ProvinceSeed> {
    const m = manager ?? this.dataSource.manager;
    // One after another: inside a transaction they share one connection.
    const province = await m.getRepository(ProvinceEntity).find();
    const agencies = await m.getRepository(AgencyEntity).find({ order: { code: 'ASC' } });
    const localities = await m.getRepository(LocalityEntity).find({ order: { code: 'ASC' } });
    const sectors = await m.getRepository(SectorEntity).find({ order: { code: 'ASC' } });
    const categories = await m.getRepository(CategoryEntity).find({ order: { code: 'ASC' } });
    const rules = await m.getRepository(ResponsibilityRuleEntity).find({ where: { active: true }, order: { position: 'ASC' } });
    const sla = await this.slaOn(m, day);
    const p = province[0];
    if (!p) throw new DomainError(ErrorCodes.UNAVAILABLE, 'The directory has no province loaded');
    return {
      province: { code: p.code, name: p.name, caseNumberPrefix: p.caseNumberPrefix, sla },
      agencies: agencies.map(({ code, name, shortName, kind, parentCode, localityCode, validFrom, validTo, successorCode, contacts }) => ({ code, name, shortName, kind, parentCode, localityCode, validFrom, validTo, successorCode, contacts: contacts ?? {} }) as SeedAgency),
      localities: localities.map(({ code, name, kind, committeeAgencyCode }) => ({ code, name, kind, committeeAgencyCode }) as SeedLocality),
      sectors: sectors.map(({ code, name, departmentAgencyCode }) => ({ code, name, departmentAgencyCode }) as SeedSector),
      categories: categories.map(({ code, name, description, defaultSeverity, tags, legalBases }) => ({ code, name, description, defaultSeverity, tags, legalBases }) as SeedCategory),
      rules: rules.map((r) => ({ id: r.id, article: r.article, description: r.description, when: r.condition, target: r.target, role: r.role })),
      users: [],
    };
  }

  async loadRevisions(manager: EntityManager | null): Promise<ReferenceRevision[]> {
    const rows = await queryRows<{ id: number; kind: ReferenceKind; code: string; valid_from: string; record: Record<string, unknown> | null; in_base: boolean }>(
      manager ?? this.dataSource.manager,
      `SELECT id, kind, code, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, record, in_base FROM reference_revision ORDER BY valid_from, id`,
    );
    return rows.map((r) => ({ id: r.id, kind: r.kind, code: r.code, validFrom: r.valid_from, record: r.record, inBase: r.in_base }));
  }

  /** The version of each severity's SLA in force on `day` (the latest that has started). */
  async slaOn(manager: EntityManager, day: string): Promise<SlaPolicy> {
    const rows = await queryRows<{ severity: Severity; triage_hours: string; decision_hours: string; consultation_hours: string | null }>(
      manager,
      `SELECT DISTINCT ON (severity) severity, triage_hours, decision_hours, consultation_hours FROM sla_policy WHERE valid_from <= $1 ORDER BY severity, valid_from DESC`,
      [day],
    );
    const policy = Object.fromEntries(
      rows.map((r) => [r.severity, { triageHours: Number(r.triage_hours), decisionHours: Number(r.decision_hours), ...(r.consultation_hours !== null ? { consultationHours: Number(r.consultation_hours) } : {}) }]),
    ) as Partial<SlaPolicy>;
    const missing = Severities.filter((severity) => !policy[severity]);
    if (missing.length) throw new DomainError(ErrorCodes.UNAVAILABLE, `No SLA policy in force for ${missing.join(', ')}`);
    return policy as SlaPolicy;
  }
}
