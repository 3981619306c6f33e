import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { EditReferenceRequest, ReferenceHistoryRequest, RpcSubjects, type ReferenceRevisionDto, type Actor } from '@phoi-hop/contracts';
import { RpcActor } from '@phoi-hop/messaging';
import { ReferenceAdminService } from './reference-admin.service';

@Controller()
export class ReferenceNatsController {
  constructor(private readonly admin: ReferenceAdminService) {}

  @MessagePattern(RpcSubjects.directory.referenceEdit)
  edit(@RpcActor() actor: Actor, @Payload() request: EditReferenceRequest): Promise<ReferenceRevisionDto> {
    return this.admin.edit(actor, request);
  }

  @MessagePattern(RpcSubjects.directory.referenceHistory)
  history(@Payload() request: ReferenceHistoryRequest): Promise<ReferenceRevisionDto[]> {
    return this.admin.history(request);
  }
}
