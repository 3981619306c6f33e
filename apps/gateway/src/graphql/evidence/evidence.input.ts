import { DateScalar } from '../common/scalars';
import { Field, ID, InputType } from '@nestjs/graphql';
import type { PoliceOutcomeCategory, PoliceReferralStatus, PublicSourceKind } from '@phoi-hop/contracts';
import { PoliceOutcomeCategoryEnum, PoliceReferralStatusEnum, PublicSourceKindEnum } from './evidence.enums';

@InputType()
export class AddTextExcerptInput {
  @Field(() => ID)
  caseId!: string;

  @Field({ description: 'The excerpt as it was published' })
  text!: string;

  @Field({ nullable: true, description: 'Where it was published (http or https)' })
  sourceUrl?: string;

  @Field({ nullable: true })
  note?: string;
}

@InputType()
export class RequestEvidenceUploadInput {
  @Field(() => ID)
  caseId!: string;

  @Field({ description: 'The file’s name; its extension is compared with the bytes' })
  fileName!: string;

  @Field({ nullable: true })
  note?: string;
}

@InputType()
export class CaptureWebPageInput {
  @Field(() => ID)
  caseId!: string;

  @Field({ description: 'A public http(s) page on port 80 or 443' })
  url!: string;

  @Field({ nullable: true })
  note?: string;
}

@InputType()
export class LegalHoldInput {
  @Field(() => ID)
  itemId!: string;

  @Field({ description: 'Why the hold is placed or released' })
  reason!: string;
}

@InputType()
export class ExportEvidencePackageInput {
  @Field(() => ID)
  caseId!: string;
}

@InputType()
export class RequestPoliceReferralInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => ID, { description: 'The decision’s REFER_TO_POLICE handling action' })
  actionId!: string;
}

@InputType()
export class UpdatePoliceReferralInput {
  @Field(() => ID)
  referralId!: string;

  @Field(() => PoliceReferralStatusEnum)
  status!: PoliceReferralStatus;

  @Field({ nullable: true, description: 'The police’s own reference number (from ACCEPTED on)' })
  policeReference?: string;

  @Field(() => PoliceOutcomeCategoryEnum, { nullable: true, description: 'CONCLUDED: the outcome category' })
  outcomeCategory?: PoliceOutcomeCategory;

  @Field(() => DateScalar, { nullable: true, description: 'CONCLUDED: the outcome’s day' })
  outcomeDate?: string;
}

@InputType()
export class HandOverEvidencePackageInput {
  @Field(() => ID)
  referralId!: string;

  @Field(() => ID)
  packageId!: string;

  @Field({ description: 'The police agency that received it (an agency code)' })
  receivedByAgency!: string;
}

@InputType({ description: 'Public information only: there is no field for who is behind a source' })
export class EditPublicSourceInput {
  @Field(() => ID)
  sourceId!: string;

  @Field(() => PublicSourceKindEnum, { nullable: true })
  kind?: PublicSourceKind;

  @Field({ nullable: true, description: 'The name the page, group, channel or account shows publicly' })
  displayName?: string;
}
