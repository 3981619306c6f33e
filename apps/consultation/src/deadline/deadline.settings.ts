/** Injection token of the DeadlineSettings (reminder lead, escalation agency, poll interval). */
export const DEADLINE_SETTINGS = Symbol('DEADLINE_SETTINGS');
/** Whether this process runs the deadline scheduler. */
export const DEADLINE_SCHEDULER_ENABLED = Symbol('DEADLINE_SCHEDULER_ENABLED');
