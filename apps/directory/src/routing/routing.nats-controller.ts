import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ExplainRoutingRequest, ReferenceDataRequest, RoutingSnapshotRequest, RpcSubjects, RouteCaseRequest, type ExplainRoutingResponse, type ReferenceDataDto, type RouteCaseResponse } from '@phoi-hop/contracts';
import type { RoutingSnapshot } from '@phoi-hop/routing';
import { RoutingService } from './routing.service';

@Controller()
export class RoutingNatsController {
  constructor(private readonly routing: RoutingService) {}

  // Đ6, Đ7.1: who handles a case, each with the article that put it there.
  @MessagePattern(RpcSubjects.directory.caseRoute)
  route(@Payload() request: RouteCaseRequest): Promise<RouteCaseResponse> {
    return this.routing.route(request);
  }

  @MessagePattern(RpcSubjects.directory.routingExplain)
  explain(@Payload() request: ExplainRoutingRequest): Promise<ExplainRoutingResponse> {
    return this.routing.explain(request);
  }

  @MessagePattern(RpcSubjects.directory.referenceData)
  referenceData(@Payload() request: ReferenceDataRequest): Promise<ReferenceDataDto> {
    return this.routing.referenceDataOn(request.asOf);
  }

  // The same rules and reference data, for a service that routes reports itself (intake).
  @MessagePattern(RpcSubjects.directory.routingSnapshot)
  snapshot(@Payload() request: RoutingSnapshotRequest): Promise<RoutingSnapshot> {
    return this.routing.snapshotOn(request.day);
  }
}
