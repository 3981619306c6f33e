import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateSubscriptionRequest,
  RpcSubjects,
  SubscriptionListRequest,
  SubscriptionRevokeRequest,
  type CreateSubscriptionResponse,
  type SubscriptionDto,
  type Actor,
} from '@phoi-hop/contracts';
import { RpcActor } from '@phoi-hop/messaging';
import { SubscriptionService } from './subscription.service';

@Controller()
export class SubscriptionNatsController {
  constructor(private readonly subscriptions: SubscriptionService) {}

  @MessagePattern(RpcSubjects.notification.subscriptionCreate)
  create(@RpcActor() actor: Actor, @Payload() request: CreateSubscriptionRequest): Promise<CreateSubscriptionResponse> {
    return this.subscriptions.create(actor, request);
  }

  @MessagePattern(RpcSubjects.notification.subscriptionList)
  list(@RpcActor() actor: Actor, @Payload() request: SubscriptionListRequest): Promise<SubscriptionDto[]> {
    return this.subscriptions.list(actor, request.agencyCode);
  }

  @MessagePattern(RpcSubjects.notification.subscriptionRevoke)
  revoke(@RpcActor() actor: Actor, @Payload() request: SubscriptionRevokeRequest): Promise<SubscriptionDto> {
    return this.subscriptions.revoke(actor, request.id);
  }
}
