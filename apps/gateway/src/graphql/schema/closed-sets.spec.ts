import { getNamedType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { buildGatewaySchema } from './gateway-schema';

/** Names that hold an instant, a calendar day, or a value of a closed set wherever they appear. */
const INSTANT = /^(at|deadline)$|At$/;
const DAY = /(^validFrom|^validTo|^asOf|Date)$/;
const CLOSED_SET = /^(status|kind|type|mode|position|outcome|finding|severity|platform|channel|role|roles|from|to)$/;

/** Fields that look like a closed set by name but are not, with why. */
const NOT_CLOSED: Record<string, string> = {
  'CaseEvent.type': 'the event name as the event stream spells it ("case.opened"); the same names notification subscriptions filter on',
  'Case.outcome': 'the outcome summary a case was closed with: free text',
  'Mutation.closeCase(outcome)': 'the outcome summary: free text',
};

interface Slot {
  coordinate: string;
  name: string;
  type: string;
}

/** Every field, argument and input field of the schema with the named type it holds. */
function slots(schema: GraphQLSchema): Slot[] {
  const out: Slot[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        out.push({ coordinate: `${type.name}.${field.name}`, name: field.name, type: getNamedType(field.type).name });
        for (const arg of field.args) out.push({ coordinate: `${type.name}.${field.name}(${arg.name})`, name: arg.name, type: getNamedType(arg.type).name });
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) out.push({ coordinate: `${type.name}.${field.name}`, name: field.name, type: getNamedType(field.type).name });
    }
  }
  return out;
}

describe('the schema’s types for instants, days and closed sets', () => {
  let all: Slot[];

  beforeAll(async () => {
    all = slots(await buildGatewaySchema());
  });

  it('finds the fields it checks (the walk sees the whole schema)', () => {
    expect(all.find((s) => s.coordinate === 'Case.openedAt')).toEqual({ coordinate: 'Case.openedAt', name: 'openedAt', type: 'DateTime' });
    expect(all.length).toBeGreaterThan(300);
  });

  it('types every instant as DateTime', () => {
    expect(all.filter((s) => INSTANT.test(s.name) && s.type !== 'DateTime').map((s) => `${s.coordinate}: ${s.type}`)).toEqual([]);
  });

  it('types every calendar day as Date', () => {
    expect(all.filter((s) => DAY.test(s.name) && s.type !== 'Date').map((s) => `${s.coordinate}: ${s.type}`)).toEqual([]);
  });

  it('has no String field or argument whose values form a closed set', () => {
    const strings = all.filter((s) => CLOSED_SET.test(s.name) && s.type === 'String' && !NOT_CLOSED[s.coordinate]);
    expect(strings.map((s) => s.coordinate)).toEqual([]);
  });
});
