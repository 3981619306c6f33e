import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RpcSubjects, type CreateSubscriptionResponse, type DeliveryDto, type DeliveryListResponse, type SubscriptionDto } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import { requireActor, type GqlContext } from './gql-context';
import { CreateNotificationSubscriptionInput } from './notification.input';
import { CreateNotificationSubscriptionPayloadModel, NotificationDeliveryModel, NotificationDeliveryPageModel, NotificationSubscriptionModel } from './notification.model';

@Resolver()
export class NotificationResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => [NotificationSubscriptionModel], { description: "An agency's notification subscriptions (default: the caller's own)" })
  notificationSubscriptions(@Args('agencyCode', { type: () => String, nullable: true }) agencyCode: string | undefined, @Context() context: GqlContext): Promise<SubscriptionDto[]> {
    const { token } = requireActor(context, 'notificationSubscriptions');
    return this.rpc.request<SubscriptionDto[]>(RpcSubjects.notification.subscriptionList, agencyCode ? { agencyCode } : {}, { token });
  }

  @Mutation(() => CreateNotificationSubscriptionPayloadModel, { description: 'Subscribe an agency to the case events it may see, by e-mail or signed webhook' })
  createNotificationSubscription(@Args('input') input: CreateNotificationSubscriptionInput, @Context() context: GqlContext): Promise<CreateSubscriptionResponse> {
    const { token } = requireActor(context, 'createNotificationSubscription');
    const request = JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
    return this.rpc.request<CreateSubscriptionResponse>(RpcSubjects.notification.subscriptionCreate, request, { token });
  }

  @Mutation(() => NotificationSubscriptionModel, { description: 'Stop a subscription; what it still owed is cancelled' })
  revokeNotificationSubscription(@Args('id', { type: () => ID }) id: string, @Context() context: GqlContext): Promise<SubscriptionDto> {
    const { token } = requireActor(context, 'revokeNotificationSubscription');
    return this.rpc.request<SubscriptionDto>(RpcSubjects.notification.subscriptionRevoke, { id }, { token });
  }

  @Query(() => NotificationDeliveryPageModel, { description: "Deliveries of an agency being retried (FAILED) or given up (DEAD), newest first" })
  failedDeliveries(
    @Args('first', { type: () => Int }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
    @Args('status', { type: () => String, nullable: true, description: 'FAILED or DEAD; absent: both' }) status: string | undefined,
    @Args('agencyCode', { type: () => String, nullable: true }) agencyCode: string | undefined,
    @Context() context: GqlContext,
  ): Promise<DeliveryListResponse> {
    const { token } = requireActor(context, 'failedDeliveries');
    const request = JSON.parse(JSON.stringify({ first, after, status, agencyCode })) as Record<string, unknown>;
    return this.rpc.request<DeliveryListResponse>(RpcSubjects.notification.deliveryList, request, { token });
  }

  @Mutation(() => NotificationDeliveryModel, { description: 'Queue a dead delivery again (its next attempt is now)' })
  replayDelivery(@Args('id', { type: () => ID }) id: string, @Context() context: GqlContext): Promise<DeliveryDto> {
    const { token } = requireActor(context, 'replayDelivery');
    return this.rpc.request<DeliveryDto>(RpcSubjects.notification.deliveryReplay, { id }, { token });
  }
}
