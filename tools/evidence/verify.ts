// `npm run evidence:verify -- <file.wacz> [--trusted-keys keys.json]`: verifies an evidence package
// offline (every hash, the signature, the custody log) and names each file that fails.
// keys.json maps key ids to their base64 public keys, for checking which key signed a package.
import { readFile } from 'node:fs/promises';
import { verifyWacz } from './wacz-verifier';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const keysAt = args.indexOf('--trusted-keys');
  const trusted = keysAt >= 0 ? (JSON.parse(await readFile(args[keysAt + 1]!, 'utf8')) as Record<string, string>) : null;
  const files = keysAt >= 0 ? args.filter((_, i) => i !== keysAt && i !== keysAt + 1) : args;
  if (!files.length) {
    process.stderr.write('usage: npm run evidence:verify -- <file.wacz> [--trusted-keys keys.json]\n');
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    const report = await verifyWacz(file, trusted);
    if (report.ok) {
      process.stdout.write(`OK      ${file}: ${report.checkedFiles} files, signature of key ${report.keyId ?? '(unnamed)'}, ${report.custodyEntries} custody entries\n`);
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
