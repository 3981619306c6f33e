import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DeliveryListRequest, DeliveryReplayRequest, RpcSubjects, type DeliveryDto, type DeliveryListResponse, type Actor } from '@phoi-hop/contracts';
import { RpcActor } from '@phoi-hop/messaging';
import { DeliveryService } from './delivery.service';

@Controller()
export class DeliveryNatsController {
  constructor(private readonly deliveries: DeliveryService) {}

  @MessagePattern(RpcSubjects.notification.deliveryList)
  list(@RpcActor() actor: Actor, @Payload() request: DeliveryListRequest): Promise<DeliveryListResponse> {
    return this.deliveries.listFailed(actor, request);
  }

  @MessagePattern(RpcSubjects.notification.deliveryReplay)
  replay(@RpcActor() actor: Actor, @Payload() request: DeliveryReplayRequest): Promise<DeliveryDto> {
    return this.deliveries.replay(actor, request.id);
  }
}
