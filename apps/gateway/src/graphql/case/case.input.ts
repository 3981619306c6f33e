import { Field, Float, InputType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/scalars';
import { CaseStatusEnum } from './case.enums';
import { CLIENT_REQUEST_ID_DESCRIPTION } from '../common/idempotency';

@InputType()
export class SubmitReportInput {
  @Field({ description: 'The public address of the content (http or https)' })
  url!: string;

  @Field({ description: 'The harmful content as seen, up to 20,000 characters' })
  excerpt!: string;

  @Field({ description: 'Category code from the taxonomy, e.g. FALSE_INFO_PANIC' })
  categoryCode!: string;

  @Field({ nullable: true })
  localityCode?: string;

  @Field({ nullable: true })
  sectorCode?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the content was seen (not in the future)' })
  observedAt?: string;

  @Field({ nullable: true })
  note?: string;

  @Field(() => Float, { nullable: true, description: 'Estimated reach (views, shares, group members); raises the suggested severity' })
  estimatedReach?: number;

  @Field(() => String, { nullable: true, description: CLIENT_REQUEST_ID_DESCRIPTION })
  clientRequestId?: string;
}

@InputType()
export class CaseFilterInput {
  @Field(() => CaseStatusEnum, { nullable: true })
  status?: CaseStatusEnum;

  @Field({ nullable: true })
  categoryCode?: string;
}

export const CASES_PAGE_DEFAULT = 20;
export const CASES_PAGE_MAX = 100;

