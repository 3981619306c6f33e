import { getMetadataStorage } from 'class-validator';
import { isInputObjectType, type GraphQLSchema } from 'graphql';
import { UpdateHandlingActionRequest } from '@phoi-hop/contracts';
import { buildGatewaySchema } from '../schema/gateway-schema';
import { INPUT_CONTRACTS, ruleText } from './input-rules';

function contractProperties(contract: abstract new () => object): Set<string> {
  return new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(contract as unknown as new () => object, '', true, false)
      .map((m) => m.propertyName),
  );
}

describe('input rules in the schema', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildGatewaySchema();
  }, 60_000);

  it('knows the contract of every input type, and every field of each is a property of its contract', () => {
    const inputs = Object.values(schema.getTypeMap()).filter((type) => isInputObjectType(type) && !type.name.startsWith('__'));
    expect(inputs.map((t) => t.name).filter((name) => !INPUT_CONTRACTS[name])).toEqual([]);
    const strays = inputs.flatMap((type) => {
      const entry = INPUT_CONTRACTS[type.name]!;
      const properties = contractProperties(entry.contract);
      return Object.keys(isInputObjectType(type) ? type.getFields() : {})
        .filter((field) => !properties.has(entry.renames?.[field] ?? field))
        .map((field) => `${type.name}.${field}`);
    });
    expect(strays).toEqual([]);
  });

  it('maps only root fields that exist, and each of their arguments to its contract', () => {
    const roots = Object.keys(INPUT_CONTRACTS).filter((key) => key.includes('.'));
    const strays = roots.flatMap((key) => {
      const [root, name] = key.split('.') as [string, string];
      const field = (root === 'Mutation' ? schema.getMutationType() : schema.getQueryType())?.getFields()[name];
      if (!field) return [key];
      const entry = INPUT_CONTRACTS[key]!;
      const properties = contractProperties(entry.contract);
      return field.args.filter((arg) => arg.name !== 'id' && !properties.has(entry.renames?.[arg.name] ?? arg.name)).map((arg) => `${key}.${arg.name}`);
    });
    expect(strays).toEqual([]);
  });

  it('states lengths, ranges and list sizes from the contract’s decorators', () => {
    const field = (type: string, name: string) => {
      const found = schema.getType(type);
      return isInputObjectType(found) ? found.getFields()[name]?.description : undefined;
    };
    expect(field('UpdateHandlingActionInput', 'links')).toContain('Rules: at most 20 items, each at most 2048 characters.');
    expect(field('UpdateHandlingActionInput', 'result')).toContain('Rules: at most 5000 characters.');
    expect(field('DecideCaseInput', 'statementOfReasons')).toContain('Rules: 1–10000 characters.');
    expect(field('CreateUserInput', 'roles')).toContain('Rules: 1–8 items.');
    const close = schema.getMutationType()!.getFields()['closeCase']!;
    expect(close.args.find((a) => a.name === 'outcome')?.description).toContain('Rules: at most 2000 characters.');
    expect(close.description).toMatch(/Roles: COORDINATOR\.$/);
    expect(close.description).not.toContain('..');
  });

  it('says nothing of a length for a value that is not text', () => {
    expect(ruleText(UpdateHandlingActionRequest, 'status')).toBeNull();
    const sentAt = schema.getType('UpdateRemovalRequestInput');
    expect(isInputObjectType(sentAt) ? sentAt.getFields()['sentAt']?.description : '').not.toContain('Rules:');
  });
});
