import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { withSchemaDescriptions } from '../common/policy-descriptions';
import { GATEWAY_RESOLVERS } from '../gateway.resolvers';

/** The committed SDL, relative to the repository root (npm scripts and Jest run there). */
export const SCHEMA_FILE = path.join('apps', 'gateway', 'schema.graphql');

const HEADER =
  '# The GraphQL schema of the gateway, printed from the code by `npm run schema:generate`.\n# Do not edit: a test fails when this file and the code disagree; breaking changes are listed in docs/api-changes.md.\n\n';

/** The gateway's schema built from its resolvers alone: no services, no network. */
export async function buildGatewaySchema(): Promise<GraphQLSchema> {
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    return withSchemaDescriptions(await app.get(GraphQLSchemaFactory).create(GATEWAY_RESOLVERS));
  } finally {
    await app.close();
  }
}

/** The SDL as committed: sorted, so that a change shows as a small diff. */
export async function printGatewaySchema(): Promise<string> {
  return `${HEADER}${printSchema(lexicographicSortSchema(await buildGatewaySchema()))}\n`;
}
