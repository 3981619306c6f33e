import type { RouteCaseRequest, RouteCaseResponse, SlaPolicy } from '@phoi-hop/contracts';
import type { SeedAgency, SeedCategory, SeedLocality, SeedRule, SeedSector } from './reference.types';
import { routeCase, type RoutingContext } from './routing.rules';

/**
 * The reference data and rules in force on one province day, as the directory serves them
 * (`directory.routing.snapshot`): what a service needs to route cases itself, with the same
 * function and the same answer as `directory.case.route`. The directory stays their owner.
 */
export interface RoutingSnapshot {
  /** The province day (YYYY-MM-DD) it is in force on. */
  day: string;
  /** The version of the reference data and rules (0: as seeded). */
  version: number;
  sla: SlaPolicy;
  agencies: SeedAgency[];
  localities: SeedLocality[];
  sectors: SeedSector[];
  categories: SeedCategory[];
  rules: SeedRule[];
}

/** A routing context for one day, with what the answer to a route request carries besides participants. */
export interface DayRoutingContext extends RoutingContext {
  day: string;
  version: number;
  sla: SlaPolicy;
}

export function contextOfSnapshot(snapshot: RoutingSnapshot): DayRoutingContext {
  return {
    day: snapshot.day,
    version: snapshot.version,
    sla: snapshot.sla,
    agencies: new Map(snapshot.agencies.map((a) => [a.code, a])),
    localities: new Map(snapshot.localities.map((l) => [l.code, l])),
    sectors: new Map(snapshot.sectors.map((s) => [s.code, s])),
    categories: new Map(snapshot.categories.map((c) => [c.code, c])),
    rules: snapshot.rules,
    // Noon in the province: the day, whatever the server's time zone.
    at: new Date(`${snapshot.day}T12:00:00+07:00`),
  };
}

export function snapshotOfContext(context: DayRoutingContext): RoutingSnapshot {
  return {
    day: context.day,
    version: context.version,
    sla: context.sla,
    agencies: [...context.agencies.values()],
    localities: [...context.localities.values()],
    sectors: [...context.sectors.values()],
    categories: [...context.categories.values()],
    rules: context.rules,
  };
}

/**
 * Đ6, Đ7: the answer to a route request on the context's day: participants, the category's default
 * severity and the legal bases in force that day, the SLA and the reference version the case keeps.
 * Throws RoutingError (unknown category, locality or sector).
 */
export function routeOn(request: RouteCaseRequest, context: DayRoutingContext): RouteCaseResponse {
  const participants = routeCase(request, context);
  const category = context.categories.get(request.categoryCode)!;
  return {
    participants: participants.map(({ agencyCode, role, basis }) => ({ agencyCode, role, basis })),
    defaultSeverity: category.defaultSeverity,
    sla: context.sla,
    referenceVersion: context.version,
    category: {
      code: category.code,
      name: category.name,
      legalBases: category.legalBases
        .filter((b) => (!b.effectiveFrom || b.effectiveFrom <= context.day) && (!b.effectiveTo || b.effectiveTo >= context.day))
        .map((b) => b.citation),
    },
  };
}
