import { ClientRequestIdField } from '../common/idempotency';
import { PageRequest } from '../common/page';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { REFERENCE_CODE_PATTERN } from '../common/codes';
import { Roles, type Actor, type Role } from '../common/actor';

/** Login names: 2–64 of `a-z 0-9 . _ -`, starting with a letter or digit (as in the seed). */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;
const ROLE_NAMES = Object.values(Roles);
/** The roles an administrator may give a person: API_CLIENT belongs to machine clients, which get API keys. */
export const ASSIGNABLE_ROLES: readonly Role[] = ROLE_NAMES.filter((role) => role !== Roles.API_CLIENT);

/** `directory.user.list`: users of the directory (one agency's, or all), by username. */
export class UserListRequest extends PageRequest {
  @IsOptional()
  @IsString()
  @Matches(REFERENCE_CODE_PATTERN, { message: 'agencyCode must be an upper-case code' })
  agencyCode?: string;
}

/** A user as administrators see them: work identity, roles, state; never credentials. */
export interface UserAdminDto {
  id: string;
  username: string;
  displayName: string;
  agencyCode: string;
  roles: Role[];
  active: boolean;
  createdAt: string;
  disabledAt: string | null;
  disabledReason: string | null;
  /** The subject identifier of the user at the platform's identity provider, when an administrator linked one. */
  subject: string | null;
}

export interface UserListResponse {
  edges: { cursor: string; node: UserAdminDto }[];
  endCursor: string | null;
  hasNextPage: boolean;
  /** Every user of the list, on every page. */
  totalCount: number;
}

class UserFields {
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  displayName!: string;

  @IsString()
  @Matches(REFERENCE_CODE_PATTERN, { message: 'agencyCode must be an upper-case code' })
  agencyCode!: string;

  @IsArray()
  @ArrayMinSize(1, { message: 'roles must name at least one role' })
  @ArrayMaxSize(8)
  @IsIn(ROLE_NAMES, { each: true, message: `roles must be among ${ASSIGNABLE_ROLES.join(', ')}` })
  roles!: Role[];
}

/** A provider's subject identifier (OIDC: at most 255 ASCII characters). */
const SUBJECT_PATTERN = /^[\x21-\x7e]{1,255}$/;
const SUBJECT_MESSAGE = 'subject must be 1–255 printable ASCII characters (the identity provider\'s "sub")';

/** `directory.user.create` (ADMIN). */
export class CreateUserRequest extends UserFields {
  @IsString()
  @Matches(USERNAME_PATTERN, { message: 'username must be 2–64 of a-z 0-9 . _ -' })
  username!: string;

  /** Links the user to this subject at the platform's identity provider (a person, or a machine client an administrator lets in). */
  @IsOptional()
  @IsString()
  @Matches(SUBJECT_PATTERN, { message: SUBJECT_MESSAGE })
  subject?: string;

  /** Idempotency key: a retry with the same key gets the first answer (see ClientRequestIdField). */
  @ClientRequestIdField()
  clientRequestId?: string;
}

/** `directory.user.update` (ADMIN): the fields given change, the others stay. */
export class UpdateUserRequest {
  @IsString()
  @MaxLength(64)
  username!: string;

  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  displayName?: string;

  @IsOptional()
  @IsString()
  @Matches(REFERENCE_CODE_PATTERN, { message: 'agencyCode must be an upper-case code' })
  agencyCode?: string;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'roles must name at least one role' })
  @ArrayMaxSize(8)
  @IsIn(ROLE_NAMES, { each: true, message: `roles must be among ${ASSIGNABLE_ROLES.join(', ')}` })
  roles?: Role[];

  /** A new linked subject at the platform's identity provider; "" removes the link. */
  @IsOptional()
  @IsString()
  @Matches(new RegExp(`^$|${SUBJECT_PATTERN.source}`), { message: SUBJECT_MESSAGE })
  subject?: string;
}

/** `directory.user.disable` (ADMIN): the user's tokens stop working everywhere. */
export class DisableUserRequest {
  @IsString()
  @MaxLength(64)
  username!: string;

  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}

/** `directory.user.enable` (ADMIN). */
export class EnableUserRequest {
  @IsString()
  @MaxLength(64)
  username!: string;
}

/**
 * Who a verified external token names: the issuer and the issuer's subject identifier, and a
 * username only when the deployment lets that issuer's usernames name directory users. Never the
 * token itself, and never the roles it claims (roles come from the directory).
 */
export interface ExternalIdentity {
  issuer: string;
  subject: string;
  username?: string;
  /** When the token expires (ms since the epoch). */
  expiresAtMs?: number;
}

/**
 * `directory.actor.resolve` (platform services only, as themselves): the directory user linked to
 * `subject` at `issuer`, or the one named `username` when the verifying service was allowed to
 * send one. The caller's own token never travels on NATS for this.
 */
export class ActorResolveRequest {
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  issuer!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(255)
  subject!: string;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  username?: string;
}

/** `directory.actor.resolve`: the directory's view of the caller (its identity mapped to a user). */
export type ActorResolveResponse = Actor;

export const UserChanges = ['CREATED', 'UPDATED', 'DISABLED', 'ENABLED'] as const;
export type UserChange = (typeof UserChanges)[number];

/** Payload of `evt.directory.user.changed`: whoever caches the user drops it. */
export interface UserChangedEvent {
  userId: string;
  username: string;
  change: UserChange;
  active: boolean;
}

/** `directory.api-key.create` (ADMIN): a key for a machine client of an agency. */
export class CreateApiKeyRequest {
  @IsString()
  @Matches(REFERENCE_CODE_PATTERN, { message: 'agencyCode must be an upper-case code' })
  agencyCode!: string;

  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  /** GraphQL operations the key may call; each must be open to API_CLIENT in the policy table. */
  @IsArray()
  @ArrayMinSize(1, { message: 'scopes must name at least one operation' })
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  scopes!: string[];

  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'expiresAt must be an ISO 8601 date-time' })
  expiresAt?: string;

  /** Idempotency key: a retry with the same key gets the first answer (see ClientRequestIdField). */
  @ClientRequestIdField()
  clientRequestId?: string;
}

/** An API key's metadata: never its secret or the secret's hash. */
export interface ApiKeyDto {
  id: string;
  name: string;
  agencyCode: string;
  scopes: string[];
  createdAt: string;
  createdBy: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  revokedReason: string | null;
}

/** The secret is in this answer and nowhere else, ever. */
export interface CreateApiKeyResponse {
  apiKey: ApiKeyDto;
  secret: string;
}

export class ApiKeyListRequest {
  @IsOptional()
  @IsString()
  @Matches(REFERENCE_CODE_PATTERN, { message: 'agencyCode must be an upper-case code' })
  agencyCode?: string;
}

export class RevokeApiKeyRequest {
  @IsUUID('all', { message: 'id must be an API key id' })
  id!: string;

  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}

/** `directory.api-key.verify` (the gateway only): is this a live key, and what may it do. */
export class VerifyApiKeyRequest {
  @IsString()
  @MaxLength(200)
  secret!: string;
}

export interface VerifyApiKeyResponse {
  keyId: string;
  name: string;
  agencyCode: string;
  scopes: string[];
  expiresAt: string | null;
}

/** Payload of `evt.directory.api-key.revoked`: gateways drop what they cached for the key. */
export interface ApiKeyRevokedEvent {
  keyId: string;
  agencyCode: string;
}
