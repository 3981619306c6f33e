import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CreateSubscriptionRequest, RpcSubjects, SubscriptionListRequest, SubscriptionRevokeRequest, type CreateSubscriptionResponse, type SubscriptionDto } from '@phoi-hop/contracts';
import { ActorContext } from '@phoi-hop/auth';
import { SubscriptionService } from './subscription.service';

@Controller()
export class SubscriptionNatsController {
  constructor(private readonly subscriptions: SubscriptionService) {}

  @MessagePattern(RpcSubjects.notification.subscriptionCreate)
  create(@Payload() request: CreateSubscriptionRequest): Promise<CreateSubscriptionResponse> {
    return this.subscriptions.create(ActorContext.require(), request);
  }

  @MessagePattern(RpcSubjects.notification.subscriptionList)
  list(@Payload() request: SubscriptionListRequest): Promise<SubscriptionDto[]> {
    return this.subscriptions.list(ActorContext.require(), request.agencyCode);
  }

  @MessagePattern(RpcSubjects.notification.subscriptionRevoke)
  revoke(@Payload() request: SubscriptionRevokeRequest): Promise<SubscriptionDto> {
    return this.subscriptions.revoke(ActorContext.require(), request.id);
  }
}
