import type { StatementFeedSettings } from '../config/press.config';

export const STATEMENT_FEED_SETTINGS = Symbol('STATEMENT_FEED_SETTINGS');
export type { StatementFeedSettings };
