import { GraphQLEnumType } from 'graphql';
import { ENUM_LABELS, type LabelledSet } from '@phoi-hop/contracts';
import { buildGatewaySchema } from '../schema/gateway-schema';

describe('labels of the schema’s enums', () => {
  it('labels every value of every enum of the schema, in Vietnamese and English, and no value the enum lacks', async () => {
    const schema = await buildGatewaySchema();
    const enums = Object.values(schema.getTypeMap()).filter((type): type is GraphQLEnumType => type instanceof GraphQLEnumType && !type.name.startsWith('__'));
    expect(enums.length).toBeGreaterThan(5);
    const labelled = ENUM_LABELS as Record<string, LabelledSet>;
    for (const type of enums) {
      const values = type.getValues().map((v) => v.value as string);
      expect([type.name, Object.keys(labelled[type.name]?.labels ?? {}).sort()]).toEqual([type.name, [...values].sort()]);
    }
  });
});
