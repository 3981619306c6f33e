import { labelledEnum } from '../common/labelled-enum';

// Closed sets of the daily media digest (Đ6.1), made from their `as const` lists with their labels.
export const FeedFormatEnum = labelledEnum('FeedFormat', 'The format a news feed was parsed as');
export const FeedHealthStatusEnum = labelledEnum('FeedHealthStatus', 'A news feed’s health: not polled yet, healthy, failing, disabled');
export const DigestTermKindEnum = labelledEnum('DigestTermKind', 'What a digest item matched: a keyword of the lead agency or a locality’s name');
