import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/scalars';
import { RoleEnum } from './directory.enums';
import { PageInfoModel } from '../common/page-info.model';

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

  @Field(() => [RoleEnum])
  roles!: string[];

  @Field()
  active!: boolean;

  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  disabledAt!: string | null;

  @Field(() => String, { nullable: true })
  disabledReason!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The subject ("sub") at the platform\'s identity provider linked to this user; tokens name users only through it',
  })
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

  @Field(() => Int, { description: 'Every user of the list, on every page' })
  totalCount!: number;
}
