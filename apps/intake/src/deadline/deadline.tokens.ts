/** Injection token of intake's DeadlineSettings. */
export const INTAKE_DEADLINE_SETTINGS = Symbol('INTAKE_DEADLINE_SETTINGS');
/** Whether this intake process runs the deadline scheduler. */
export const INTAKE_DEADLINE_SCHEDULER_ENABLED = Symbol('INTAKE_DEADLINE_SCHEDULER_ENABLED');
