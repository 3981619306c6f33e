// `npm run audit:verify`: recomputes the hash chain of every service's audit log in the database
// (DATABASE_URL, default the local phoi_hop database) and names the first broken link.
import { Client } from 'pg';
import { auditedSchemas, verifyAuditChain } from '@phoi-hop/persistence';

async function main(): Promise<number> {
  const url = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/phoi_hop';
  const only = process.argv.slice(2);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const schemas = only.length > 0 ? only : await auditedSchemas(client);
    if (schemas.length === 0) {
      process.stdout.write('No audit logs found.\n');
      return 0;
    }
    let broken = 0;
    for (const schema of schemas) {
      const started = Date.now();
      const result = await verifyAuditChain(client, schema);
      if (result.ok) process.stdout.write(`OK      ${schema}: ${result.checked} entries (${Date.now() - started} ms)\n`);
      else {
        broken++;
        process.stdout.write(
          `BROKEN  ${schema}: entry #${result.broken!.seq} ${result.broken!.id} — ${result.broken!.reason} (${result.checked} entries before it hold)\n`,
        );
      }
    }
    return broken === 0 ? 0 : 1;
  } finally {
    await client.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`audit:verify failed: ${(error as Error).message}\n`);
    process.exit(2);
  },
);
