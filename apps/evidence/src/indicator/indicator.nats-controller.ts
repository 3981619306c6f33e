import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddContentIndicatorRequest,
  EvidenceListRequest,
  RemoveContentIndicatorRequest,
  RpcSubjects,
  type Actor,
  type ContentIndicatorDto,
} from '@phoi-hop/contracts';
import { RpcActor } from '@phoi-hop/messaging';
import { IndicatorService } from './indicator.service';

@Controller()
export class IndicatorNatsController {
  constructor(private readonly indicators: IndicatorService) {}

  @MessagePattern(RpcSubjects.evidence.indicatorList)
  list(@RpcActor() actor: Actor, @Payload() request: EvidenceListRequest): Promise<ContentIndicatorDto[]> {
    return this.indicators.forCase(actor, request.caseId);
  }

  @MessagePattern(RpcSubjects.evidence.indicatorAdd)
  add(@RpcActor() actor: Actor, @Payload() request: AddContentIndicatorRequest): Promise<ContentIndicatorDto> {
    return this.indicators.add(actor, request);
  }

  @MessagePattern(RpcSubjects.evidence.indicatorRemove)
  remove(@RpcActor() actor: Actor, @Payload() request: RemoveContentIndicatorRequest): Promise<ContentIndicatorDto> {
    return this.indicators.remove(actor, request);
  }
}
