import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ReportDocumentFormat, ReportPeriodKind, ReportPeriodStatus, ReportSectionStatus } from '@phoi-hop/contracts';
import { DateScalar, DateTimeScalar } from '../common/scalars';
import { ReportPeriodKindEnum, ReportPeriodStatusEnum, ReportSectionStatusEnum } from './period.enums';

@ObjectType('ReportSectionVersion', { description: 'One saved version of an agency’s section' })
export class ReportSectionVersionModel {
  @Field(() => Int)
  version!: number;

  @Field(() => ReportSectionStatusEnum)
  status!: ReportSectionStatus;

  @Field()
  accomplishments!: string;

  @Field()
  difficulties!: string;

  @Field()
  proposals!: string;

  @Field(() => DateTimeScalar)
  savedAt!: string;

  @Field(() => ID, { description: 'The directory user who saved it' })
  savedBy!: string;

  @Field({ description: 'Submitted after the deadline' })
  late!: boolean;
}

@ObjectType('ReportSection', { description: 'An agency’s section of a periodic report' })
export class ReportSectionModel {
  @Field(() => ID)
  agencyCode!: string;

  @Field(() => ReportSectionStatusEnum)
  status!: ReportSectionStatus;

  @Field(() => ReportSectionVersionModel, { nullable: true, description: 'The latest version the viewer may see' })
  current!: ReportSectionVersionModel | null;

  @Field(() => DateTimeScalar, { nullable: true })
  submittedAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  remindedAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  escalatedAt!: string | null;

  @Field(() => [ReportSectionVersionModel], { description: 'Every version the viewer may see, oldest first' })
  versions!: ReportSectionVersionModel[];
}

@ObjectType('ReportPeriod', { description: 'A six-monthly, annual or ad hoc report period (Đ7.3–7.4)' })
export class ReportPeriodModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ReportPeriodKindEnum)
  kind!: ReportPeriodKind;

  @Field()
  title!: string;

  @Field(() => DateScalar)
  from!: string;

  @Field(() => DateScalar)
  to!: string;

  @Field(() => DateTimeScalar)
  deadline!: string;

  @Field(() => ReportPeriodStatusEnum)
  status!: ReportPeriodStatus;

  @Field(() => DateTimeScalar)
  openedAt!: string;

  @Field(() => ID)
  openedBy!: string;

  @Field(() => ID)
  openedByAgency!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  closedAt!: string | null;

  @Field(() => [ReportSectionModel], {
    description: 'Every section for the lead agency, leaders and auditors (submitted versions only); an agency sees its own',
  })
  sections!: ReportSectionModel[];
}

@ObjectType('RenderedDocument', { description: 'A rendered file: at its short-lived download address, and inline (base64) when small' })
export class RenderedDocumentModel {
  @Field()
  fileName!: string;

  @Field()
  mimeType!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The bytes, base64-encoded, when small enough (REPORTING_INLINE_DOCUMENT_MAX_BYTES); else null: download `url`',
  })
  contentBase64!: string | null;

  @Field({ description: 'SHA-256 of the bytes, hex' })
  sha256!: string;

  @Field(() => Int, { description: 'Size of the file in bytes' })
  byteLength!: number;

  @Field({ description: 'Where to download the file (GET, no other credential) until expiresAt; the reporting service’s own address' })
  url!: string;

  @Field(() => DateTimeScalar)
  expiresAt!: string;
}

export type { ReportDocumentFormat };
