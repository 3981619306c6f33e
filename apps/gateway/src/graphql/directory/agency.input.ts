import { Field, InputType } from '@nestjs/graphql';
import { DateScalar } from '../common/scalars';
import { AgencyKindEnum } from './directory.enums';

@InputType('NewAgencyInputModel')
export class NewAgencyInput {
  @Field()
  name!: string;

  @Field(() => AgencyKindEnum)
  kind!: string;

  @Field({ nullable: true })
  parentCode?: string;
}

@InputType()
export class ReorganizeAgenciesInput {
  @Field(() => DateScalar, { description: 'The successor takes over from this day' })
  effectiveDate!: string;

  @Field(() => [String])
  retire!: string[];

  @Field()
  successorCode!: string;

  @Field(() => NewAgencyInput, { nullable: true, description: 'To create the successor' })
  newSuccessor?: NewAgencyInput;

  @Field({ description: 'Why (the decision that reorganised the agencies)' })
  reason!: string;
}
