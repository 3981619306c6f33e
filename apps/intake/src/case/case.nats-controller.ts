import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CaseGetRequest, CaseListRequest, RpcSubjects, type CaseDto, type CaseListResponse } from '@phoi-hop/contracts';
import { ActorContext } from '@phoi-hop/auth';
import { CaseService } from './case.service';

@Controller()
export class CaseNatsController {
  constructor(private readonly cases: CaseService) {}

  @MessagePattern(RpcSubjects.intake.caseGet)
  get(@Payload() request: CaseGetRequest): Promise<CaseDto> {
    return this.cases.get(ActorContext.require(), request.id);
  }

  @MessagePattern(RpcSubjects.intake.caseList)
  list(@Payload() request: CaseListRequest): Promise<CaseListResponse> {
    return this.cases.list(ActorContext.require(), request);
  }
}
