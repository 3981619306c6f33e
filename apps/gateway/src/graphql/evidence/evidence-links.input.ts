import { Field, ID, InputType } from '@nestjs/graphql';
import type { IndicatorKind } from '@phoi-hop/contracts';
import { IndicatorKindEnum } from './evidence.enums';

@InputType({ description: 'An indicator the item shows, as it shows it: there is no field for who is behind it' })
export class AddContentIndicatorInput {
  @Field(() => ID)
  itemId!: string;

  @Field(() => IndicatorKindEnum)
  kind!: IndicatorKind;

  @Field({ description: 'As the content shows it (e.g. "0912 345 678", "lua-dao.vn")' })
  value!: string;
}

@InputType()
export class RemoveContentIndicatorInput {
  @Field(() => ID)
  indicatorId!: string;

  @Field({ description: 'Why it is removed (e.g. the post does not show it)' })
  reason!: string;
}
