/** Roles of directory users; the policy table (libs/auth) says what each may do. */
export const Roles = {
  ADMIN: 'ADMIN',
  COORDINATOR: 'COORDINATOR',
  OFFICER: 'OFFICER',
  INVESTIGATOR: 'INVESTIGATOR',
  ETHICS_OFFICER: 'ETHICS_OFFICER',
  LEADER: 'LEADER',
  AUDITOR: 'AUDITOR',
  API_CLIENT: 'API_CLIENT',
} as const;
export type Role = (typeof Roles)[keyof typeof Roles];

/** Who is acting: carried as a signed token in NATS headers and verified again by every service. */
export interface Actor {
  userId: string;
  username: string;
  agencyCode: string;
  roles: Role[];
  /**
   * Machine clients only: the GraphQL operations their API key is scoped to. The gateway and every
   * service refuse anything outside them. Absent for people.
   */
  scopes?: string[];
  /** Machine clients only: the id of the API key the caller authenticated with. */
  apiKeyId?: string;
  /** A platform service acting as itself (the gateway verifying API keys), never a person. */
  service?: string;
}

/** NATS header names used across the platform. */
export const Headers = {
  AUTHORIZATION: 'authorization',
  TRACEPARENT: 'traceparent',
  TRACESTATE: 'tracestate',
  MSG_ID: 'Nats-Msg-Id',
  EVENT_TYPE: 'x-event-type',
} as const;
