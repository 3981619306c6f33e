/** Roles of directory users (issue 3 extends the policy table around them). */
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
}

/** NATS header names used across the platform. */
export const Headers = {
  AUTHORIZATION: 'authorization',
  TRACEPARENT: 'traceparent',
  TRACESTATE: 'tracestate',
  MSG_ID: 'Nats-Msg-Id',
  EVENT_TYPE: 'x-event-type',
} as const;
