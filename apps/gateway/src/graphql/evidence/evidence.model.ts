import { DateScalar, DateTimeScalar } from '../common/scalars';
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type {
  EvidenceKind,
  EvidencePartRole,
  IntegrityStatus,
  PoliceOutcomeCategory,
  PoliceReferralStatus,
  PublicSourceKind,
  ScreenshotStatus,
  SourcePlatform,
  TimestampStatus,
} from '@phoi-hop/contracts';
import {
  EvidenceKindEnum,
  EvidencePartRoleEnum,
  IntegrityStatusEnum,
  PoliceOutcomeCategoryEnum,
  PoliceReferralStatusEnum,
  PublicSourceKindEnum,
  ScreenshotStatusEnum,
  SourcePlatformEnum,
  TimestampStatusEnum,
} from './evidence.enums';

@ObjectType('EvidencePart', { description: 'A stored part of an evidence item, by its SHA-256' })
export class EvidencePartModel {
  @Field(() => EvidencePartRoleEnum)
  role!: EvidencePartRole;

  @Field()
  sha256!: string;

  @Field(() => Float)
  sizeBytes!: number;

  @Field({ description: 'Sniffed from the bytes' })
  mimeType!: string;
}

@ObjectType('LegalHold')
export class LegalHoldModel {
  @Field()
  reason!: string;

  @Field(() => DateTimeScalar, { description: 'ISO 8601, UTC' })
  placedAt!: string;

  @Field()
  placedBy!: string;
}

@ObjectType('EvidenceTimestamp', { description: 'An RFC 3161 trusted timestamp of an item’s SHA-256 by the configured time-stamping authority' })
export class EvidenceTimestampModel {
  @Field(() => TimestampStatusEnum, { description: 'VERIFIED: the token is stored and its imprint, nonce, signature and certificate chain verified' })
  status!: TimestampStatus;

  @Field(() => DateTimeScalar, { nullable: true, description: 'The authority’s time of the timestamp (genTime), once verified' })
  timestampedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'The time-stamping authority as its token names it' })
  tsaName!: string | null;

  @Field(() => String, { nullable: true, description: 'The token’s serial number at the authority (hex)' })
  serialNumber!: string | null;

  @Field(() => Int, { description: 'Requests made so far' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'Why the last request failed; it is made again later' })
  lastError!: string | null;
}

@ObjectType('EvidenceItem', { description: 'Preserved content on a case (Đ6.2); content fields are null for viewers who may only know it exists' })
export class EvidenceItemModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  caseId!: string;

  @Field()
  caseNumber!: string;

  @Field(() => EvidenceKindEnum)
  kind!: EvidenceKind;

  @Field({ description: 'SHA-256 of the primary part (WARC, original file, or excerpt text)' })
  sha256!: string;

  @Field(() => Float)
  sizeBytes!: number;

  @Field({ description: 'Sniffed from the bytes, never taken from a name' })
  mimeType!: string;

  @Field({ description: 'Who captured or uploaded it' })
  capturedBy!: string;

  @Field()
  capturedByAgency!: string;

  @Field(() => DateTimeScalar, { description: 'Server time, ISO 8601 UTC' })
  capturedAt!: string;

  @Field()
  toolName!: string;

  @Field()
  toolVersion!: string;

  @Field(() => String, { nullable: true, description: 'Restricted: where the content was published' })
  sourceUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'Restricted: the uploaded file’s name' })
  fileName!: string | null;

  @Field({ description: 'The file name’s extension promised another type than the bytes are' })
  nameMismatch!: boolean;

  @Field(() => ScreenshotStatusEnum, { nullable: true })
  screenshotStatus!: ScreenshotStatus | null;

  @Field(() => String, { nullable: true, description: 'Why a capture has no screenshot' })
  screenshotNote!: string | null;

  @Field(() => String, { nullable: true, description: 'Restricted' })
  note!: string | null;

  @Field(() => [EvidencePartModel])
  parts!: EvidencePartModel[];

  @Field(() => LegalHoldModel, { nullable: true })
  legalHold!: LegalHoldModel | null;

  @Field(() => IntegrityStatusEnum)
  integrityStatus!: IntegrityStatus;

  @Field(() => DateTimeScalar, { nullable: true })
  lastVerifiedAt!: string | null;

  @Field(() => EvidenceTimestampModel, { nullable: true, description: 'The trusted timestamp of sha256; null when no time-stamping authority is configured' })
  timestamp!: EvidenceTimestampModel | null;

  @Field({ description: 'The viewer may know the item exists but not read its content' })
  contentWithheld!: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the retention purge deleted its content (hash, size and custody log remain)' })
  purgedAt!: string | null;
}

@ObjectType('EvidenceDownload')
export class EvidenceDownloadModel {
  @Field(() => EvidencePartRoleEnum)
  role!: EvidencePartRole;

  @Field({ description: 'Short-lived address on the evidence service; each download is in the custody log' })
  url!: string;

  @Field()
  sha256!: string;
}

@ObjectType('EvidenceContent', { description: 'The content of an item (an audited read)' })
export class EvidenceContentModel {
  @Field(() => ID)
  itemId!: string;

  @Field(() => String, { nullable: true, description: 'The excerpt, or the text extracted from a captured page' })
  text!: string | null;

  @Field(() => String, { nullable: true })
  sourceUrl!: string | null;

  @Field(() => [EvidenceDownloadModel])
  downloads!: EvidenceDownloadModel[];
}

@ObjectType('EvidenceUploadTicket', { description: 'A single-use, short-lived address to PUT one file’s bytes to' })
export class EvidenceUploadTicketModel {
  @Field(() => ID)
  ticketId!: string;

  @Field()
  uploadUrl!: string;

  @Field(() => DateTimeScalar)
  expiresAt!: string;

  @Field(() => Float)
  maxBytes!: number;

  @Field(() => [String])
  allowedMimeTypes!: string[];
}

@ObjectType('EvidencePackage', { description: 'A signed WACZ 1.1.1 package of a case’s evidence' })
export class EvidencePackageModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  caseId!: string;

  @Field()
  sha256!: string;

  @Field(() => Float)
  sizeBytes!: number;

  @Field({ description: 'The signing key the package names' })
  keyId!: string;

  @Field()
  itemCount!: number;

  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Field()
  createdBy!: string;

  @Field(() => String, { nullable: true, description: 'Short-lived download address (coordinators and investigators)' })
  downloadUrl!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the retention purge deleted it (every item in it was purged)' })
  purgedAt!: string | null;
}

@ObjectType('ProvisionCitation')
export class ProvisionCitationModel {
  @Field()
  code!: string;

  @Field()
  citation!: string;
}

@ObjectType('EvidenceTransfer', { description: 'A package handed over to the police: a custody transfer' })
export class EvidenceTransferModel {
  @Field(() => ID)
  packageId!: string;

  @Field()
  packageSha256!: string;

  @Field()
  receivedByAgency!: string;

  @Field(() => DateTimeScalar)
  at!: string;

  @Field()
  by!: string;
}

@ObjectType('PoliceReferral', { description: 'Đ6.2: a referral to the police. It holds nothing about who the author is: the police keep identities' })
export class PoliceReferralModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  caseId!: string;

  @Field()
  caseNumber!: string;

  @Field(() => ID, { description: 'The REFER_TO_POLICE handling action it follows' })
  actionId!: string;

  @Field(() => ID)
  decisionId!: string;

  @Field(() => [ProvisionCitationModel], { description: 'The legal basis the decision cited' })
  legalBasis!: ProvisionCitationModel[];

  @Field(() => DateTimeScalar)
  requestedAt!: string;

  @Field()
  requestedBy!: string;

  @Field()
  requestedByAgency!: string;

  @Field()
  policeAgencyCode!: string;

  @Field(() => String, { nullable: true, description: 'The police’s own reference number' })
  policeReference!: string | null;

  @Field(() => PoliceReferralStatusEnum)
  status!: PoliceReferralStatus;

  @Field(() => PoliceOutcomeCategoryEnum, { nullable: true })
  outcomeCategory!: PoliceOutcomeCategory | null;

  @Field(() => DateScalar, { nullable: true, description: 'Calendar day (YYYY-MM-DD)' })
  outcomeDate!: string | null;

  @Field(() => [EvidenceTransferModel])
  handedOver!: EvidenceTransferModel[];

  @Field(() => DateTimeScalar)
  updatedAt!: string;
}

@ObjectType('PublicSource', { description: 'The public source of reported content, derived from report URLs: public information only, never who is behind it' })
export class PublicSourceModel {
  @Field(() => ID)
  id!: string;

  @Field(() => SourcePlatformEnum)
  platform!: SourcePlatform;

  @Field(() => PublicSourceKindEnum)
  kind!: PublicSourceKind;

  @Field({ description: 'The public handle or host as the address shows it' })
  handle!: string;

  @Field()
  url!: string;

  @Field(() => String, { nullable: true, description: 'The name the source shows publicly, as an agency recorded it' })
  displayName!: string | null;

  @Field(() => DateTimeScalar)
  firstSeenAt!: string;

  @Field(() => DateTimeScalar)
  lastSeenAt!: string;

  @Field(() => [ID], { description: 'The cases it appears in, among those the viewer may see' })
  caseIds!: string[];
}
