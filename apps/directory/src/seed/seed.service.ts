import { stableUserId } from '@phoi-hop/auth';
import { appendAudit } from '@phoi-hop/persistence';
import type { DataSource } from 'typeorm';
import { fillConsultationHours, insertRows, lockSeeding } from './seed.repository';
import type { ProvinceSeed } from './seed.types';

export interface SeedResult {
  inserted: Record<string, number>;
}

/** The day from which the seed's SLA policy applies. */
const SLA_SEED_FROM = '2000-01-01';

/**
 * Loads a province seed in one transaction. Idempotent: rows that exist (by code) are left as they
 * are, so edits made through the API survive a restart.
 */
export async function loadSeed(dataSource: DataSource, seed: ProvinceSeed): Promise<SeedResult> {
  return dataSource.transaction(async (manager) => {
    // One seeder at a time across replicas.
    await lockSeeding(manager);
    const inserted: Record<string, number> = {};
    inserted['province'] = await insertRows(
      manager,
      'province',
      ['code', 'name', 'case_number_prefix'],
      [[seed.province.code, seed.province.name, seed.province.caseNumberPrefix]],
      'code',
    );
    // The seed's SLA policy is the first version; later versions come from admins with their own dates.
    inserted['sla_policy'] = await insertRows(
      manager,
      'sla_policy',
      ['severity', 'valid_from', 'triage_hours', 'decision_hours', 'consultation_hours'],
      Object.entries(seed.province.sla).map(([severity, t]) => [severity, SLA_SEED_FROM, t.triageHours, t.decisionHours, t.consultationHours ?? null]),
      'severity, valid_from',
    );
    // A directory seeded before consultation hours existed gets the seed's own (its first version only).
    for (const [severity, t] of Object.entries(seed.province.sla)) {
      if (t.consultationHours !== undefined) {
        await fillConsultationHours(manager, severity, SLA_SEED_FROM, t.consultationHours);
      }
    }
    inserted['agency'] = await insertRows(
      manager,
      'agency',
      ['code', 'name', 'short_name', 'kind', 'parent_code', 'locality_code', 'valid_from', 'valid_to', 'successor_code'],
      seed.agencies.map((a) => [a.code, a.name, a.shortName ?? null, a.kind, a.parentCode, a.localityCode, a.validFrom, a.validTo, a.successorCode]),
      'code',
    );
    inserted['locality'] = await insertRows(
      manager,
      'locality',
      ['code', 'name', 'kind', 'committee_agency_code'],
      seed.localities.map((l) => [l.code, l.name, l.kind, l.committeeAgencyCode]),
      'code',
    );
    inserted['sector'] = await insertRows(
      manager,
      'sector',
      ['code', 'name', 'department_agency_code'],
      seed.sectors.map((s) => [s.code, s.name, s.departmentAgencyCode]),
      'code',
    );
    inserted['category'] = await insertRows(
      manager,
      'category',
      ['code', 'name', 'description', 'default_severity', 'tags', 'legal_bases'],
      seed.categories.map((c) => [c.code, c.name, c.description ?? '', c.defaultSeverity, c.tags, JSON.stringify(c.legalBases)]),
      'code',
    );
    inserted['responsibility_rule'] = await insertRows(
      manager,
      'responsibility_rule',
      ['id', 'position', 'article', 'description', 'condition', 'target', 'role'],
      seed.rules.map((r, index) => [r.id, index, r.article, r.description ?? '', JSON.stringify(r.when), JSON.stringify(r.target), r.role]),
      'id',
    );
    inserted['app_user'] = await insertRows(
      manager,
      'app_user',
      ['id', 'username', 'display_name', 'agency_code', 'roles'],
      seed.users.map((u) => [stableUserId(u.username), u.username, u.displayName, u.agencyCode, u.roles]),
      'username',
    );
    inserted['press_rule'] = await insertRows(
      manager,
      'press_rule',
      ['code', 'rule_set', 'article', 'title', 'text', 'source', 'effective_from', 'effective_to', 'successor_code', 'needs_review'],
      (seed.pressRules ?? []).map((r) => [
        r.code,
        r.ruleSet,
        r.article,
        r.title,
        r.text,
        r.source,
        r.effectiveFrom,
        r.effectiveTo,
        r.successorCode,
        r.needsReview ?? false,
      ]),
      'code',
    );
    inserted['public_holiday'] = await insertRows(
      manager,
      'public_holiday',
      ['day', 'name', 'needs_review'],
      (seed.publicHolidays ?? []).map((h) => [h.day, h.name, h.needsReview ?? false]),
      'day',
    );
    const total = Object.values(inserted).reduce((sum, n) => sum + n, 0);
    if (total > 0) {
      await appendAudit(manager, { actor: null, action: 'seed.loaded', targetType: 'province', targetId: seed.province.code, summary: { inserted } });
    }
    return { inserted };
  });
}
