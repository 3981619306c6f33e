import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { EditReferenceRequest, ReferenceHistoryRequest, RpcSubjects, type ReferenceRevisionDto } from '@phoi-hop/contracts';
import { ActorContext } from '@phoi-hop/auth';
import { ReferenceAdminService } from './reference-admin.service';

@Controller()
export class ReferenceNatsController {
  constructor(private readonly admin: ReferenceAdminService) {}

  @MessagePattern(RpcSubjects.directory.referenceEdit)
  edit(@Payload() request: EditReferenceRequest): Promise<ReferenceRevisionDto> {
    return this.admin.edit(ActorContext.require(), request);
  }

  @MessagePattern(RpcSubjects.directory.referenceHistory)
  history(@Payload() request: ReferenceHistoryRequest): Promise<ReferenceRevisionDto[]> {
    return this.admin.history(request);
  }
}
