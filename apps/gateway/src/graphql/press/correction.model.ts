import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { CorrectionStatus } from '@phoi-hop/contracts';
import { PageInfoModel } from '../common/page-info.model';
import { DateScalar, DateTimeScalar } from '../common/scalars';
import { CorrectionStatusEnum } from './correction.enums';

@ObjectType('CorrectedWork', { description: 'The work a correction is asked for, as published' })
export class CorrectedWorkModel {
  @Field()
  title!: string;

  @Field(() => String, { nullable: true, description: 'Section (chuyên mục) or programme' })
  section!: string | null;

  @Field(() => DateScalar)
  publishedOn!: string;

  @Field(() => String, { nullable: true })
  url!: string | null;
}

@ObjectType('CorrectionAnswer', { description: 'The outlet’s answer: where and when the correction was published, or why it refuses' })
export class CorrectionAnswerModel {
  @Field(() => String, { nullable: true })
  publishedUrl!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  publishedAt!: string | null;

  @Field(() => String, { nullable: true })
  refusalReasons!: string | null;

  @Field({ description: 'The user of the outlet who answered' })
  answeredBy!: string;

  @Field()
  answeredByAgency!: string;

  @Field(() => DateTimeScalar)
  answeredAt!: string;

  @Field({ description: 'Answered after the deadline' })
  late!: boolean;
}

@ObjectType('CorrectionRequest', { description: 'A request to an outlet to publish a correction and apology (Press Law 2016 Art. 42)' })
export class CorrectionRequestModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true })
  caseId!: string | null;

  @Field(() => String, { nullable: true })
  caseNumber!: string | null;

  @Field(() => CorrectionStatusEnum)
  status!: CorrectionStatus;

  @Field()
  requesterAgencyCode!: string;

  @Field()
  requestedBy!: string;

  @Field(() => DateTimeScalar)
  requestedAt!: string;

  @Field({ description: 'The outlet (a press organ of the directory)' })
  outletAgencyCode!: string;

  @Field(() => CorrectedWorkModel)
  work!: CorrectedWorkModel;

  @Field()
  whatIsWrong!: string;

  @Field()
  falseContent!: string;

  @Field()
  correctedContent!: string;

  @Field({ description: 'The heading the correction is published under: "Thông tin cải chính, xin lỗi"' })
  heading!: string;

  @Field({ description: 'The text the outlet is asked to publish under the heading' })
  requestedText!: string;

  @Field(() => DateTimeScalar)
  deadline!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the deadline passed unanswered' })
  overdueAt!: string | null;

  @Field(() => CorrectionAnswerModel, { nullable: true })
  answer!: CorrectionAnswerModel | null;
}

@ObjectType('CorrectionRequestEdge')
export class CorrectionRequestEdgeModel {
  @Field(() => CorrectionRequestModel)
  node!: CorrectionRequestModel;

  @Field()
  cursor!: string;
}

@ObjectType('CorrectionRequestConnection', { description: 'Correction requests, newest first' })
export class CorrectionRequestConnectionModel {
  @Field(() => [CorrectionRequestEdgeModel])
  edges!: CorrectionRequestEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;

  @Field(() => Int, { description: 'Every request matching the filter that the viewer may see' })
  totalCount!: number;
}

@ObjectType('CorrectionRequestPayload')
export class CorrectionRequestPayloadModel {
  @Field(() => CorrectionRequestModel)
  correctionRequest!: CorrectionRequestModel;
}
