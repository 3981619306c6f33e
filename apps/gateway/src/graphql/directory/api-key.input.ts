import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class CreateApiKeyInput {
  @Field()
  agencyCode!: string;

  @Field()
  name!: string;

  @Field(() => [String], { description: 'GraphQL operations open to API_CLIENT, e.g. submitReport' })
  scopes!: string[];

  @Field({ nullable: true, description: 'ISO 8601 date-time; absent: until revoked' })
  expiresAt?: string;
}
