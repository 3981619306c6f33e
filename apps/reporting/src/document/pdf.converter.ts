import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { DomainError, ErrorCodes } from '@phoi-hop/contracts';

const run = promisify(execFile);

/** Where LibreOffice is looked for (Debian's libreoffice-writer puts `soffice` on the PATH). */
export const SOFFICE_CANDIDATES = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice'];

export function sofficePath(): string | null {
  return SOFFICE_CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/** The conversion under way in this process: LibreOffice takes ~200 MB and a core, so one at a time. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Converts a .docx to PDF with LibreOffice headless, one conversion at a time per process (the
 * others wait their turn). Each gets its own scratch folder and LibreOffice profile, so replicas
 * sharing a volume do not lock each other out.
 */
export function docxToPdf(docx: Buffer, timeoutMs = 120_000): Promise<Buffer> {
  const turn = queue.then(() => convert(docx, timeoutMs));
  queue = turn.catch(() => undefined);
  return turn;
}

async function convert(docx: Buffer, timeoutMs: number): Promise<Buffer> {
  const soffice = sofficePath();
  if (!soffice) throw new DomainError(ErrorCodes.UNAVAILABLE, 'PDF conversion is not available here: LibreOffice (soffice) is not installed');
  const dir = await mkdtemp(join(tmpdir(), 'phoihop-pdf-'));
  try {
    const input = join(dir, 'document.docx');
    await writeFile(input, docx);
    await run(
      soffice,
      [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input],
      { timeout: timeoutMs, env: { ...process.env, HOME: dir } },
    );
    return await readFile(join(dir, 'document.pdf'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
