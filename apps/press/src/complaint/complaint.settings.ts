import type { ComplaintSettings } from '../config/press.config';

export const COMPLAINT_SETTINGS = Symbol('COMPLAINT_SETTINGS');
export type { ComplaintSettings };
