import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '../common/page-info.model';
import { DateTimeScalar } from '../common/scalars';
import { ReportChannelEnum } from './case.enums';

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

  @Field(() => DateTimeScalar, { nullable: true })
  observedAt!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => Float, { nullable: true, description: 'Reach the reporting agency estimated (views, shares, members)' })
  estimatedReach!: number | null;

  @Field(() => ReportChannelEnum, { description: 'How the report reached the platform (AGENCY for reports made before channels were recorded)' })
  channel!: ReportChannelEnum;

  @Field()
  reporterAgencyCode!: string;

  @Field(() => DateTimeScalar)
  submittedAt!: string;
}

@ObjectType('ReportEdge')
export class ReportEdgeModel {
  @Field(() => ReportModel)
  node!: ReportModel;

  @Field()
  cursor!: string;
}

@ObjectType('ReportConnection', { description: 'A page of the reports of a case, oldest first' })
export class ReportConnectionModel {
  @Field(() => [ReportEdgeModel])
  edges!: ReportEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;

  @Field(() => Int, { description: 'How many reports the case has' })
  totalCount!: number;
}
