import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, ErrorCodes, Severities, type PressRuleDto, type PublicHolidayDto, type Severity, type SlaPolicy } from '@phoi-hop/contracts';
import { queryRows } from '@phoi-hop/persistence';
import { AgencyEntity } from '../agency/agency.entity';
import { ResponsibilityRuleEntity } from '../routing/responsibility-rule.entity';
import type { ProvinceSeed, SeedAgency, SeedCategory, SeedLocality, SeedPressRule, SeedPublicHoliday, SeedSector } from '../seed/seed.types';
import type { ReferenceKind, ReferenceRevision } from './reference-state';
import { CategoryEntity, LocalityEntity, ProvinceEntity, SectorEntity } from './reference.entities';

export interface RevisionHistoryRow {
  id: number;
  valid_from: string;
  record: Record<string, unknown> | null;
  reason: string;
  actor_agency: string | null;
  created_at: Date;
}

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
    const press = await this.pressReference(m);
    const p = province[0];
    if (!p) throw new DomainError(ErrorCodes.UNAVAILABLE, 'The directory has no province loaded');
    return {
      province: { code: p.code, name: p.name, caseNumberPrefix: p.caseNumberPrefix, sla },
      agencies: agencies.map(
        ({ code, name, shortName, kind, parentCode, localityCode, validFrom, validTo, successorCode, contacts }) =>
          ({ code, name, shortName, kind, parentCode, localityCode, validFrom, validTo, successorCode, contacts: contacts ?? {} }) as SeedAgency,
      ),
      localities: localities.map(({ code, name, kind, committeeAgencyCode }) => ({ code, name, kind, committeeAgencyCode }) as SeedLocality),
      sectors: sectors.map(({ code, name, departmentAgencyCode }) => ({ code, name, departmentAgencyCode }) as SeedSector),
      categories: categories.map(
        ({ code, name, description, defaultSeverity, tags, legalBases }) => ({ code, name, description, defaultSeverity, tags, legalBases }) as SeedCategory,
      ),
      rules: rules.map((r) => ({ id: r.id, article: r.article, description: r.description, when: r.condition, target: r.target, role: r.role })),
      users: [],
      pressRules: press.pressRules,
      publicHolidays: press.publicHolidays.map(({ day, name, needsReview }) => ({ day, name, needsReview })),
    };
  }

  /** The press association's rules (Đ6.3) and the province's public holidays, as seeded. */
  async pressReference(manager: EntityManager | null): Promise<{ pressRules: PressRuleDto[]; publicHolidays: PublicHolidayDto[] }> {
    const m = manager ?? this.dataSource.manager;
    const rules = await queryRows<{
      code: string;
      rule_set: PressRuleDto['ruleSet'];
      article: string;
      title: string;
      text: string;
      source: string;
      effective_from: string | null;
      effective_to: string | null;
      successor_code: string | null;
      needs_review: boolean;
    }>(
      m,
      `SELECT code, rule_set, article, title, text, source, to_char(effective_from, 'YYYY-MM-DD') AS effective_from,
              to_char(effective_to, 'YYYY-MM-DD') AS effective_to, successor_code, needs_review
         FROM press_rule ORDER BY rule_set, code`,
    );
    const holidays = await queryRows<{ day: string; name: string; needs_review: boolean }>(
      m,
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, name, needs_review FROM public_holiday ORDER BY day`,
    );
    return {
      pressRules: rules.map((r) => ({
        code: r.code,
        ruleSet: r.rule_set,
        article: r.article,
        title: r.title,
        text: r.text,
        source: r.source,
        effectiveFrom: r.effective_from,
        effectiveTo: r.effective_to,
        successorCode: r.successor_code,
        needsReview: r.needs_review,
      })),
      publicHolidays: holidays.map((h) => ({ day: h.day, name: h.name, needsReview: h.needs_review })),
    };
  }

  /** An administrator's version of a press rule, in place of the one stored (rulings keep the rules they cited). */
  async upsertPressRule(manager: EntityManager, r: Required<SeedPressRule>): Promise<void> {
    await manager.query(
      `INSERT INTO press_rule (code, rule_set, article, title, text, source, effective_from, effective_to, successor_code, needs_review)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (code) DO UPDATE SET rule_set = EXCLUDED.rule_set, article = EXCLUDED.article, title = EXCLUDED.title, text = EXCLUDED.text,
         source = EXCLUDED.source, effective_from = EXCLUDED.effective_from, effective_to = EXCLUDED.effective_to,
         successor_code = EXCLUDED.successor_code, needs_review = EXCLUDED.needs_review`,
      [r.code, r.ruleSet, r.article, r.title, r.text, r.source, r.effectiveFrom, r.effectiveTo, r.successorCode, r.needsReview],
    );
  }

  async upsertPublicHoliday(manager: EntityManager, h: Required<SeedPublicHoliday>): Promise<void> {
    await manager.query(
      `INSERT INTO public_holiday (day, name, needs_review) VALUES ($1, $2, $3)
       ON CONFLICT (day) DO UPDATE SET name = EXCLUDED.name, needs_review = EXCLUDED.needs_review`,
      [h.day, h.name, h.needsReview],
    );
  }

  async deletePublicHoliday(manager: EntityManager, day: string): Promise<void> {
    await manager.query(`DELETE FROM public_holiday WHERE day = $1`, [day]);
  }

  async loadRevisions(manager: EntityManager | null): Promise<ReferenceRevision[]> {
    const rows = await queryRows<{
      id: number;
      kind: ReferenceKind;
      code: string;
      valid_from: string;
      record: Record<string, unknown> | null;
      in_base: boolean;
    }>(
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
      rows.map((r) => [
        r.severity,
        {
          triageHours: Number(r.triage_hours),
          decisionHours: Number(r.decision_hours),
          ...(r.consultation_hours !== null ? { consultationHours: Number(r.consultation_hours) } : {}),
        },
      ]),
    ) as Partial<SlaPolicy>;
    const missing = Severities.filter((severity) => !policy[severity]);
    if (missing.length) throw new DomainError(ErrorCodes.UNAVAILABLE, `No SLA policy in force for ${missing.join(', ')}`);
    return policy as SlaPolicy;
  }

  /** One edit at a time across replicas, until the caller's transaction ends. */
  async lockEdits(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('directory:reference'))`);
  }

  /** The id of the version of `kind` `code` that takes effect on `validFrom`, if there is one. */
  async revisionIdOn(manager: EntityManager, kind: ReferenceKind, code: string, validFrom: string): Promise<number | null> {
    const [taken] = await queryRows<{ id: number }>(manager, `SELECT id FROM reference_revision WHERE kind = $1 AND code = $2 AND valid_from = $3`, [
      kind,
      code,
      validFrom,
    ]);
    return taken ? taken.id : null;
  }

  async insertSlaPolicy(
    manager: EntityManager,
    severity: string,
    validFrom: string,
    sla: { triageHours: number; decisionHours: number; consultationHours?: number },
  ): Promise<void> {
    await manager.query(`INSERT INTO sla_policy (severity, valid_from, triage_hours, decision_hours, consultation_hours) VALUES ($1, $2, $3, $4, $5)`, [
      severity,
      validFrom,
      sla.triageHours,
      sla.decisionHours,
      sla.consultationHours ?? null,
    ]);
  }

  async insertRevision(
    manager: EntityManager,
    r: {
      kind: ReferenceKind;
      code: string;
      validFrom: string;
      record: Record<string, unknown> | null;
      inBase: boolean;
      reason: string;
      actorUser: string;
      actorAgency: string;
    },
  ): Promise<{ id: number; created_at: Date }> {
    const [row] = await queryRows<{ id: number; created_at: Date }>(
      manager,
      `INSERT INTO reference_revision (kind, code, valid_from, record, in_base, reason, actor_user, actor_agency) VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8) RETURNING id, created_at`,
      [r.kind, r.code, r.validFrom, r.record ? JSON.stringify(r.record) : null, r.inBase, r.reason, r.actorUser, r.actorAgency],
    );
    return row!;
  }

  /** Every version of `kind` `code`, oldest first. */
  async historyOf(kind: ReferenceKind, code: string): Promise<RevisionHistoryRow[]> {
    return queryRows<RevisionHistoryRow>(
      this.dataSource.manager,
      `SELECT id, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, record, reason, actor_agency, created_at FROM reference_revision WHERE kind = $1 AND code = $2 ORDER BY valid_from, id`,
      [kind, code],
    );
  }
}
