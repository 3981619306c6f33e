// `npm run evidence:verify -- <file.wacz> [--trusted-keys keys.json] [--tsa-certs tsa-ca.pem]`: verifies
// an evidence package offline (every hash, the signature, the custody log, the items' RFC 3161
// timestamps) and names each file that fails. keys.json maps key ids to their base64 public keys,
// for checking which key signed a package; tsa-ca.pem holds the certificates the time-stamping
// authority's certificate must chain to (without it, each token's signature is checked with the
// certificate it carries).
import { readFile } from 'node:fs/promises';
import { verifyWacz } from './wacz-verifier';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const optionAt = (name: string) => args.indexOf(name);
  const keysAt = optionAt('--trusted-keys');
  const tsaAt = optionAt('--tsa-certs');
  const trustedKeys = keysAt >= 0 ? (JSON.parse(await readFile(args[keysAt + 1]!, 'utf8')) as Record<string, string>) : null;
  const tsaCertsPem = tsaAt >= 0 ? await readFile(args[tsaAt + 1]!, 'utf8') : null;
  const optionArgs = new Set<number>();
  for (const at of [keysAt, tsaAt]) if (at >= 0) optionArgs.add(at).add(at + 1);
  const files = args.filter((_, i) => !optionArgs.has(i));
  if (!files.length) {
    process.stderr.write('usage: npm run evidence:verify -- <file.wacz> [--trusted-keys keys.json] [--tsa-certs tsa-ca.pem]\n');
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    const report = await verifyWacz(file, { trustedKeys, tsaCertsPem });
    if (report.ok) {
      const timestamps = report.timestamps
        ? `, ${report.timestamps} timestamps${tsaCertsPem ? ' chained to --tsa-certs' : ' (signatures only: pass --tsa-certs to check the authority)'}`
        : '';
      process.stdout.write(
        `OK      ${file}: ${report.checkedFiles} files, signature of key ${report.keyId ?? '(unnamed)'}, ${report.custodyEntries} custody entries${timestamps}\n`,
      );
      continue;
    }
    failed++;
    for (const problem of report.problems) process.stdout.write(`FAILED  ${file}: ${problem.file}: ${problem.reason}\n`);
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`evidence:verify failed: ${(error as Error).message}\n`);
    process.exit(2);
  },
);
