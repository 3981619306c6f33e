import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/scalars';
import { CaseModel } from './case.model';
import { ReportModel } from './report.model';

@ObjectType('CaseEvent')
export class CaseEventModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'e.g. "case.opened", "report.attached"' })
  type!: string;

  @Field(() => DateTimeScalar)
  occurredAt!: string;

  @Field(() => ID)
  caseId!: string;

  @Field(() => String, { nullable: true })
  caseNumber!: string | null;

  @Field(() => CaseModel, { nullable: true, description: 'The case, for case.opened' })
  case!: CaseModel | null;

  @Field(() => ReportModel, { nullable: true, description: 'The report, for report.attached' })
  report!: ReportModel | null;

  @Field(() => ID, { nullable: true, description: 'The consultation, for consultation events' })
  consultationId?: string | null;
}
