import { Field, InputType } from '@nestjs/graphql';

@InputType('NewAgencyInputModel')
export class NewAgencyInput {
  @Field()
  name!: string;

  @Field({ description: 'DEPARTMENT, PEOPLES_COMMITTEE, PARTY_COMMITTEE, POLICE, PRESS_ORGAN, ASSOCIATION or OFFICE' })
  kind!: string;

  @Field({ nullable: true })
  parentCode?: string;
}

@InputType()
export class ReorganizeAgenciesInput {
  @Field({ description: 'YYYY-MM-DD: the successor takes over from this day' })
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
