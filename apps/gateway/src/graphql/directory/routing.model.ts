import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../common/scalars';
import { ParticipantModel } from '../case/participant.model';

@ObjectType('RuleExplanation')
export class RuleExplanationModel {
  @Field()
  ruleId!: string;

  @Field()
  article!: string;

  @Field()
  matched!: boolean;

  @Field()
  reason!: string;

  @Field(() => String, { nullable: true })
  agencyCode!: string | null;
}

@ObjectType('RoutingExplanation')
export class RoutingExplanationModel {
  @Field(() => [ParticipantModel])
  participants!: ParticipantModel[];

  @Field(() => [RuleExplanationModel])
  rules!: RuleExplanationModel[];

  @Field(() => Int, { description: 'The version of the reference data used (0: as seeded)' })
  referenceVersion!: number;

  @Field(() => DateScalar, { description: 'The day routed for' })
  asOf!: string;
}
