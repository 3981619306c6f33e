import { Field, ID, InputType } from '@nestjs/graphql';
import { DateScalar } from '../common/scalars';

@InputType({ description: 'A period of province days (both included) and at most one filter' })
export class StatisticsInput {
  @Field(() => DateScalar)
  from!: string;

  @Field(() => DateScalar)
  to!: string;

  @Field(() => ID, { nullable: true, description: 'Only the cases of this category' })
  categoryCode?: string;

  @Field(() => ID, { nullable: true, description: 'Only the cases of this locality' })
  localityCode?: string;

  @Field(() => ID, { nullable: true, description: 'Only the cases this agency led or took part in' })
  agencyCode?: string;
}
