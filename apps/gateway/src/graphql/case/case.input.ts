import { Field, Float, InputType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/scalars';
import { CaseStatusEnum, ReportChannelEnum, SeverityEnum } from './case.enums';
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

  @Field(() => ReportChannelEnum, {
    nullable: true,
    description:
      'How the report reached the platform; default AGENCY. MEDIA_MONITORING and MINISTRY_SYSTEM are the lead agency’s coordinators’ (FORBIDDEN otherwise)',
  })
  channel?: ReportChannelEnum;

  @Field(() => String, { nullable: true, description: CLIENT_REQUEST_ID_DESCRIPTION })
  clientRequestId?: string;
}

@InputType({ description: 'Every filter given must hold; the viewer’s visibility always applies' })
export class CaseFilterInput {
  @Field(() => CaseStatusEnum, { nullable: true })
  status?: CaseStatusEnum;

  @Field({ nullable: true })
  categoryCode?: string;

  @Field({
    nullable: true,
    description:
      'Free text, at most 200 characters: a case number (QB-2026-000020), a link to the content (with or without tracking parameters) or words of a report’s excerpt, in any letter case, with or without Vietnamese diacritics ("lu lut" finds "lũ lụt"). Cases come best match first (edge.rank).',
  })
  text?: string;

  @Field(() => SeverityEnum, { nullable: true })
  severity?: SeverityEnum;

  @Field({ nullable: true })
  localityCode?: string;

  @Field({ nullable: true, description: 'Cases this agency is on (reporter, participant, informed or assignee)' })
  agencyCode?: string;

  @Field({ nullable: true, description: 'Opened at or after this instant (ISO 8601 with offset)' })
  openedFrom?: string;

  @Field({ nullable: true, description: 'Opened before this instant (ISO 8601 with offset)' })
  openedTo?: string;

  @Field({ nullable: true, description: 'true: only cases with a deadline that has passed and is still owed; false: only cases without one' })
  overdue?: boolean;
}

export const CASES_PAGE_DEFAULT = 20;
export const CASES_PAGE_MAX = 100;
