import type { AttachmentSettings } from '../config/press.config';

/** Injection token of the limits of the replies' files (PRESS_ATTACHMENT_*, PRESS_UPLOAD_TTL_SECONDS). */
export const ATTACHMENT_SETTINGS = Symbol('ATTACHMENT_SETTINGS');
export type { AttachmentSettings };
