import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { FocalPointListRequest, FocalPointSetRequest, RpcSubjects, type FocalPointDto, type Actor } from '@phoi-hop/contracts';
import { RpcActor } from '@phoi-hop/messaging';
import { FocalPointService } from './focal-point.service';

@Controller()
export class FocalPointNatsController {
  constructor(private readonly focalPoints: FocalPointService) {}

  // Đ4.3: who in each agency follows this work.
  @MessagePattern(RpcSubjects.directory.focalPointList)
  list(@Payload() request: FocalPointListRequest): Promise<FocalPointDto[]> {
    return this.focalPoints.list(request.agencyCode);
  }

  @MessagePattern(RpcSubjects.directory.focalPointSet)
  set(@RpcActor() actor: Actor, @Payload() request: FocalPointSetRequest): Promise<FocalPointDto> {
    return this.focalPoints.set(actor, request);
  }
}
