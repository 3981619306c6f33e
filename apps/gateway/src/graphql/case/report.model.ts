import { Field, Float, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Report')
export class ReportModel {
  @Field(() => ID)
  id!: string;

  @Field()
  url!: string;

  @Field()
  canonicalUrl!: string;

  @Field()
  excerpt!: string;

  @Field()
  categoryCode!: string;

  @Field(() => String, { nullable: true })
  localityCode!: string | null;

  @Field(() => String, { nullable: true })
  sectorCode!: string | null;

  @Field(() => String, { nullable: true })
  observedAt!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => Float, { nullable: true, description: 'Reach the reporting agency estimated (views, shares, members)' })
  estimatedReach!: number | null;

  @Field()
  reporterAgencyCode!: string;

  @Field()
  submittedAt!: string;
}
