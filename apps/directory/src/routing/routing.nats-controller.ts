import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ExplainRoutingRequest, RpcSubjects, RouteCaseRequest, type ExplainRoutingResponse, type RouteCaseResponse } from '@phoi-hop/contracts';
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
}
