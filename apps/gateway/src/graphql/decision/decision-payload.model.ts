import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CaseModel } from '../case/case.model';
import { DecisionModel, HandlingActionModel } from './decision.model';

@ObjectType('DecideCasePayload')
export class DecideCasePayloadModel {
  @Field(() => CaseModel)
  case!: CaseModel;

  @Field(() => ID)
  decisionId!: string;

  @Field(() => DecisionModel, { description: 'The decision made, with its statement of reasons' })
  decision!: DecisionModel;

  @Field(() => [HandlingActionModel], { description: 'The handling actions the decision planned, in full' })
  actions!: HandlingActionModel[];
}
