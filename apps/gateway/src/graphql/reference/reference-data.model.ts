import { Field, Int, ObjectType } from '@nestjs/graphql';
import { SeverityEnum, ParticipantRoleEnum } from '../case/case.enums';
import { AgencyKindEnum } from '../directory/directory.enums';
import { labelledEnum } from '../common/labelled-enum';
import { DateScalar } from '../common/scalars';
import { PressRuleModel, PublicHolidayModel } from '../press/press-reference.model';

export const LocalityKindEnum = labelledEnum('LocalityKind', 'What a district-level unit is');

@ObjectType('LegalProvision', {
  description: 'A provision a category cites, in force from effectiveFrom to effectiveTo (calendar days, both inclusive; null: open)',
})
export class LegalProvisionModel {
  @Field()
  code!: string;

  @Field({ description: 'The citation in Vietnamese, e.g. "Luật An ninh mạng 24/2018/QH14, Điều 8 khoản 1 điểm d"' })
  citation!: string;

  @Field({ description: 'What the provision says, summarised in Vietnamese' })
  text!: string;

  @Field(() => DateScalar, { nullable: true })
  effectiveFrom!: string | null;

  @Field(() => DateScalar, { nullable: true })
  effectiveTo!: string | null;

  @Field(() => String, { nullable: true, description: 'The provision that replaced it' })
  successorCode!: string | null;

  @Field({ description: 'The citation is provisional: the province’s legal officers must check it' })
  needsReview!: boolean;
}

@ObjectType('Category', { description: 'A category of harmful information with the legal bases it cites' })
export class CategoryModel {
  @Field()
  code!: string;

  @Field({ description: 'Vietnamese label' })
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => SeverityEnum)
  defaultSeverity!: SeverityEnum;

  @Field(() => [String], { description: 'What responsibility rules test, e.g. "fraud", "public-order"' })
  tags!: string[];

  @Field(() => [LegalProvisionModel], { description: 'The provisions in force on the day' })
  legalBases!: LegalProvisionModel[];
}

@ObjectType('Locality')
export class LocalityModel {
  @Field()
  code!: string;

  @Field({ description: 'Vietnamese label, e.g. "Huyện Lệ Thủy"' })
  name!: string;

  @Field(() => LocalityKindEnum, { description: 'What the province’s seed calls it' })
  kind!: string;

  @Field({ description: 'Its People’s Committee (Đ6.7, Đ7.2)' })
  committeeAgencyCode!: string;
}

@ObjectType('Sector')
export class SectorModel {
  @Field()
  code!: string;

  @Field({ description: 'Vietnamese label, e.g. "Y tế"' })
  name!: string;

  @Field({ description: 'The department that manages it (Đ6.7)' })
  departmentAgencyCode!: string;
}

@ObjectType('ReferenceAgency', { description: 'An agency as reference data: kind, parent, locality and validity' })
export class ReferenceAgencyModel {
  @Field()
  code!: string;

  @Field({ description: 'Vietnamese name' })
  name!: string;

  @Field(() => String, { nullable: true })
  shortName!: string | null;

  @Field(() => AgencyKindEnum)
  kind!: keyof typeof AgencyKindEnum;

  @Field(() => String, { nullable: true })
  parentCode!: string | null;

  @Field(() => String, { nullable: true })
  localityCode!: string | null;

  @Field(() => DateScalar, { nullable: true })
  validFrom!: string | null;

  @Field(() => DateScalar, { nullable: true })
  validTo!: string | null;

  @Field(() => String, { nullable: true })
  successorCode!: string | null;
}

@ObjectType('ResponsibilityRule', { description: 'A responsibility rule of Đ6–Đ7: its article and what it says' })
export class ResponsibilityRuleModel {
  @Field()
  id!: string;

  @Field({ description: 'The clause(s) of the regulation, e.g. "Đ6.2" or "Đ6.7; Đ7.2"' })
  article!: string;

  @Field(() => String, { nullable: true, description: 'What the rule says, in Vietnamese' })
  description!: string | null;

  @Field(() => ParticipantRoleEnum)
  role!: ParticipantRoleEnum;
}

@ObjectType('ReferenceData', { description: 'The reference data in force on a province day' })
export class ReferenceDataModel {
  @Field(() => DateScalar, { description: 'The province day (UTC+7)' })
  day!: string;

  @Field(() => Int, { description: 'The version of the reference data (0: as seeded)' })
  version!: number;

  @Field(() => [CategoryModel])
  categories!: CategoryModel[];

  @Field(() => [LocalityModel])
  localities!: LocalityModel[];

  @Field(() => [SectorModel])
  sectors!: SectorModel[];

  /** Every agency valid on the day; the `agencies` field filters them by kind. */
  allAgencies!: ReferenceAgencyModel[];

  @Field(() => [ResponsibilityRuleModel])
  rules!: ResponsibilityRuleModel[];

  @Field(() => [PressRuleModel], { description: 'Đ6.3: the press association’s rules in force on the day, which complaints and rulings cite' })
  pressRules!: PressRuleModel[];

  @Field(() => [PublicHolidayModel], { description: 'The province’s public holidays (not working days)' })
  publicHolidays!: PublicHolidayModel[];
}
