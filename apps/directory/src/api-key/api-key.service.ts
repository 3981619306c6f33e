import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCodes, EventSubjects, provinceDay, type Actor, type ApiKeyDto, type ApiKeyListRequest, type ApiKeyRevokedEvent, type CreateApiKeyRequest, type CreateApiKeyResponse, type RevokeApiKeyRequest, type VerifyApiKeyResponse } from '@phoi-hop/contracts';
import { apiKeySecretMatches, generateApiKeySecret, hashApiKeySecret, invalidApiKeyScopes, parseApiKeyId } from '@phoi-hop/auth';
import { OutboxRelay, appendToOutbox } from '@phoi-hop/messaging';
import { authFailures } from '@phoi-hop/observability';
import { appendAudit, findIdempotentAnswer, idempotentRequestOf, runIdempotent } from '@phoi-hop/persistence';
import { AgencyEntity } from '../agency/agency.entity';
import { ApiKeyEntity } from './api-key.entity';
import { ApiKeyRepository } from './api-key.repository';

export function toApiKeyDto(key: ApiKeyEntity): ApiKeyDto {
  return {
    id: key.id,
    name: key.name,
    agencyCode: key.agencyCode,
    scopes: key.scopes,
    createdAt: key.createdAt.toISOString(),
    createdBy: key.createdBy,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    expiresAt: key.expiresAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
    revokedReason: key.revokedReason,
  };
}

/**
 * API keys of machine clients (ADMIN creates, lists and revokes them; the gateway verifies them).
 * The secret is returned once by `create` and only its SHA-256 is stored; audit entries and events
 * name the key by id.
 */
@Injectable()
export class ApiKeyService {
  private readonly logger = new Logger('ApiKeys');

  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: ApiKeyRepository,
    private readonly relay: OutboxRelay,
  ) {}

  /**
   * Creates an API key and shows its secret this once. The secret is never stored in clear, not even
   * for a retry: a retry with the same idempotency key (the first answer lost) gets the same key with
   * its secret issued anew, so the first secret, which nobody received, stops working.
   */
  async create(actor: Actor, request: CreateApiKeyRequest): Promise<CreateApiKeyResponse> {
    const idempotency = idempotentRequestOf(actor.userId, 'directory.api-key.create', request);
    const form = { toStored: (r: CreateApiKeyResponse) => ({ keyId: r.apiKey.id }), replay: ({ keyId }: { keyId: string }) => this.reissue(actor, keyId) };
    const prior = await findIdempotentAnswer<{ keyId: string }>(this.dataSource.manager, idempotency);
    if (prior) return form.replay(prior);
    const scopes = [...new Set(request.scopes)];
    const invalid = invalidApiKeyScopes(scopes);
    if (invalid.length) throw new DomainError(ErrorCodes.BAD_USER_INPUT, `Not operations an API client may call: ${invalid.join(', ')}`, 'scopes');
    const expiresAt = request.expiresAt ? new Date(request.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) throw new DomainError(ErrorCodes.BAD_USER_INPUT, 'expiresAt must be in the future', 'expiresAt');
    return runIdempotent(this.dataSource, idempotency, async (manager) => {
      const agency = await manager.findOne(AgencyEntity, { where: { code: request.agencyCode } });
      if (!agency) throw new DomainError(ErrorCodes.BAD_USER_INPUT, `Unknown agency ${request.agencyCode}`, 'agencyCode');
      if (agency.validTo && agency.validTo < provinceDay()) throw new DomainError(ErrorCodes.BAD_USER_INPUT, `Agency ${agency.code} no longer exists`, 'agencyCode');
      const id = randomUUID();
      const secret = generateApiKeySecret(id);
      const key: ApiKeyEntity = Object.assign(new ApiKeyEntity(), {
        id,
        name: request.name.trim(),
        agencyCode: agency.code,
        scopes,
        secretHash: hashApiKeySecret(secret),
        createdAt: new Date(),
        createdBy: actor.username,
        expiresAt,
        lastUsedAt: null,
        revokedAt: null,
        revokedBy: null,
        revokedReason: null,
      });
      await manager.insert(ApiKeyEntity, key);
      await appendAudit(manager, {
        actor,
        action: 'api-key.created',
        targetType: 'api-key',
        targetId: id,
        summary: { name: key.name, agencyCode: key.agencyCode, scopes, expiresAt: expiresAt?.toISOString() ?? null },
      });
      return { apiKey: toApiKeyDto(key), secret };
    }, form);
  }

  /** The retry of a creation whose answer was lost: the same key, a new secret (audited). */
  private async reissue(actor: Actor, keyId: string): Promise<CreateApiKeyResponse> {
    return this.dataSource.transaction(async (manager) => {
      const key = await manager.findOne(ApiKeyEntity, { where: { id: keyId }, lock: { mode: 'pessimistic_write' } });
      if (!key) throw new DomainError(ErrorCodes.NOT_FOUND, 'No such API key', 'clientRequestId');
      if (key.revokedAt) throw new DomainError(ErrorCodes.INVALID_STATE, 'The API key created with this idempotency key has been revoked', 'clientRequestId');
      const secret = generateApiKeySecret(key.id);
      key.secretHash = hashApiKeySecret(secret);
      await manager.update(ApiKeyEntity, { id: key.id }, { secretHash: key.secretHash });
      await appendAudit(manager, { actor, action: 'api-key.secret-reissued', targetType: 'api-key', targetId: key.id, summary: { name: key.name, agencyCode: key.agencyCode, reason: 'idempotent retry' } });
      return { apiKey: toApiKeyDto(key), secret };
    });
  }

  async list(request: ApiKeyListRequest): Promise<ApiKeyDto[]> {
    const keys = await this.dataSource.getRepository(ApiKeyEntity).find({
      where: request.agencyCode ? { agencyCode: request.agencyCode } : {},
      order: { createdAt: 'DESC', id: 'ASC' },
    });
    return keys.map(toApiKeyDto);
  }

  async revoke(actor: Actor, request: RevokeApiKeyRequest): Promise<ApiKeyDto> {
    const result = await this.dataSource.transaction(async (manager) => {
      const key = await manager.findOne(ApiKeyEntity, { where: { id: request.id }, lock: { mode: 'pessimistic_write' } });
      if (!key) throw new DomainError(ErrorCodes.NOT_FOUND, 'No such API key', 'id');
      if (key.revokedAt) throw new DomainError(ErrorCodes.INVALID_STATE, 'The API key is already revoked', 'id');
      const reason = request.reason.trim();
      key.revokedAt = new Date();
      key.revokedBy = actor.username;
      key.revokedReason = reason;
      await manager.update(ApiKeyEntity, { id: key.id }, { revokedAt: key.revokedAt, revokedBy: key.revokedBy, revokedReason: reason });
      await appendAudit(manager, { actor, action: 'api-key.revoked', targetType: 'api-key', targetId: key.id, summary: { name: key.name, agencyCode: key.agencyCode, reason } });
      await appendToOutbox<ApiKeyRevokedEvent>(manager, [
        { subject: EventSubjects.directory.apiKeyRevoked, aggregateId: key.id, visibleTo: [key.agencyCode], data: { keyId: key.id, agencyCode: key.agencyCode } },
      ]);
      return key;
    });
    this.relay.kick();
    return toApiKeyDto(result);
  }

  /**
   * Whether a presented secret is a live key: shaped like one, known, the same secret (constant
   * time), not revoked, not expired. Records the use at most once a minute. Refusals are counted
   * and logged with the key id, never the secret.
   */
  async verify(secret: string): Promise<VerifyApiKeyResponse> {
    const keyId = parseApiKeyId(secret);
    const key = keyId ? await this.dataSource.getRepository(ApiKeyEntity).findOne({ where: { id: keyId } }) : null;
    if (!key || !apiKeySecretMatches(secret, key.secretHash)) return this.refuse(keyId, 'API key is invalid');
    if (key.revokedAt) return this.refuse(keyId, 'API key is revoked');
    if (key.expiresAt && key.expiresAt.getTime() <= Date.now()) return this.refuse(keyId, 'API key has expired');
    await this.keys.recordUse(key.id);
    return { keyId: key.id, name: key.name, agencyCode: key.agencyCode, scopes: key.scopes, expiresAt: key.expiresAt?.toISOString() ?? null };
  }

  private refuse(keyId: string | null, reason: string): never {
    authFailures().inc({ service: 'directory', reason, source: 'credential' });
    this.logger.warn(`Refused API key ${keyId ?? '(malformed)'}: ${reason}`);
    throw new DomainError(ErrorCodes.UNAUTHENTICATED, reason);
  }
}
