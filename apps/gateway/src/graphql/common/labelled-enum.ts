import { registerEnumType } from '@nestjs/graphql';
import { ENUM_LABELS, type LabelledEnum, type LabelledSet } from '@phoi-hop/contracts';

/**
 * A GraphQL enum made from a labelled `as const` list of the contracts, under the name the labels
 * are kept by (ENUM_LABELS), each value described by its English and Vietnamese labels: the
 * values cannot drift from the contracts, and introspection shows what each means.
 */
export function labelledEnum<Name extends LabelledEnum>(name: Name, description: string): { [V in (typeof ENUM_LABELS)[Name]['values'][number]]: V } {
  const set: LabelledSet = ENUM_LABELS[name];
  const values = Object.fromEntries(set.values.map((value) => [value, value]));
  const valuesMap = Object.fromEntries(set.values.map((value) => [value, { description: `${set.labels[value]!.en} (${set.labels[value]!.vi})` }]));
  registerEnumType(values, { name, description, valuesMap });
  return values as { [V in (typeof ENUM_LABELS)[Name]['values'][number]]: V };
}
