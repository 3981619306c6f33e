import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { printGatewaySchema, SCHEMA_FILE } from './gateway-schema';

/** `npm run schema:generate`: writes apps/gateway/schema.graphql from the resolvers. */
async function main(): Promise<void> {
  await writeFile(SCHEMA_FILE, await printGatewaySchema());
  console.log(`Wrote ${SCHEMA_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
