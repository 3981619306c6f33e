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

  it('says in each operation’s description which roles may call it, as the policy table does', async () => {
    const schema = await buildGatewaySchema();
    expect(schema.getMutationType()!.getFields()['decideCase']!.description).toMatch(/\. Roles: COORDINATOR\.$/);
    expect(schema.getQueryType()!.getFields()['auditTrail']!.description).toMatch(/Roles: ADMIN, AUDITOR\.$/);
    for (const [operation, entry] of Object.entries(GRAPHQL_POLICY)) {
      const field = schema.getQueryType()!.getFields()[operation] ?? schema.getMutationType()!.getFields()[operation] ?? schema.getSubscriptionType()!.getFields()[operation];
      expect({ operation, ends: field!.description!.endsWith(`Roles: ${[...entry.roles].sort().join(', ')}.`) }).toEqual({ operation, ends: true });
    }
  });
});
