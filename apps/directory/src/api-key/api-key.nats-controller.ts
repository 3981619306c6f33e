import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ApiKeyListRequest,
  CreateApiKeyRequest,
  RevokeApiKeyRequest,
  RpcSubjects,
  VerifyApiKeyRequest,
  type ApiKeyDto,
  type CreateApiKeyResponse,
  type VerifyApiKeyResponse,
  type Actor,
} from '@phoi-hop/contracts';
import { RpcActor } from '@phoi-hop/messaging';
import { ApiKeyService } from './api-key.service';

@Controller()
export class ApiKeyNatsController {
  constructor(private readonly keys: ApiKeyService) {}

  @MessagePattern(RpcSubjects.directory.apiKeyCreate)
  create(@RpcActor() actor: Actor, @Payload() request: CreateApiKeyRequest): Promise<CreateApiKeyResponse> {
    return this.keys.create(actor, request);
  }

  @MessagePattern(RpcSubjects.directory.apiKeyList)
  list(@Payload() request: ApiKeyListRequest): Promise<ApiKeyDto[]> {
    return this.keys.list(request);
  }

  @MessagePattern(RpcSubjects.directory.apiKeyRevoke)
  revoke(@RpcActor() actor: Actor, @Payload() request: RevokeApiKeyRequest): Promise<ApiKeyDto> {
    return this.keys.revoke(actor, request);
  }

  // The gateway, as itself, exchanging a presented key for what it may do.
  @MessagePattern(RpcSubjects.directory.apiKeyVerify)
  verify(@Payload() request: VerifyApiKeyRequest): Promise<VerifyApiKeyResponse> {
    return this.keys.verify(request.secret);
  }
}
