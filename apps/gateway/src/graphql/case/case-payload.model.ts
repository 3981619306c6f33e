import { Field, ObjectType } from '@nestjs/graphql';
import { CaseModel } from './case.model';
import { ReportModel } from './report.model';

@ObjectType('SubmitReportPayload')
export class SubmitReportPayloadModel {
  @Field(() => ReportModel)
  report!: ReportModel;

  @Field(() => CaseModel, { description: 'The case the report opened or joined' })
  case!: CaseModel;

  @Field({ description: 'True when the report joined an open case about the same content' })
  merged!: boolean;
}

@ObjectType('SplitReportPayload')
export class SplitReportPayloadModel {
  @Field(() => CaseModel, { description: 'The case the report left' })
  case!: CaseModel;

  @Field(() => CaseModel, { description: 'The case the report opened' })
  newCase!: CaseModel;
}
