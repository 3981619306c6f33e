import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CaseModel } from '../case/case.model';
import { HandlingActionModel } from './decision.model';

@ObjectType('DecideCasePayload')
export class DecideCasePayloadModel {
  @Field(() => CaseModel)
  case!: CaseModel;

  @Field(() => ID)
  decisionId!: string;

  @Field(() => [HandlingActionModel])
  actions!: HandlingActionModel[];
}
