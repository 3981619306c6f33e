import { Field, Float, InputType } from '@nestjs/graphql';
import { CaseStatusEnum } from './case.enums';

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

  @Field({ nullable: true, description: 'ISO 8601 date-time when the content was seen' })
  observedAt?: string;

  @Field({ nullable: true })
  note?: string;

  @Field(() => Float, { nullable: true, description: 'Estimated reach (views, shares, group members); raises the suggested severity' })
  estimatedReach?: number;
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

