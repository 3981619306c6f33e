import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { REFERENCE_CODE_PATTERN } from '../common/codes';

/** Đ6.2: what the platform preserves of published content. */
export const EvidenceKinds = ['WEB_CAPTURE', 'FILE', 'TEXT_EXCERPT'] as const;
export type EvidenceKind = (typeof EvidenceKinds)[number];

/** The stored parts of an item; every part is a content-addressed blob with its own SHA-256. */
export const EvidencePartRoles = ['WARC', 'TEXT', 'SCREENSHOT', 'ORIGINAL'] as const;
export type EvidencePartRole = (typeof EvidencePartRoles)[number];

/** Whether a web capture has its full-page screenshot; UNAVAILABLE says why in `screenshotNote`. */
export const ScreenshotStatuses = ['TAKEN', 'UNAVAILABLE'] as const;
export type ScreenshotStatus = (typeof ScreenshotStatuses)[number];

export const IntegrityStatuses = ['OK', 'FAILED'] as const;
export type IntegrityStatus = (typeof IntegrityStatuses)[number];

/**
 * The RFC 3161 trusted timestamp of an item's SHA-256: PENDING until the time-stamping authority
 * answered, VERIFIED once its token is stored and verified, FAILED when the last request failed
 * (the item is kept, and the timestamp is requested again).
 */
export const TimestampStatuses = ['PENDING', 'VERIFIED', 'FAILED'] as const;
export type TimestampStatus = (typeof TimestampStatuses)[number];

/** What an integrity check found wrong with a stored blob. */
export const IntegrityFailures = ['MISMATCH', 'MISSING'] as const;
export type IntegrityFailure = (typeof IntegrityFailures)[number];

/** Đ6.2: the stages of a police referral, as the police report them. */
export const PoliceReferralStatuses = ['REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'CONCLUDED', 'DECLINED'] as const;
export type PoliceReferralStatus = (typeof PoliceReferralStatuses)[number];

/** The police's outcome, as a category only: identities and case files stay in the police's own systems. */
export const PoliceOutcomeCategories = ['PROSECUTED', 'ADMINISTRATIVE_SANCTION', 'WARNING', 'NO_VIOLATION', 'INSUFFICIENT_EVIDENCE', 'TRANSFERRED'] as const;
export type PoliceOutcomeCategory = (typeof PoliceOutcomeCategories)[number];

const CASE_ID = { message: 'caseId must be a case id' };
const ITEM_ID = { message: 'itemId must be an evidence item id' };

/** `evidence.item.excerpt`: a text excerpt of published content, kept as it was shown. */
export class AddTextExcerptRequest {
  @IsUUID('all', CASE_ID)
  caseId!: string;

  @IsString()
  @MinLength(1, { message: 'text must not be empty' })
  @MaxLength(100_000)
  text!: string;

  /** Where the excerpt was published (http or https). */
  @IsOptional()
  @IsString()
  @MaxLength(2_048)
  @Matches(/^https?:\/\/\S+$/, { message: 'sourceUrl must be an http(s) address' })
  sourceUrl?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  note?: string;
}

/** `evidence.upload.request`: a short-lived, single-use address to upload one file to. */
export class RequestUploadRequest {
  @IsUUID('all', CASE_ID)
  caseId!: string;

  /** The file's name as the uploader has it; its extension is compared with the bytes. */
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  @Matches(/^[^/\\]+$/, { message: 'fileName must be a file name, not a path' })
  fileName!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  note?: string;
}

export interface UploadTicketDto {
  ticketId: string;
  /** PUT the file's bytes here (once, before `expiresAt`). */
  uploadUrl: string;
  expiresAt: string;
  maxBytes: number;
  allowedMimeTypes: string[];
}

/** `evidence.capture.request`: the service fetches a public page and preserves it. */
export class CaptureWebPageRequest {
  @IsUUID('all', CASE_ID)
  caseId!: string;

  @IsString()
  @MaxLength(2_048)
  @Matches(/^https?:\/\/\S+$/i, { message: 'url must be an http(s) address' })
  url!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  note?: string;
}

export class EvidenceItemGetRequest {
  @IsUUID('all', ITEM_ID)
  itemId!: string;
}

export class EvidenceListRequest {
  @IsUUID('all', CASE_ID)
  caseId!: string;
}

/** `evidence.item.hold` / `evidence.item.release`: a legal hold keeps an item through every retention purge. */
export class LegalHoldRequest {
  @IsUUID('all', ITEM_ID)
  itemId!: string;

  @IsString()
  @MinLength(10, { message: 'reason must say why (at least 10 characters)' })
  @MaxLength(2_000)
  reason!: string;
}

export class ExportPackageRequest {
  @IsUUID('all', CASE_ID)
  caseId!: string;
}

export interface EvidencePartDto {
  role: EvidencePartRole;
  sha256: string;
  sizeBytes: number;
  mimeType: string;
}

/**
 * An evidence item as a viewer sees it. Content (text, source address, download) is restricted:
 * `contentWithheld` is true for viewers who may only know that the item exists.
 */
export interface EvidenceItemDto {
  id: string;
  caseId: string;
  caseNumber: string;
  kind: EvidenceKind;
  /** SHA-256 of the item's primary part (WARC, original file, or excerpt text). */
  sha256: string;
  sizeBytes: number;
  /** Sniffed from the bytes, never taken from a name. */
  mimeType: string;
  capturedBy: string;
  capturedByAgency: string;
  capturedAt: string;
  toolName: string;
  toolVersion: string;
  sourceUrl: string | null;
  fileName: string | null;
  /** The extension of `fileName` promised another type than the bytes are. */
  nameMismatch: boolean;
  screenshotStatus: ScreenshotStatus | null;
  screenshotNote: string | null;
  note: string | null;
  parts: EvidencePartDto[];
  legalHold: { reason: string; placedAt: string; placedBy: string } | null;
  integrityStatus: IntegrityStatus;
  lastVerifiedAt: string | null;
  /** The trusted timestamp of `sha256`; null when no time-stamping authority was configured when the item was stored. */
  timestamp: EvidenceTimestampDto | null;
  contentWithheld: boolean;
  /** When the retention purge deleted the item's content (its hash, size and custody log remain). */
  purgedAt: string | null;
}

/** An item's RFC 3161 timestamp, as far as it got. */
export interface EvidenceTimestampDto {
  status: TimestampStatus;
  /** The authority's time of the timestamp (TSTInfo genTime), once VERIFIED. */
  timestampedAt: string | null;
  /** The authority as its token names it. */
  tsaName: string | null;
  /** The token's serial number at the authority (hex). */
  serialNumber: string | null;
  /** Requests made so far. */
  attempts: number;
  /** Why the last request failed (FAILED). */
  lastError: string | null;
}

/** `evidence.item.content`: the content of an item, read by someone who may (an audited read). */
export interface EvidenceContentDto {
  itemId: string;
  text: string | null;
  sourceUrl: string | null;
  /** Short-lived download addresses of each part, on the evidence service. */
  downloads: { role: EvidencePartRole; url: string; sha256: string }[];
}

export interface EvidencePackageDto {
  id: string;
  caseId: string;
  sha256: string;
  sizeBytes: number;
  keyId: string;
  itemCount: number;
  createdAt: string;
  createdBy: string;
  downloadUrl: string | null;
  /** When the retention purge deleted the package (every item in it was purged). */
  purgedAt: string | null;
}

/** `evidence.referral.request`: refer a REFER_TO_POLICE action of a decision to the police (Đ6.2). */
export class RequestPoliceReferralRequest {
  @IsUUID('all', CASE_ID)
  caseId!: string;

  /** The decision's REFER_TO_POLICE handling action. */
  @IsUUID('all', { message: 'actionId must be a handling action id' })
  actionId!: string;
}

/** `evidence.referral.update`: the police's reference number, status and outcome. */
export class UpdatePoliceReferralRequest {
  @IsUUID('all', { message: 'referralId must be a referral id' })
  referralId!: string;

  @IsIn(PoliceReferralStatuses, { message: `status must be one of ${PoliceReferralStatuses.join(', ')}` })
  status!: PoliceReferralStatus;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(/^[\p{L}\p{N}][\p{L}\p{N} ./_-]*$/u, { message: 'policeReference must be a reference number' })
  policeReference?: string;

  @IsOptional()
  @IsIn(PoliceOutcomeCategories, { message: `outcomeCategory must be one of ${PoliceOutcomeCategories.join(', ')}` })
  outcomeCategory?: PoliceOutcomeCategory;

  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'outcomeDate must be a calendar day' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'outcomeDate must be a calendar day' })
  outcomeDate?: string;
}

/** `evidence.referral.hand-over`: an exported package is handed to the police (a custody transfer). */
export class HandOverPackageRequest {
  @IsUUID('all', { message: 'referralId must be a referral id' })
  referralId!: string;

  @IsUUID('all', { message: 'packageId must be a package id' })
  packageId!: string;

  /** Who received it, as a post or unit of the police (never a private person's identity). */
  @IsString()
  @Matches(REFERENCE_CODE_PATTERN, { message: 'receivedByAgency must be an agency code' })
  receivedByAgency!: string;
}

export class PoliceReferralListRequest {
  @IsUUID('all', CASE_ID)
  caseId!: string;
}

/**
 * A police referral. Deliberately holds nothing about who the author of the content is: the
 * police keep identities in their own systems (DESIGN "Stance"); a test checks this shape.
 */
export interface PoliceReferralDto {
  id: string;
  caseId: string;
  caseNumber: string;
  actionId: string;
  decisionId: string;
  legalBasis: { code: string; citation: string }[];
  requestedAt: string;
  requestedBy: string;
  requestedByAgency: string;
  policeAgencyCode: string;
  policeReference: string | null;
  status: PoliceReferralStatus;
  outcomeCategory: PoliceOutcomeCategory | null;
  outcomeDate: string | null;
  handedOver: { packageId: string; packageSha256: string; receivedByAgency: string; at: string; by: string }[];
  updatedAt: string;
}

/** Payload of `evt.evidence.item.added`. */
export interface EvidenceItemAddedEvent {
  itemId: string;
  caseId: string;
  caseNumber: string;
  kind: EvidenceKind;
  sha256: string;
  capturedByAgency: string;
}

/** Payload of `evt.evidence.integrity.failed`: raised once per blob found changed or missing. */
export interface EvidenceIntegrityFailedEvent {
  sha256: string;
  failure: IntegrityFailure;
  /** What the blob hashes to now (null when missing). */
  actualSha256: string | null;
  itemIds: string[];
  caseIds: string[];
  detectedAt: string;
}

/** Payload of `evt.evidence.package.exported`. */
export interface EvidencePackageExportedEvent {
  packageId: string;
  caseId: string;
  sha256: string;
  keyId: string;
}

/** Payload of `evt.evidence.referral.changed`. */
export interface PoliceReferralChangedEvent {
  referralId: string;
  caseId: string;
  caseNumber: string;
  status: PoliceReferralStatus;
}

/** Where published content lives, as far as its public address says. */
export const SourcePlatforms = ['FACEBOOK', 'YOUTUBE', 'TIKTOK', 'WEB'] as const;
export type SourcePlatform = (typeof SourcePlatforms)[number];

export const PublicSourceKinds = ['PAGE', 'GROUP', 'CHANNEL', 'ACCOUNT', 'WEBSITE'] as const;
export type PublicSourceKind = (typeof PublicSourceKinds)[number];

/** `evidence.source.edit`: correct a source's kind or record its display name as the page shows it. */
export class EditPublicSourceRequest {
  @IsUUID('all', { message: 'sourceId must be a public source id' })
  sourceId!: string;

  @IsOptional()
  @IsIn(PublicSourceKinds, { message: `kind must be one of ${PublicSourceKinds.join(', ')}` })
  kind?: PublicSourceKind;

  /** The name the page, group, channel or account shows publicly (never a person's real name behind it). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName?: string;
}

export class PublicSourceListRequest {
  @IsUUID('all', CASE_ID)
  caseId!: string;
}

/**
 * The public source of reported content (a page, group, channel, account or website): public
 * information only, derived from report URLs. No real names, identity numbers, addresses or phone
 * numbers: the shape has no field for them.
 */
export interface PublicSourceDto {
  id: string;
  platform: SourcePlatform;
  kind: PublicSourceKind;
  handle: string;
  url: string;
  /** The name the source shows publicly, as recorded by an agency. */
  displayName: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  /** The cases it appears in, among those the viewer may see. */
  caseIds: string[];
}

/** What a perceptual hash was computed from: an uploaded picture, a capture's screenshot, or an image shown on the captured page. */
export const ImageHashSources = ['ORIGINAL', 'SCREENSHOT', 'PAGE_IMAGE'] as const;
export type ImageHashSource = (typeof ImageHashSources)[number];

/**
 * A picture of this case's evidence that looks like one in another case (perceptual hashes within
 * the Hamming distance threshold): the same picture reported on different pages, re-encoded or resized.
 */
export interface SimilarEvidenceDto {
  /** The item of the case asked about, and the picture in it (SHA-256 of the hashed bytes). */
  itemId: string;
  sha256: string;
  source: ImageHashSource;
  similarItemId: string;
  similarCaseId: string;
  similarCaseNumber: string;
  similarKind: EvidenceKind;
  similarSha256: string;
  similarSource: ImageHashSource;
  similarCapturedAt: string;
  /** Bits of 64 in which the two perceptual hashes differ (0: the same picture to the eye). */
  distance: number;
}

/**
 * Indicators printed in published content itself (a scam link's domain, a phone number or bank
 * account shown in a post), recorded as the post showed them. Never resolved to a person: the
 * platform keeps no owner or holder of any of them.
 */
export const IndicatorKinds = ['DOMAIN', 'PHONE', 'BANK_ACCOUNT', 'EMAIL'] as const;
export type IndicatorKind = (typeof IndicatorKinds)[number];

/** Who recorded an indicator: derived from an item's text by the service, or added by an officer. */
export const IndicatorOrigins = ['DERIVED', 'OFFICER'] as const;
export type IndicatorOrigin = (typeof IndicatorOrigins)[number];

/** `evidence.indicator.add`: an indicator the item shows, as it shows it. */
export class AddContentIndicatorRequest {
  @IsUUID('all', ITEM_ID)
  itemId!: string;

  @IsIn(IndicatorKinds, { message: `kind must be one of ${IndicatorKinds.join(', ')}` })
  kind!: IndicatorKind;

  /** As the content shows it (normalised by the service for linking). */
  @IsString()
  @MinLength(1, { message: 'value must not be empty' })
  @MaxLength(300)
  value!: string;
}

/** `evidence.indicator.remove`: an indicator recorded by mistake (e.g. a derived one the post does not show). */
export class RemoveContentIndicatorRequest {
  @IsUUID('all', { message: 'indicatorId must be an indicator id' })
  indicatorId!: string;

  @IsString()
  @MinLength(10, { message: 'reason must say why (at least 10 characters)' })
  @MaxLength(2_000)
  reason!: string;
}

/**
 * An indicator as one item of a case showed it, with the other cases (that the viewer may see and
 * read the evidence of) showing the same normalised indicator. No field for who is behind it.
 */
export interface ContentIndicatorDto {
  id: string;
  kind: IndicatorKind;
  /** As the content showed it. */
  value: string;
  /** The form cases are linked by (lower-case host, E.164 number, digits only, lower-case e-mail). */
  normalizedValue: string;
  caseId: string;
  itemId: string;
  origin: IndicatorOrigin;
  addedBy: string;
  addedAt: string;
  /** Earliest and latest capture showing it, among the occurrences the viewer may read. */
  firstSeenAt: string;
  lastSeenAt: string;
  linkedCaseIds: string[];
}

/** Payload of `evt.evidence.item.purged`: the retention purge deleted an item's content (its tombstone remains). */
export interface EvidenceItemPurgedEvent {
  itemId: string;
  caseId: string;
  caseNumber: string;
  sha256: string;
  sizeBytes: number;
  purgedAt: string;
  caseClosedAt: string;
  retentionDays: number;
}
