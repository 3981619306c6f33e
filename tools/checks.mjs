#!/usr/bin/env node
// The checks `npm test` runs before Jest: type check, lint (eslint + prettier) and the GraphQL schema's
// breaking-change check. They read the sources (the schema check reads dist/, so the build runs
// first) and write nothing that another reads, so they run side by side: on two cores the three
// take as long as the lint alone instead of the sum. Each one's output is printed when it ends, whole,
// so lines of two tools never interleave; any failure fails the run after all have ended.
import { spawn } from 'node:child_process';

const checks = [
  { name: 'typecheck', command: 'npm', args: ['run', '-s', 'typecheck'] },
  { name: 'lint', command: 'npm', args: ['run', '-s', 'lint'] },
  { name: 'schema', command: process.execPath, args: ['dist/apps/gateway/src/graphql/schema/check-breaking-changes.js'] },
];

function run({ name, command, args }) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const text = Buffer.concat(output).toString();
      if (text.trim()) process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
      const ok = code === 0;
      console.log(`checks: ${name} ${ok ? 'passed' : `FAILED (${signal ?? `exit ${code}`})`} in ${seconds} s`);
      resolve(ok);
    });
  });
}

const results = await Promise.all(checks.map(run));
process.exitCode = results.every(Boolean) ? 0 : 1;
