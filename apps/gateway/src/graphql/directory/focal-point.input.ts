import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class FocalPointInput {
  @Field()
  agencyCode!: string;

  @Field(() => ID, { nullable: true, description: 'Absent: add a new focal point' })
  id?: string;

  @Field()
  displayName!: string;

  @Field()
  title!: string;

  @Field({ nullable: true })
  workPhone?: string;

  @Field({ nullable: true })
  workEmail?: string;

  @Field(() => ID, { nullable: true })
  deputyId?: string;

  @Field({ nullable: true })
  active?: boolean;
}
