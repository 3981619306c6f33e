import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Languages, type Language } from '@phoi-hop/contracts';

export const LanguageEnum = Object.fromEntries(Languages.map((l) => [l, l])) as { [L in Language]: L };
registerEnumType(LanguageEnum, { name: 'Language', description: 'VI (Vietnamese, the default) or EN (English)' });

@ObjectType('EnumValueLabel')
export class EnumValueLabelModel {
  @Field({ description: 'The enum value as the schema spells it' })
  value!: string;

  @Field({ description: 'The label in the language asked for; `{name}` placeholders are filled from the parameters that come with the value (severity factors, routing explanations)' })
  label!: string;

  @Field({ description: 'Vietnamese label' })
  vi!: string;

  @Field({ description: 'English label' })
  en!: string;
}

@ObjectType('EnumLabels', { description: 'The labels of one enum of the schema, its values in schema order' })
export class EnumLabelsModel {
  @Field({ description: 'The enum type’s name, e.g. CaseStatus' })
  name!: string;

  @Field(() => [EnumValueLabelModel])
  values!: EnumValueLabelModel[];
}
