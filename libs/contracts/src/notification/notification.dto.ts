import { ClientRequestIdField } from '../common/idempotency';
import { PageRequest } from '../common/page';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { REFERENCE_CODE_PATTERN } from '../common/codes';

export const NotificationChannels = ['EMAIL', 'WEBHOOK'] as const;
export type NotificationChannel = (typeof NotificationChannels)[number];

export const DeliveryStatuses = ['PENDING', 'DELIVERED', 'DEAD', 'CANCELLED'] as const;
export type DeliveryStatus = (typeof DeliveryStatuses)[number];

/** What `notification.delivery.list` can show: deliveries being retried (FAILED) or given up (DEAD). */
export const FailedDeliveryFilters = ['FAILED', 'DEAD'] as const;
export type FailedDeliveryFilter = (typeof FailedDeliveryFilters)[number];

/** `notification.subscription.create`: an agency asks to be told about the case events it may see. */
export class CreateSubscriptionRequest {
  /** Default: the caller's agency; only ADMIN may name another one. */
  @IsOptional()
  @IsString()
  @Matches(REFERENCE_CODE_PATTERN, { message: 'agencyCode must be an upper-case code' })
  agencyCode?: string;

  @IsIn(NotificationChannels, { message: 'channel must be EMAIL or WEBHOOK' })
  channel!: NotificationChannel;

  /** EMAIL: a work e-mail address; WEBHOOK: an https URL (http only for loopback hosts). */
  @IsString()
  @MaxLength(2_000)
  target!: string;

  /** Event subjects to be told about (e.g. `evt.intake.case.opened`); absent or empty: every case event. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  eventTypes?: string[];

  /** Idempotency key: a retry with the same key gets the first answer (see ClientRequestIdField). */
  @ClientRequestIdField()
  clientRequestId?: string;
}

export interface SubscriptionDto {
  id: string;
  agencyCode: string;
  channel: NotificationChannel;
  target: string;
  eventTypes: string[];
  active: boolean;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
}

/** Answer to create: for a webhook, the signing secret, shown this once and never again. */
export interface CreateSubscriptionResponse {
  subscription: SubscriptionDto;
  secret: string | null;
}

export class SubscriptionListRequest {
  /** Default: the caller's agency; only ADMIN may name another one. */
  @IsOptional()
  @IsString()
  @Matches(REFERENCE_CODE_PATTERN, { message: 'agencyCode must be an upper-case code' })
  agencyCode?: string;
}

export class SubscriptionRevokeRequest {
  @IsUUID('all', { message: 'id must be a subscription id' })
  id!: string;
}

export class DeliveryListRequest extends PageRequest {
  @IsOptional()
  @IsString()
  @Matches(REFERENCE_CODE_PATTERN, { message: 'agencyCode must be an upper-case code' })
  agencyCode?: string;

  /** FAILED: still being retried; DEAD: given up (the dead letters); absent: both. */
  @IsOptional()
  @IsIn(FailedDeliveryFilters, { message: 'status must be FAILED or DEAD' })
  status?: FailedDeliveryFilter;
}

export interface DeliveryDto {
  id: string;
  subscriptionId: string;
  agencyCode: string;
  channel: NotificationChannel;
  eventId: string;
  eventType: string;
  caseNumber: string | null;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  lastStatusCode: number | null;
  nextAttemptAt: string | null;
  createdAt: string;
}

export interface DeliveryListResponse {
  edges: { cursor: string; node: DeliveryDto }[];
  endCursor: string | null;
  hasNextPage: boolean;
  /** Every delivery of the list, on every page. */
  totalCount: number;
}

export class DeliveryReplayRequest {
  @IsUUID('all', { message: 'id must be a delivery id' })
  id!: string;
}

/**
 * What an agency is sent (webhook body, e-mail, `agency.<CODE>.<event subject>` feed): only what
 * the event itself says about the case — never report text, evidence or people.
 */
export interface NotificationPayload {
  eventId: string;
  eventType: string;
  occurredAt: string;
  /** The agency this copy is for. */
  agencyCode: string;
  caseId: string | null;
  caseNumber: string | null;
  status: string | null;
  previousStatus: string | null;
  severity: string | null;
  consultationId: string | null;
  /** A short Vietnamese description of what happened, e.g. "đã mở". */
  summary: string;
}

/**
 * `notification.email.send`: a platform service (not a person) has one e-mail sent to a work
 * address that is no agency's subscription, e.g. the press service's notice of the right of reply.
 */
export class SendEmailRequest {
  @IsEmail({}, { message: 'to must be an e-mail address' })
  @MaxLength(320)
  to!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(300)
  subject!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(50_000)
  text!: string;

  /** The sender's own id of the message (audited; the address is not). */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  reference!: string;
}
