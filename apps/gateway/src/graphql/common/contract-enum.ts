import { registerEnumType } from '@nestjs/graphql';

/** A GraphQL enum's values as an object, `{ OPEN: 'OPEN', … }`, typed by the contract's union. */
export type EnumObject<V extends string> = { readonly [K in V]: K };

/**
 * Registers the GraphQL enum of a closed set from its one `as const` list in libs/contracts, so
 * the schema can never drift from what the services accept. Every value needs its description
 * (the compiler says which one is missing when the contract gains a value).
 */
export function contractEnum<const V extends string>(name: string, values: readonly V[], description: string, valueDescriptions: Readonly<Record<V, string>>): EnumObject<V> {
  const enumObject = Object.fromEntries(values.map((value) => [value, value])) as EnumObject<V>;
  const valuesMap = Object.fromEntries(values.map((value) => [value, { description: valueDescriptions[value] }])) as Partial<Record<V, { description: string }>>;
  registerEnumType(enumObject, { name, description, valuesMap });
  return enumObject;
}
