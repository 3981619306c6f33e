import { registerEnumType } from '@nestjs/graphql';
import {
  EvidenceKinds,
  EvidencePartRoles,
  IntegrityStatuses,
  PoliceOutcomeCategories,
  PoliceReferralStatuses,
  PublicSourceKinds,
  ScreenshotStatuses,
  SourcePlatforms,
  type EvidenceKind,
  type EvidencePartRole,
  type IntegrityStatus,
  type PoliceOutcomeCategory,
  type PoliceReferralStatus,
  type PublicSourceKind,
  type ScreenshotStatus,
  type SourcePlatform,
} from '@phoi-hop/contracts';

/** A GraphQL enum made from a contract's `as const` list, so the two cannot drift apart. */
function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const EvidenceKindEnum = enumOf<EvidenceKind>(EvidenceKinds);
export const EvidencePartRoleEnum = enumOf<EvidencePartRole>(EvidencePartRoles);
export const ScreenshotStatusEnum = enumOf<ScreenshotStatus>(ScreenshotStatuses);
export const IntegrityStatusEnum = enumOf<IntegrityStatus>(IntegrityStatuses);
export const PoliceReferralStatusEnum = enumOf<PoliceReferralStatus>(PoliceReferralStatuses);
export const PoliceOutcomeCategoryEnum = enumOf<PoliceOutcomeCategory>(PoliceOutcomeCategories);
export const SourcePlatformEnum = enumOf<SourcePlatform>(SourcePlatforms);
export const PublicSourceKindEnum = enumOf<PublicSourceKind>(PublicSourceKinds);

registerEnumType(EvidenceKindEnum, { name: 'EvidenceKind', description: 'A captured web page, an uploaded file, or a text excerpt' });
registerEnumType(EvidencePartRoleEnum, { name: 'EvidencePartRole', description: 'A stored part of an item: WARC, extracted TEXT, SCREENSHOT, ORIGINAL upload' });
registerEnumType(ScreenshotStatusEnum, { name: 'ScreenshotStatus' });
registerEnumType(IntegrityStatusEnum, { name: 'IntegrityStatus', description: 'What the last integrity check found' });
registerEnumType(PoliceReferralStatusEnum, { name: 'PoliceReferralStatus', description: 'Đ6.2: the stages of a police referral' });
registerEnumType(PoliceOutcomeCategoryEnum, { name: 'PoliceOutcomeCategory', description: 'The police’s outcome as a category (identities stay with the police)' });
registerEnumType(SourcePlatformEnum, { name: 'SourcePlatform' });
registerEnumType(PublicSourceKindEnum, { name: 'PublicSourceKind', description: 'A page, group, channel, account or website' });
