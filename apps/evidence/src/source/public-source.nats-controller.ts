import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { EditPublicSourceRequest, PublicSourceListRequest, RpcSubjects, type Actor, type PublicSourceDto } from '@phoi-hop/contracts';
import { RpcActor } from '@phoi-hop/messaging';
import { PublicSourceService } from './public-source.service';

@Controller()
export class PublicSourceNatsController {
  constructor(private readonly sources: PublicSourceService) {}

  @MessagePattern(RpcSubjects.evidence.sourceList)
  list(@RpcActor() actor: Actor, @Payload() request: PublicSourceListRequest): Promise<PublicSourceDto[]> {
    return this.sources.forCase(actor, request.caseId);
  }

  @MessagePattern(RpcSubjects.evidence.sourceEdit)
  edit(@RpcActor() actor: Actor, @Payload() request: EditPublicSourceRequest): Promise<PublicSourceDto> {
    return this.sources.edit(actor, request);
  }
}
