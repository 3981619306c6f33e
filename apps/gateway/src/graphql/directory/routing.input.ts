import { Field, InputType } from '@nestjs/graphql';

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

  @Field({ nullable: true, description: 'LOW, MEDIUM, HIGH or CRITICAL, for rules on severity (default: the category’s)' })
  severity?: string;

  @Field({ nullable: true, description: 'Route with the rules and reference data in force on this day (YYYY-MM-DD; default today)' })
  asOf?: string;
}
