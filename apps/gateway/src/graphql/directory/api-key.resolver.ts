import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RpcSubjects, type ApiKeyDto, type CreateApiKeyResponse } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import { CallerAuthenticator } from '../../auth/caller-authenticator';
import { InternalToken } from '../common/caller.decorators';
import { toRpcPayload } from '../common/rpc-payload';
import { CreateApiKeyInput } from './api-key.input';
import { ApiKeyModel, CreateApiKeyPayloadModel } from './api-key.model';
import { IdempotencyKey, withClientRequestId } from '../common/idempotency';

/** API keys of machine clients (ADMIN). */
@Resolver(() => ApiKeyModel)
export class ApiKeyResolver {
  constructor(
    private readonly rpc: RpcClient,
    private readonly authenticator: CallerAuthenticator,
  ) {}

  @Query(() => [ApiKeyModel], { description: "API keys (one agency's, or all), newest first; never their secrets (ADMIN)" })
  apiKeys(@Args('agencyCode', { type: () => String, nullable: true }) agencyCode: string | undefined, @InternalToken() token: string): Promise<ApiKeyDto[]> {
    return this.rpc.request<ApiKeyDto[]>(RpcSubjects.directory.apiKeyList, agencyCode ? { agencyCode } : {}, { token });
  }

  @Mutation(() => CreateApiKeyPayloadModel, { description: 'A key for a machine client of an agency, scoped to operations; the secret is shown once (ADMIN)' })
  createApiKey(@Args('input') input: CreateApiKeyInput, @InternalToken() token: string, @IdempotencyKey() key: string | null): Promise<CreateApiKeyResponse> {
    return this.rpc.request<CreateApiKeyResponse>(RpcSubjects.directory.apiKeyCreate, toRpcPayload(withClientRequestId(input, key)), { token });
  }

  @Mutation(() => ApiKeyModel, { description: 'Revoke a key: refused from now on (ADMIN)' })
  async revokeApiKey(@Args('id', { type: () => ID }) id: string, @Args('reason') reason: string, @InternalToken() token: string): Promise<ApiKeyDto> {
    const key = await this.rpc.request<ApiKeyDto>(RpcSubjects.directory.apiKeyRevoke, { id, reason }, { token });
    this.authenticator.apiKeys.forget(key.id);
    return key;
  }
}
