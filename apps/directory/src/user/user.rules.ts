import { CursorFields, Roles, decodeCursor, encodeCursor, type Role } from '@phoi-hop/contracts';

/** What the role rules need to know about an agency. */
export interface AgencyFacts {
  code: string;
  kind: string;
  validFrom: string | null;
  validTo: string | null;
  successorCode: string | null;
}

export interface UserProblem {
  field: 'roles' | 'agencyCode';
  message: string;
}

/**
 * Whether a set of roles fits an agency on `day` (YYYY-MM-DD), or the first problem:
 * - the agency must be in existence that day (a retired agency's people move to its successor);
 * - COORDINATOR only in the lead agency of the province (the agency of the LEAD rule, Đ6.1);
 * - INVESTIGATOR only in a police agency (Đ6.2);
 * - ETHICS_OFFICER only in the press association (kind ASSOCIATION, Đ6.3);
 * - API_CLIENT is never a person: machine clients get API keys;
 * - no role twice.
 */
export function roleAgencyProblem(roles: readonly Role[], agency: AgencyFacts, leadAgencyCode: string | null, day: string): UserProblem | null {
  if ((agency.validFrom && agency.validFrom > day) || (agency.validTo && agency.validTo < day)) {
    const successor = agency.successorCode ? `; its successor is ${agency.successorCode}` : '';
    return { field: 'agencyCode', message: `Agency ${agency.code} is not in existence on ${day}${successor}` };
  }
  if (new Set(roles).size !== roles.length) return { field: 'roles', message: 'roles must not repeat a role' };
  if (roles.includes(Roles.API_CLIENT)) return { field: 'roles', message: 'API_CLIENT is for machine clients: create an API key instead' };
  if (roles.includes(Roles.COORDINATOR) && agency.code !== leadAgencyCode) {
    return { field: 'roles', message: `COORDINATOR is a role of the lead agency (${leadAgencyCode ?? 'none configured'}) only` };
  }
  if (roles.includes(Roles.INVESTIGATOR) && agency.kind !== 'POLICE') return { field: 'roles', message: 'INVESTIGATOR is a role of a police agency only' };
  if (roles.includes(Roles.ETHICS_OFFICER) && agency.kind !== 'ASSOCIATION')
    return { field: 'roles', message: 'ETHICS_OFFICER is a role of the press association only' };
  return null;
}

const USER_PAGE = { username: CursorFields.text(/^[a-z0-9][a-z0-9._-]{0,63}$/) } as const;

/** Cursor of the user list: the last username seen, opaque to clients. */
export function encodeUserCursor(username: string): string {
  return encodeCursor({ username });
}

/** The last username of the previous page; BAD_USER_INPUT on `after` when it is no cursor of this list. */
export function decodeUserCursor(cursor: string): string {
  return decodeCursor(cursor, USER_PAGE).username;
}
