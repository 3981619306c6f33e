import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('NotificationSubscription', { description: "An agency's subscription to the case events it may see (e-mail or signed webhook)" })
export class NotificationSubscriptionModel {
  @Field(() => ID)
  id!: string;

  @Field()
  agencyCode!: string;

  @Field({ description: 'EMAIL or WEBHOOK' })
  channel!: string;

  @Field({ description: 'The work e-mail address or the webhook URL' })
  target!: string;

  @Field(() => [String], { description: 'Event subjects told about; empty: every case event' })
  eventTypes!: string[];

  @Field()
  active!: boolean;

  @Field()
  createdBy!: string;

  @Field()
  createdAt!: string;

  @Field(() => String, { nullable: true })
  revokedAt!: string | null;
}

@ObjectType('CreateNotificationSubscriptionPayload')
export class CreateNotificationSubscriptionPayloadModel {
  @Field(() => NotificationSubscriptionModel)
  subscription!: NotificationSubscriptionModel;

  @Field(() => String, { nullable: true, description: 'WEBHOOK: the signing secret. Shown this once; store it now.' })
  secret!: string | null;
}

@ObjectType('NotificationDelivery', { description: 'A notification owed to an agency, with its attempts' })
export class NotificationDeliveryModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  subscriptionId!: string;

  @Field()
  agencyCode!: string;

  @Field()
  channel!: string;

  @Field(() => ID)
  eventId!: string;

  @Field()
  eventType!: string;

  @Field(() => String, { nullable: true })
  caseNumber!: string | null;

  @Field({ description: 'PENDING, DELIVERED, DEAD or CANCELLED' })
  status!: string;

  @Field(() => Int)
  attempts!: number;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field(() => Int, { nullable: true })
  lastStatusCode!: number | null;

  @Field(() => String, { nullable: true })
  nextAttemptAt!: string | null;

  @Field()
  createdAt!: string;
}

@ObjectType('NotificationDeliveryPage')
export class NotificationDeliveryPageModel {
  @Field(() => [NotificationDeliveryModel])
  nodes!: NotificationDeliveryModel[];

  @Field(() => String, { nullable: true })
  endCursor!: string | null;

  @Field()
  hasNextPage!: boolean;
}
