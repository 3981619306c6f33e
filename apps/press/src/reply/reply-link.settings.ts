import type { ReplyLinkSettings } from '../config/press.config';

export const REPLY_LINK_SETTINGS = Symbol('REPLY_LINK_SETTINGS');
export type { ReplyLinkSettings };
