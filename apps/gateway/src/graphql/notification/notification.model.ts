import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '../common/page-info.model';
import { DateTimeScalar } from '../common/scalars';
import { DeliveryStatusEnum, NotificationChannelEnum } from './notification.enums';

@ObjectType('NotificationSubscription', { description: "An agency's subscription to the case events it may see (e-mail or signed webhook)" })
export class NotificationSubscriptionModel {
  @Field(() => ID)
  id!: string;

  @Field()
  agencyCode!: string;

  @Field(() => NotificationChannelEnum)
  channel!: string;

  @Field({ description: 'The work e-mail address or the webhook URL' })
  target!: string;

  @Field(() => [String], { description: 'Event subjects told about; empty: every case event' })
  eventTypes!: string[];

  @Field()
  active!: boolean;

  @Field()
  createdBy!: string;

  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Field(() => DateTimeScalar, { nullable: true })
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

  @Field(() => NotificationChannelEnum)
  channel!: string;

  @Field(() => ID)
  eventId!: string;

  @Field()
  eventType!: string;

  @Field(() => String, { nullable: true })
  caseNumber!: string | null;

  @Field(() => DeliveryStatusEnum)
  status!: string;

  @Field(() => Int)
  attempts!: number;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field(() => Int, { nullable: true })
  lastStatusCode!: number | null;

  @Field(() => DateTimeScalar, { nullable: true })
  nextAttemptAt!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: string;
}

@ObjectType('NotificationDeliveryEdge')
export class NotificationDeliveryEdgeModel {
  @Field(() => NotificationDeliveryModel)
  node!: NotificationDeliveryModel;

  @Field()
  cursor!: string;
}

@ObjectType('NotificationDeliveryConnection')
export class NotificationDeliveryConnectionModel {
  @Field(() => [NotificationDeliveryEdgeModel])
  edges!: NotificationDeliveryEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;

  @Field(() => Int, { description: 'Every delivery of the list, on every page' })
  totalCount!: number;
}
