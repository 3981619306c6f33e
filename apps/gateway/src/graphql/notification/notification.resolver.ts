import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RpcSubjects, type CreateSubscriptionResponse, type DeliveryDto, type DeliveryListResponse, type SubscriptionDto } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import { InternalToken } from '../common/caller.decorators';
import { toRpcPayload } from '../common/rpc-payload';
import { FailedDeliveryFilterEnum } from './notification.enums';
import { CreateNotificationSubscriptionInput } from './notification.input';
import {
  CreateNotificationSubscriptionPayloadModel,
  NotificationDeliveryModel,
  NotificationDeliveryConnectionModel,
  NotificationSubscriptionModel,
} from './notification.model';
import { IdempotencyKey, withClientRequestId } from '../common/idempotency';

@Resolver()
export class NotificationResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => [NotificationSubscriptionModel], { description: "An agency's notification subscriptions (default: the caller's own)" })
  notificationSubscriptions(
    @Args('agencyCode', { type: () => String, nullable: true }) agencyCode: string | undefined,
    @InternalToken() token: string,
  ): Promise<SubscriptionDto[]> {
    return this.rpc.request<SubscriptionDto[]>(RpcSubjects.notification.subscriptionList, agencyCode ? { agencyCode } : {}, { token });
  }

  @Mutation(() => CreateNotificationSubscriptionPayloadModel, { description: 'Subscribe an agency to the case events it may see, by e-mail or signed webhook' })
  createNotificationSubscription(
    @Args('input') input: CreateNotificationSubscriptionInput,
    @InternalToken() token: string,
    @IdempotencyKey() key: string | null,
  ): Promise<CreateSubscriptionResponse> {
    return this.rpc.request<CreateSubscriptionResponse>(RpcSubjects.notification.subscriptionCreate, toRpcPayload(withClientRequestId(input, key)), { token });
  }

  @Mutation(() => NotificationSubscriptionModel, { description: 'Stop a subscription; what it still owed is cancelled' })
  revokeNotificationSubscription(@Args('id', { type: () => ID }) id: string, @InternalToken() token: string): Promise<SubscriptionDto> {
    return this.rpc.request<SubscriptionDto>(RpcSubjects.notification.subscriptionRevoke, { id }, { token });
  }

  @Query(() => NotificationDeliveryConnectionModel, {
    description: 'Deliveries of an agency being retried (FAILED) or given up (DEAD), newest first; first: 1–100 (default 20)',
  })
  async failedDeliveries(
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true, description: 'endCursor of the previous page' }) after: string | undefined,
    @Args('status', { type: () => FailedDeliveryFilterEnum, nullable: true, description: 'Absent: both' }) status: string | undefined,
    @Args('agencyCode', { type: () => String, nullable: true, description: 'Default: the caller’s agency (only ADMIN may name another)' })
    agencyCode: string | undefined,
    @InternalToken() token: string,
  ): Promise<NotificationDeliveryConnectionModel> {
    const page = await this.rpc.request<DeliveryListResponse>(RpcSubjects.notification.deliveryList, toRpcPayload({ first, after, status, agencyCode }), {
      token,
    });
    return { edges: page.edges, totalCount: page.totalCount, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } };
  }

  @Mutation(() => NotificationDeliveryModel, { description: 'Queue a dead delivery again (its next attempt is now)' })
  replayDelivery(@Args('id', { type: () => ID }) id: string, @InternalToken() token: string): Promise<DeliveryDto> {
    return this.rpc.request<DeliveryDto>(RpcSubjects.notification.deliveryReplay, { id }, { token });
  }
}
