import { Roles, type Actor } from '@phoi-hop/contracts';
import { NotificationError } from './subscription.errors';

/** The agency a caller acts for: its own, or any agency for an ADMIN; otherwise FORBIDDEN. */
export function actingAgency(actor: Actor, requested: string | undefined): string {
  const agencyCode = requested ?? actor.agencyCode;
  if (agencyCode !== actor.agencyCode && !actor.roles.includes(Roles.ADMIN)) {
    throw NotificationError.forbidden('You may manage the notifications of your own agency only', 'agencyCode');
  }
  return agencyCode;
}

/** Whether the caller may see or change a row of `agencyCode`. */
export function mayManage(actor: Actor, agencyCode: string): boolean {
  return agencyCode === actor.agencyCode || actor.roles.includes(Roles.ADMIN);
}
