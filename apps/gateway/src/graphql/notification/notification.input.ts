import { Field, InputType } from '@nestjs/graphql';
import { CLIENT_REQUEST_ID_DESCRIPTION } from '../common/idempotency';
import { NotificationChannelEnum } from './notification.enums';

@InputType()
export class CreateNotificationSubscriptionInput {
  @Field({ nullable: true, description: "Default: the caller's agency (only ADMIN may name another)" })
  agencyCode?: string;

  @Field(() => NotificationChannelEnum)
  channel!: string;

  @Field({ description: 'EMAIL: a work e-mail address; WEBHOOK: an https URL' })
  target!: string;

  @Field(() => [String], { nullable: true, description: 'Event subjects, e.g. evt.intake.case.opened; absent: every case event' })
  eventTypes?: string[];

  @Field(() => String, { nullable: true, description: CLIENT_REQUEST_ID_DESCRIPTION })
  clientRequestId?: string;
}
