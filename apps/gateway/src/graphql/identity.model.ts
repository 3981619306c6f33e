import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from './case.model';

@ObjectType('User', { description: 'A directory user: work identity, roles and state (no credentials)' })
export class UserModel {
  @Field(() => ID)
  id!: string;

  @Field()
  username!: string;

  @Field()
  displayName!: string;

  @Field()
  agencyCode!: string;

  @Field(() => [String])
  roles!: string[];

  @Field()
  active!: boolean;

  @Field()
  createdAt!: string;

  @Field(() => String, { nullable: true })
  disabledAt!: string | null;

  @Field(() => String, { nullable: true })
  disabledReason!: string | null;

  @Field(() => String, { nullable: true, description: "The subject (\"sub\") at the platform's identity provider linked to this user; tokens name users only through it" })
  subject!: string | null;
}

@ObjectType('UserEdge')
export class UserEdgeModel {
  @Field(() => UserModel)
  node!: UserModel;

  @Field()
  cursor!: string;
}

@ObjectType('UserConnection')
export class UserConnectionModel {
  @Field(() => [UserEdgeModel])
  edges!: UserEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;
}

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

  @Field(() => [String], { description: 'COORDINATOR only in the lead agency, INVESTIGATOR only in the police, ETHICS_OFFICER only in the press association; never API_CLIENT' })
  roles!: string[];
}

@InputType()
export class UpdateUserInput {
  @Field({ nullable: true })
  displayName?: string;

  @Field({ nullable: true })
  agencyCode?: string;

  @Field(() => [String], { nullable: true })
  roles?: string[];

  @Field({ nullable: true, description: 'A new linked subject at the identity provider; "" removes the link' })
  subject?: string;
}

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

  @Field()
  createdAt!: string;

  @Field()
  createdBy!: string;

  @Field(() => String, { nullable: true, description: 'Last use, to the minute' })
  lastUsedAt!: string | null;

  @Field(() => String, { nullable: true })
  expiresAt!: string | null;

  @Field(() => String, { nullable: true })
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
