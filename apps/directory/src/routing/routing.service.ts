import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import {
  DomainError,
  ErrorCodes,
  provinceDay,
  type ExplainRoutingRequest,
  type ExplainRoutingResponse,
  type PressRuleDto,
  type PublicHolidayDto,
  type ReferenceDataDto,
  type RouteCaseRequest,
  type RouteCaseResponse,
} from '@phoi-hop/contracts';
import { MESSAGING_OPTIONS, NATS_CONNECTION, announceDirectoryChange, onDirectoryChanged, type MessagingOptions } from '@phoi-hop/messaging';
import { referenceStateOn, referenceVersionOn, type ReferenceRevision } from '../reference/reference-state';
import { ReferenceRepository } from '../reference/reference.repository';
import type { ProvinceSeed } from '../seed/seed.types';
import {
  RoutingError,
  contextOfSnapshot,
  explainRouting,
  routeCase,
  routeOn,
  snapshotOfContext,
  type DayRoutingContext,
  type RoutingSnapshot,
} from '@phoi-hop/routing';

const REFRESH_INTERVAL_MS = 30_000;

interface Snapshot {
  base: ProvinceSeed;
  revisions: ReferenceRevision[];
  /** The press association's rules and the province's public holidays (Đ6.3). */
  press: { pressRules: PressRuleDto[]; publicHolidays: PublicHolidayDto[] };
  /** The routing context of each day asked for, computed once per snapshot. */
  days: Map<string, DayRoutingContext>;
}

/**
 * Answers `directory.case.route` from an in-memory snapshot of the rules and reference data,
 * refreshed periodically, so that routing is not a database round trip on the intake hot path.
 * Each day is routed with the versions in force on that day (seed and administrators' edits).
 */
@Injectable()
export class RoutingService implements OnModuleDestroy {
  private readonly logger = new Logger(RoutingService.name);
  private snapshot: Snapshot | null = null;
  private loadedAt = 0;
  private refreshing: Promise<Snapshot> | null = null;

  private readonly subscriptions: Subscription[];

  constructor(
    private readonly references: ReferenceRepository,
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {
    // Another replica's edit: drop the snapshot now rather than at its next refresh.
    this.subscriptions = onDirectoryChanged(connection, options.subjectPrefix, () => this.invalidate());
  }

  onModuleDestroy(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    this.snapshot = null;
  }

  /**
   * After this replica committed a change of rules or reference data: forgets the snapshot and
   * tells every other cache at once (other replicas, intake's routing copy, the gateway).
   */
  changed(): void {
    this.invalidate();
    announceDirectoryChange(this.connection, this.options.subjectPrefix);
  }

  /** Forgets the snapshot (after an edit of rules or reference data). */
  invalidate(): void {
    this.snapshot = null;
    this.loadedAt = 0;
  }

  /** Every rule, matched or not and why, for a hypothetical case on `asOf` (default today); and the resulting participants. */
  async explain(request: ExplainRoutingRequest): Promise<ExplainRoutingResponse> {
    const day = request.asOf ?? provinceDay();
    const context = await this.contextOn(day);
    try {
      const participants = routeCase(request, context).map(({ agencyCode, role, basis }) => ({ agencyCode, role, basis }));
      return { participants, rules: explainRouting(request, context), referenceVersion: context.version, asOf: day };
    } catch (error) {
      if (error instanceof RoutingError) throw new DomainError(ErrorCodes.BAD_USER_INPUT, error.message, error.field);
      throw error;
    }
  }

  async route(request: RouteCaseRequest): Promise<RouteCaseResponse> {
    const context = await this.contextOn(provinceDay());
    try {
      return routeOn(request, context);
    } catch (error) {
      if (error instanceof RoutingError) throw new DomainError(ErrorCodes.BAD_USER_INPUT, error.message, error.field);
      throw error;
    }
  }

  /** The rules and reference data in force on `day` (default today), for a service that routes with `routeOn` itself. */
  async snapshotOn(day: string = provinceDay()): Promise<RoutingSnapshot> {
    return snapshotOfContext(await this.contextOn(day));
  }

  /** The reference data in force on `day` (default today), as front ends show it. */
  async referenceDataOn(day: string = provinceDay()): Promise<ReferenceDataDto> {
    const { press } = await this.current();
    return {
      ...toReferenceData(await this.snapshotOn(day)),
      pressRules: press.pressRules.filter((r) => (!r.effectiveFrom || r.effectiveFrom <= day) && (!r.effectiveTo || r.effectiveTo >= day)),
      publicHolidays: press.publicHolidays,
    };
  }

  private async contextOn(day: string): Promise<DayRoutingContext> {
    const snapshot = await this.current();
    let context = snapshot.days.get(day);
    if (!context) {
      const state = referenceStateOn(snapshot.base, snapshot.revisions, day);
      context = contextOfSnapshot({
        day,
        version: referenceVersionOn(snapshot.revisions, day),
        sla: snapshot.base.province.sla,
        agencies: state.agencies,
        localities: state.localities,
        sectors: state.sectors,
        categories: state.categories,
        rules: state.rules,
      });
      snapshot.days.set(day, context);
    }
    return context;
  }

  private async current(): Promise<Snapshot> {
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

  private async load(): Promise<Snapshot> {
    const [base, revisions, press] = await Promise.all([
      this.references.loadBase(null, provinceDay()),
      this.references.loadRevisions(null),
      this.references.pressReference(null),
    ]);
    const snapshot = { base, revisions, press, days: new Map() };
    this.snapshot = snapshot;
    this.loadedAt = Date.now();
    return snapshot;
  }
}

/** Whether a provision is in force on `day` (YYYY-MM-DD): from its effectiveFrom, through its effectiveTo. */
export function inForceOn(provision: { effectiveFrom?: string | null; effectiveTo?: string | null }, day: string): boolean {
  return (!provision.effectiveFrom || provision.effectiveFrom <= day) && (!provision.effectiveTo || day <= provision.effectiveTo);
}

/** The snapshot's records without what only routing reads (keywords and conditions stay in the rules). */
export function toReferenceData(snapshot: RoutingSnapshot): Omit<ReferenceDataDto, 'pressRules' | 'publicHolidays'> {
  return {
    day: snapshot.day,
    version: snapshot.version,
    categories: snapshot.categories.map((c) => ({
      code: c.code,
      name: c.name,
      description: c.description ?? null,
      defaultSeverity: c.defaultSeverity,
      tags: c.tags,
      // As its description says, the provisions in force on the day: the ones a decision may cite then.
      legalBases: c.legalBases
        .filter((b) => inForceOn(b, snapshot.day))
        .map((b) => ({
          code: b.code,
          citation: b.citation,
          text: b.text,
          effectiveFrom: b.effectiveFrom,
          effectiveTo: b.effectiveTo,
          successorCode: b.successorCode,
          needsReview: b.needsReview ?? false,
        })),
    })),
    localities: snapshot.localities.map((l) => ({ code: l.code, name: l.name, kind: l.kind, committeeAgencyCode: l.committeeAgencyCode })),
    sectors: snapshot.sectors.map((s) => ({ code: s.code, name: s.name, departmentAgencyCode: s.departmentAgencyCode })),
    agencies: snapshot.agencies.map((a) => ({
      code: a.code,
      name: a.name,
      shortName: a.shortName ?? null,
      kind: a.kind,
      parentCode: a.parentCode,
      localityCode: a.localityCode,
      validFrom: a.validFrom,
      validTo: a.validTo,
      successorCode: a.successorCode,
    })),
    rules: snapshot.rules.map((r) => ({ id: r.id, article: r.article, description: r.description ?? null, role: r.role })),
    sla: snapshot.sla,
  };
}
