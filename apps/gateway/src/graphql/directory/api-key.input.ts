import { Field, InputType } from '@nestjs/graphql';
import { CLIENT_REQUEST_ID_DESCRIPTION } from '../common/idempotency';
import { DateTimeScalar } from '../common/scalars';

@InputType()
export class CreateApiKeyInput {
  @Field()
  agencyCode!: string;

  @Field()
  name!: string;

  @Field(() => [String], { description: 'GraphQL operations open to API_CLIENT, e.g. submitReport' })
  scopes!: string[];

  @Field(() => DateTimeScalar, { nullable: true, description: 'In the future; absent: until revoked' })
  expiresAt?: string;

  @Field(() => String, { nullable: true, description: CLIENT_REQUEST_ID_DESCRIPTION })
  clientRequestId?: string;
}
