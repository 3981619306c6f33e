import { labelledEnum } from '../common/labelled-enum';

// Closed sets of the evidence service, made from their `as const` lists with their labels.
export const EvidenceKindEnum = labelledEnum('EvidenceKind', 'A captured web page, an uploaded file, or a text excerpt');
export const EvidencePartRoleEnum = labelledEnum('EvidencePartRole', 'A stored part of an item: WARC, extracted TEXT, SCREENSHOT, ORIGINAL upload');
export const ScreenshotStatusEnum = labelledEnum('ScreenshotStatus', 'Whether a capture has a screenshot');
export const IntegrityStatusEnum = labelledEnum('IntegrityStatus', 'What the last integrity check found');
export const TimestampStatusEnum = labelledEnum('TimestampStatus', 'How far the RFC 3161 trusted timestamp of an item’s hash got');
export const PoliceReferralStatusEnum = labelledEnum('PoliceReferralStatus', 'Đ6.2: the stages of a police referral');
export const PoliceOutcomeCategoryEnum = labelledEnum('PoliceOutcomeCategory', 'The police’s outcome as a category (identities stay with the police)');
export const SourcePlatformEnum = labelledEnum('SourcePlatform', 'Where a public source publishes');
export const PublicSourceKindEnum = labelledEnum('PublicSourceKind', 'A page, group, channel, account or website');
export const ImageHashSourceEnum = labelledEnum('ImageHashSource', 'What a picture’s perceptual hash was computed from');
export const IndicatorKindEnum = labelledEnum('IndicatorKind', 'An indicator printed in published content: a domain, phone number, bank account or e-mail');
export const IndicatorOriginEnum = labelledEnum('IndicatorOrigin', 'Derived from the content by the service, or added by an officer');
