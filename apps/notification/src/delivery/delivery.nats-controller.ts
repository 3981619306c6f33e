import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DeliveryListRequest, DeliveryReplayRequest, RpcSubjects, type DeliveryDto, type DeliveryListResponse } from '@phoi-hop/contracts';
import { ActorContext } from '@phoi-hop/auth';
import { DeliveryService } from './delivery.service';

@Controller()
export class DeliveryNatsController {
  constructor(private readonly deliveries: DeliveryService) {}

  @MessagePattern(RpcSubjects.notification.deliveryList)
  list(@Payload() request: DeliveryListRequest): Promise<DeliveryListResponse> {
    return this.deliveries.listFailed(ActorContext.require(), request);
  }

  @MessagePattern(RpcSubjects.notification.deliveryReplay)
  replay(@Payload() request: DeliveryReplayRequest): Promise<DeliveryDto> {
    return this.deliveries.replay(ActorContext.require(), request.id);
  }
}
