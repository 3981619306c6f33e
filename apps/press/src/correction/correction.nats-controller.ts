import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CorrectionGetRequest,
  CorrectionListRequest,
  PublishCorrectionRequest,
  RefuseCorrectionRequest,
  RequestCorrectionRequest,
  RpcSubjects,
  type Actor,
  type CorrectionListResponse,
  type CorrectionRequestDto,
} from '@phoi-hop/contracts';
import { RpcActor } from '@phoi-hop/messaging';
import { CorrectionService } from './correction.service';

// Press Law 2016 Art. 42: correction requests to outlets and their answers.
@Controller()
export class CorrectionNatsController {
  constructor(private readonly corrections: CorrectionService) {}

  @MessagePattern(RpcSubjects.press.correctionRequest)
  request(@RpcActor() actor: Actor, @Payload() request: RequestCorrectionRequest): Promise<CorrectionRequestDto> {
    return this.corrections.request(actor, request);
  }

  @MessagePattern(RpcSubjects.press.correctionPublish)
  publish(@RpcActor() actor: Actor, @Payload() request: PublishCorrectionRequest): Promise<CorrectionRequestDto> {
    return this.corrections.publish(actor, request);
  }

  @MessagePattern(RpcSubjects.press.correctionRefuse)
  refuse(@RpcActor() actor: Actor, @Payload() request: RefuseCorrectionRequest): Promise<CorrectionRequestDto> {
    return this.corrections.refuse(actor, request);
  }

  @MessagePattern(RpcSubjects.press.correctionGet)
  get(@RpcActor() actor: Actor, @Payload() request: CorrectionGetRequest): Promise<CorrectionRequestDto> {
    return this.corrections.get(actor, request.correctionId);
  }

  @MessagePattern(RpcSubjects.press.correctionList)
  list(@RpcActor() actor: Actor, @Payload() request: CorrectionListRequest): Promise<CorrectionListResponse> {
    return this.corrections.list(actor, request);
  }
}
