import { Field, InputType } from '@nestjs/graphql';
import { SeverityEnum } from '../case/case.enums';
import { DateScalar } from '../common/scalars';

@InputType()
export class RoutingQuestionInput {
  @Field()
  categoryCode!: string;

  @Field({ nullable: true })
  localityCode?: string;

  @Field({ nullable: true })
  sectorCode?: string;

  @Field({ nullable: true, description: 'Text of the content, for keyword rules' })
  text?: string;

  @Field(() => SeverityEnum, { nullable: true, description: 'For rules on severity (default: the category’s)' })
  severity?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Route with the rules and reference data in force on this day (default today)' })
  asOf?: string;
}
