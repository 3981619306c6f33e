import { readFile } from 'node:fs/promises';
import { GRAPHQL_POLICY } from '@phoi-hop/auth';
import { buildGatewaySchema, printGatewaySchema, SCHEMA_FILE } from './gateway-schema';

describe('apps/gateway/schema.graphql', () => {
  it('is the schema the code builds (run `npm run schema:generate` after changing the API)', async () => {
    const committed = await readFile(SCHEMA_FILE, 'utf8');
    expect(committed).toBe(await printGatewaySchema());
  });

  it('has a policy-table entry for every root field, and no entry without one (the guard refuses unknown operations)', async () => {
    const schema = await buildGatewaySchema();
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) => (type ? Object.keys(type.getFields()) : []));
    expect(roots.sort()).toEqual(Object.keys(GRAPHQL_POLICY).sort());
  });
});
