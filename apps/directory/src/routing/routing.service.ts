import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ErrorCodes, Severities, provinceDay, type ExplainRoutingResponse, type RouteCaseRequest, type RouteCaseResponse, type Severity, type SlaPolicy } from '@phoi-hop/contracts';
import { queryRows } from '@phoi-hop/persistence';
import { DomainError } from '@phoi-hop/messaging';
import { AgencyEntity } from '../agency/agency.entity';
import { CategoryEntity, LocalityEntity, SectorEntity } from '../reference/reference.entities';
import type { SeedAgency, SeedCategory, SeedLocality, SeedRule, SeedSector } from '../seed/seed.types';
import { ResponsibilityRuleEntity } from './responsibility-rule.entity';
import { RoutingError, explainRouting, routeCase, type RoutingContext } from './routing.rules';

const REFRESH_INTERVAL_MS = 30_000;

/**
 * Answers `directory.case.route` from an in-memory snapshot of the rules and reference data,
 * refreshed periodically, so that routing is not a database round trip on the intake hot path.
 */
@Injectable()
export class RoutingService implements OnModuleDestroy {
  private readonly logger = new Logger(RoutingService.name);
  private snapshot: (RoutingContext & { sla: SlaPolicy }) | null = null;
  private loadedAt = 0;
  private refreshing: Promise<RoutingContext & { sla: SlaPolicy }> | null = null;

  constructor(private readonly dataSource: DataSource) {}

  onModuleDestroy(): void {
    this.snapshot = null;
  }

  /** Forgets the snapshot (after an edit of rules or reference data). */
  invalidate(): void {
    this.snapshot = null;
    this.loadedAt = 0;
  }

  /** Every rule, matched or not and why, for a hypothetical case; and the resulting participants. */
  async explain(request: RouteCaseRequest): Promise<ExplainRoutingResponse> {
    const context = { ...(await this.context()), at: new Date() };
    try {
      const participants = routeCase(request, context).map(({ agencyCode, role, basis }) => ({ agencyCode, role, basis }));
      return { participants, rules: explainRouting(request, context) };
    } catch (error) {
      if (error instanceof RoutingError) throw new DomainError(ErrorCodes.BAD_USER_INPUT, error.message, error.field);
      throw error;
    }
  }

  async route(request: RouteCaseRequest): Promise<RouteCaseResponse> {
    const context = await this.context();
    let participants;
    try {
      participants = routeCase(request, { ...context, at: new Date() });
    } catch (error) {
      if (error instanceof RoutingError) throw new DomainError(ErrorCodes.BAD_USER_INPUT, error.message, error.field);
      throw error;
    }
    const category = context.categories.get(request.categoryCode)!;
    const today = provinceDay(new Date());
    return {
      participants: participants.map(({ agencyCode, role, basis }) => ({ agencyCode, role, basis })),
      defaultSeverity: category.defaultSeverity,
      sla: context.sla,
      category: {
        code: category.code,
        name: category.name,
        legalBases: category.legalBases
          .filter((b) => (!b.effectiveFrom || b.effectiveFrom <= today) && (!b.effectiveTo || b.effectiveTo >= today))
          .map((b) => b.citation),
      },
    };
  }

  private async context(): Promise<RoutingContext & { sla: SlaPolicy }> {
    if (this.snapshot && Date.now() - this.loadedAt < REFRESH_INTERVAL_MS) return this.snapshot;
    if (this.snapshot && !this.refreshing) {
      // Serve the current snapshot while a fresh one loads in the background.
      this.refreshing = this.load().finally(() => (this.refreshing = null));
      this.refreshing.catch((error: unknown) => this.logger.error(`Routing snapshot refresh failed: ${String(error)}`));
      return this.snapshot;
    }
    this.refreshing ??= this.load().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async load(): Promise<RoutingContext & { sla: SlaPolicy }> {
    const [agencies, localities, sectors, categories, rules, sla] = await Promise.all([
      this.dataSource.getRepository(AgencyEntity).find(),
      this.dataSource.getRepository(LocalityEntity).find(),
      this.dataSource.getRepository(SectorEntity).find(),
      this.dataSource.getRepository(CategoryEntity).find(),
      this.dataSource.getRepository(ResponsibilityRuleEntity).find({ where: { active: true }, order: { position: 'ASC' } }),
      this.slaInForce(),
    ]);
    const context = {
      sla,
      agencies: new Map(agencies.map((a) => [a.code, a as unknown as SeedAgency])),
      localities: new Map(localities.map((l) => [l.code, l as unknown as SeedLocality])),
      sectors: new Map(sectors.map((s) => [s.code, s as unknown as SeedSector])),
      categories: new Map(categories.map((c) => [c.code, c as unknown as SeedCategory])),
      rules: rules.map((r) => ({ id: r.id, article: r.article, description: r.description, when: r.condition, target: r.target, role: r.role }) as SeedRule),
    };
    this.snapshot = context;
    this.loadedAt = Date.now();
    return context;
  }

  /** The version of each severity's SLA in force today (the latest that has started). */
  private async slaInForce(): Promise<SlaPolicy> {
    const rows = await queryRows<{ severity: Severity; triage_hours: string; decision_hours: string }>(
      this.dataSource.manager,
      `SELECT DISTINCT ON (severity) severity, triage_hours, decision_hours FROM sla_policy WHERE valid_from <= $1 ORDER BY severity, valid_from DESC`,
      [provinceDay()],
    );
    const policy = Object.fromEntries(rows.map((r) => [r.severity, { triageHours: Number(r.triage_hours), decisionHours: Number(r.decision_hours) }])) as Partial<SlaPolicy>;
    const missing = Severities.filter((severity) => !policy[severity]);
    if (missing.length) throw new DomainError(ErrorCodes.UNAVAILABLE, `No SLA policy in force for ${missing.join(', ')}`);
    return policy as SlaPolicy;
  }
}
