import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/scalars';

@ObjectType('ApiKey', { description: "A machine client's API key: metadata only, never the secret" })
export class ApiKeyModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  agencyCode!: string;

  @Field(() => [String], { description: 'GraphQL operations the key may call' })
  scopes!: string[];

  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Field()
  createdBy!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Last use, to the minute' })
  lastUsedAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  expiresAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  revokedAt!: string | null;

  @Field(() => String, { nullable: true })
  revokedReason!: string | null;
}

@ObjectType('CreateApiKeyPayload')
export class CreateApiKeyPayloadModel {
  @Field(() => ApiKeyModel)
  apiKey!: ApiKeyModel;

  @Field({ description: 'The key, shown this once: send it as "Authorization: ApiKey <secret>" or "X-Api-Key"' })
  secret!: string;
}
