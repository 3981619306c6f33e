#!/usr/bin/env node
// Compiles apps/, libs/ and tools/ from TypeScript to CommonJS in dist/ with SWC (about a second),
// resolving the @phoi-hop/* aliases, and copies data files (seed JSON, SQL) beside the code.
// Type checking is separate: `npm run typecheck`.
// Tests run the services from dist/ as processes while other test files (two Jest workers) rebuild
// it: a file is written only when its content changed, and then through a temporary file renamed
// over it, so a process starting meanwhile reads the old or the new module, never half of one.
import { createRequire } from 'node:module';
import { readdir, mkdir, writeFile, copyFile, readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';

const require = createRequire(import.meta.url);
const swc = require('@swc/core');
const { swcOptions, root } = require('./swc-options.cjs');

const quiet = process.argv.includes('--quiet');
const sources = ['apps', 'libs', 'tools'];
const skip = /(\.spec|\.medium-spec|\.medium-testbed|\.int-spec|\.e2e-spec|\.d)\.ts$/;
const dataFile = /\.(json|sql|txt|csv)$/;

/** Writes `target` through a temporary file beside it, renamed over it (atomic on one filesystem). */
async function replaceAtomically(target, write) {
  const temporary = `${target}.${process.pid}.tmp`;
  await write(temporary);
  await rename(temporary, target);
}

async function* walk(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      yield* walk(full);
    } else {
      yield full;
    }
  }
}

const started = Date.now();
let compiled = 0;
let copied = 0;
const jobs = [];
for (const top of sources) {
  for await (const file of walk(path.join(root, top))) {
    const rel = path.relative(root, file);
    const out = path.join(root, 'dist', rel);
    if (file.endsWith('.ts') && !skip.test(file)) {
      jobs.push(
        swc.transformFile(file, { ...swcOptions(), filename: file, sourceFileName: file }).then(async (result) => {
          await mkdir(path.dirname(out), { recursive: true });
          const target = out.replace(/\.ts$/, '.js');
          const current = await readFile(target, 'utf8').catch(() => null);
          if (current !== result.code) await replaceAtomically(target, (temporary) => writeFile(temporary, result.code));
          compiled++;
        }),
      );
    } else if (dataFile.test(file) && !rel.startsWith('tools/') && !file.endsWith('project.json')) {
      jobs.push(
        (async () => {
          await mkdir(path.dirname(out), { recursive: true });
          const [src, dst] = await Promise.all([stat(file), stat(out).catch(() => null)]);
          if (!dst || dst.mtimeMs < src.mtimeMs) await replaceAtomically(out, (temporary) => copyFile(file, temporary));
          copied++;
        })(),
      );
    }
  }
}
await Promise.all(jobs);
if (!quiet) console.log(`build: ${compiled} modules compiled, ${copied} data files copied in ${Date.now() - started} ms`);
