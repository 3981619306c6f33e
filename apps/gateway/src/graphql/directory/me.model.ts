import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Me')
export class MeModel {
  @Field(() => ID)
  id!: string;

  @Field()
  username!: string;

  @Field()
  displayName!: string;

  @Field(() => [String])
  roles!: string[];

  agencyCode!: string;
}
