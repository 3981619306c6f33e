import { Field, ID, ObjectType } from '@nestjs/graphql';
import { RoleEnum } from './directory.enums';

@ObjectType('Me')
export class MeModel {
  @Field(() => ID)
  id!: string;

  @Field()
  username!: string;

  @Field()
  displayName!: string;

  @Field(() => [RoleEnum])
  roles!: string[];

  agencyCode!: string;
}
