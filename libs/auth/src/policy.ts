import { Roles, type Actor, type Role } from '@phoi-hop/contracts';

/** Roles that see every case of the province (provincial leadership, Đ7.3). */
export const CASE_WIDE_ROLES: readonly Role[] = [Roles.LEADER];

export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.roles.some((role) => roles.includes(role));
}

/**
 * Who may see a case: the reporting agencies, the participants, and provincial leadership.
 * Everyone else learns nothing, not even that the case exists.
 */
export function maySeeCase(actor: Actor, visibleAgencies: readonly string[]): boolean {
  return hasAnyRole(actor, CASE_WIDE_ROLES) || visibleAgencies.includes(actor.agencyCode);
}
