import { Field, ID, InputType } from '@nestjs/graphql';
import type { CorrectionStatus } from '@phoi-hop/contracts';
import { DateScalar, DateTimeScalar } from '../common/scalars';
import { CorrectionStatusEnum } from './correction.enums';

@InputType({ description: 'Press Law 2016 Art. 42: ask an outlet to publish a correction and apology' })
export class RequestCorrectionInput {
  @Field(() => ID, { nullable: true, description: 'The case it belongs to; the requesting agency must take part in it' })
  caseId?: string;

  @Field({ description: 'The outlet: an agency code of a press organ in force (e.g. BAO_QB)' })
  outletAgencyCode!: string;

  @Field({ description: 'The work’s title as published' })
  workTitle!: string;

  @Field({ nullable: true, description: 'Its section or programme' })
  workSection?: string;

  @Field(() => DateScalar, { description: 'The day it was published or broadcast (not in the future)' })
  workPublishedOn!: string;

  @Field({ nullable: true, description: 'Where it is online (http or https)' })
  workUrl?: string;

  @Field({ description: 'What is wrong' })
  whatIsWrong!: string;

  @Field({ description: 'The false content as published' })
  falseContent!: string;

  @Field({ description: 'What is true instead' })
  correctedContent!: string;

  @Field({ description: 'The text to publish under the heading "Thông tin cải chính, xin lỗi"' })
  requestedText!: string;

  @Field(() => DateTimeScalar, { description: 'When the outlet must have answered: at least an hour from now, at most a year' })
  deadline!: string;
}

@InputType()
export class PublishCorrectionInput {
  @Field(() => ID)
  correctionId!: string;

  @Field({ description: 'Where the correction was published (http or https)' })
  publishedUrl!: string;

  @Field(() => DateTimeScalar, { description: 'When: not in the future, not before the work' })
  publishedAt!: string;
}

@InputType()
export class RefuseCorrectionInput {
  @Field(() => ID)
  correctionId!: string;

  @Field({ description: 'Why the outlet refuses' })
  reasons!: string;
}

@InputType()
export class CorrectionRequestFilterInput {
  @Field(() => ID, { nullable: true })
  caseId?: string;

  @Field(() => CorrectionStatusEnum, { nullable: true })
  status?: CorrectionStatus;

  @Field({ nullable: true })
  outletAgencyCode?: string;
}
