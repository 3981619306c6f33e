import { Field, ID, InputType } from '@nestjs/graphql';
import type { ReportPeriodKind } from '@phoi-hop/contracts';
import { DateScalar, DateTimeScalar } from '../common/scalars';
import { ReportPeriodKindEnum } from './period.enums';

@InputType({ description: 'A report period the lead agency opens, with the agencies that owe a section' })
export class OpenReportPeriodInput {
  @Field(() => ReportPeriodKindEnum)
  kind!: ReportPeriodKind;

  @Field(() => DateScalar, { description: 'First day covered' })
  from!: string;

  @Field(() => DateScalar, { description: 'Last day covered (included)' })
  to!: string;

  @Field(() => DateTimeScalar, { description: 'When the sections are due' })
  deadline!: string;

  @Field(() => [ID])
  agencyCodes!: string[];

  @Field({ nullable: true, description: 'Ad hoc: what the report is about' })
  title?: string;
}

@InputType({ description: 'An agency’s section: what was done, difficulties, proposals (Đ7.3); a draft until submitted' })
export class SaveReportSectionInput {
  @Field(() => ID)
  periodId!: string;

  @Field()
  accomplishments!: string;

  @Field()
  difficulties!: string;

  @Field()
  proposals!: string;

  @Field({ description: 'false keeps it a draft; true submits it (a later submission is a revision)' })
  submit!: boolean;
}
