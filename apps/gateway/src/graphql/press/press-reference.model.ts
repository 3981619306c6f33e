import { Field, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../common/scalars';
import { PressRuleSetEnum } from './press.enums';

@ObjectType('PressRule', {
  description: 'A rule of the press association (Đ6.3), article by article, in force from effectiveFrom to effectiveTo (inclusive; null: open)',
})
export class PressRuleModel {
  @Field()
  code!: string;

  @Field(() => PressRuleSetEnum)
  ruleSet!: keyof typeof PressRuleSetEnum;

  @Field({ description: 'The article number within its rule set ("Điều 3")' })
  article!: string;

  @Field()
  title!: string;

  @Field({ description: 'What the article says, summarised in Vietnamese' })
  text!: string;

  @Field({ description: 'The instrument that issued it (decision number and date)' })
  source!: string;

  @Field(() => DateScalar, { nullable: true })
  effectiveFrom!: string | null;

  @Field(() => DateScalar, { nullable: true })
  effectiveTo!: string | null;

  @Field(() => String, { nullable: true })
  successorCode!: string | null;

  @Field({ description: 'The text is provisional: it must be checked against the official one' })
  needsReview!: boolean;
}

@ObjectType('PublicHoliday', { description: 'A public holiday of the province: not a working day (reply windows skip it)' })
export class PublicHolidayModel {
  @Field(() => DateScalar)
  day!: string;

  @Field()
  name!: string;

  @Field({ description: 'The date is provisional (lunar holidays are fixed by the government each year)' })
  needsReview!: boolean;
}
