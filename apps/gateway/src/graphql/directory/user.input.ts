import { Field, InputType } from '@nestjs/graphql';
import { CLIENT_REQUEST_ID_DESCRIPTION } from '../common/idempotency';
import { RoleEnum } from './directory.enums';

@InputType()
export class CreateUserInput {
  @Field({ description: 'Login name: 2–64 of a-z 0-9 . _ -' })
  username!: string;

  @Field({ nullable: true, description: "The user's subject (\"sub\") at the platform's identity provider: a person, or a machine client an administrator lets in" })
  subject?: string;

  @Field()
  displayName!: string;

  @Field()
  agencyCode!: string;

  @Field(() => [RoleEnum], { description: 'COORDINATOR only in the lead agency, INVESTIGATOR only in the police, ETHICS_OFFICER only in the press association; never API_CLIENT' })
  roles!: string[];

  @Field(() => String, { nullable: true, description: CLIENT_REQUEST_ID_DESCRIPTION })
  clientRequestId?: string;
}

@InputType()
export class UpdateUserInput {
  @Field({ nullable: true })
  displayName?: string;

  @Field({ nullable: true })
  agencyCode?: string;

  @Field(() => [RoleEnum], { nullable: true })
  roles?: string[];

  @Field({ nullable: true, description: 'A new linked subject at the identity provider; "" removes the link' })
  subject?: string;
}
