import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ReferenceRevision')
export class ReferenceRevisionModel {
  @Field(() => Int)
  id!: number;

  @Field()
  kind!: string;

  @Field(() => ID)
  code!: string;

  @Field()
  validFrom!: string;

  @Field(() => String, { nullable: true, description: 'The record as JSON; null when retired' })
  recordJson!: string | null;

  @Field()
  reason!: string;

  @Field(() => String, { nullable: true })
  actorAgency!: string | null;

  @Field()
  createdAt!: string;
}
