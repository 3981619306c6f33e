import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar } from '../common/scalars';
import { ReferenceKindEnum } from './directory.enums';

@ObjectType('ReferenceRevision')
export class ReferenceRevisionModel {
  @Field(() => Int)
  id!: number;

  @Field(() => ReferenceKindEnum)
  kind!: string;

  @Field(() => ID)
  code!: string;

  @Field(() => DateScalar)
  validFrom!: string;

  @Field(() => String, { nullable: true, description: 'The record as JSON; null when retired' })
  recordJson!: string | null;

  @Field()
  reason!: string;

  @Field(() => String, { nullable: true })
  actorAgency!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: string;
}
