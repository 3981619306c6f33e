import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { inspectFile, type AcceptedFile } from '../attachment/attachment-sniff';
import { displayNameOf, limitBroken, type AttachmentLimits, type AttachmentRefusal } from '../attachment/attachment.rules';

/** The reply form as posted: its text and its files, or why the files were refused (with the text, to fill the form again). */
export type ReplyForm = { ok: true; text: string | undefined; files: AcceptedFile[] } | { ok: false; refusal: AttachmentRefusal; text: string | undefined };

/** The form's fields: the reply's text and its files. */
export const TEXT_FIELD = 'text';
export const FILES_FIELD = 'files';
// 20,000 characters of the reply are at most 80,000 bytes of UTF-8.
const TEXT_FIELD_BYTES = 100_000;

export function isMultipart(request: IncomingMessage): boolean {
  return /^multipart\/form-data\b/i.test(request.headers['content-type'] ?? '');
}

/**
 * Reads the multipart reply form as it streams in (busboy): never more than the limits in
 * memory — a file past PRESS_ATTACHMENT_MAX_FILE_BYTES, a file past the count, or a total past
 * PRESS_ATTACHMENT_MAX_TOTAL_BYTES drops what was read and keeps reading only to drain the request,
 * so that the journalist's browser gets the answer. Then each file's bytes are sniffed against the
 * allow-list. A cut-off or malformed request is TRUNCATED.
 */
export function readReplyForm(request: IncomingMessage, limits: AttachmentLimits): Promise<ReplyForm> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: request.headers,
      defParamCharset: 'utf8',
      limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fields: 10, fieldSize: TEXT_FIELD_BYTES, parts: limits.maxFiles + 10 },
    });
  } catch {
    request.resume();
    return Promise.resolve({ ok: false, refusal: { kind: 'TRUNCATED' }, text: undefined });
  }
  return new Promise((resolve) => {
    let text: string | undefined;
    let files: Array<{ name: string; named: boolean; chunks: Buffer[]; sizeBytes: number }> = [];
    let refusal: AttachmentRefusal | null = null;
    let settled = false;
    const refuse = (r: AttachmentRefusal) => {
      refusal ??= r;
      files = [];
    };
    const settle = async (cutOff: boolean) => {
      if (settled) return;
      settled = true;
      if (cutOff) refuse({ kind: 'TRUNCATED' });
      if (refusal) return resolve({ ok: false, refusal, text });
      const accepted: AcceptedFile[] = [];
      for (const f of files) {
        const verdict = await inspectFile(f.name, Buffer.concat(f.chunks));
        if (!verdict.accepted) return resolve({ ok: false, refusal: verdict.refusal, text });
        accepted.push(verdict.file);
      }
      resolve({ ok: true, text, files: accepted });
    };

    parser.on('field', (name, value) => {
      if (name === TEXT_FIELD) text = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== FILES_FIELD) return void stream.resume();
      const entry = { name: displayNameOf(info.filename ?? ''), named: Boolean(info.filename), chunks: [] as Buffer[], sizeBytes: 0 };
      let total = files.reduce((sum, f) => sum + f.sizeBytes, 0);
      if (!refusal) files.push(entry);
      stream.on('data', (chunk: Buffer) => {
        if (refusal) return;
        entry.sizeBytes += chunk.length;
        total += chunk.length;
        if (total > limits.maxTotalBytes) return refuse({ kind: 'TOTAL_TOO_LARGE', limit: limits.maxTotalBytes });
        entry.chunks.push(chunk);
      });
      // A request cut off inside a file ends that file's stream with an error (and the form with one).
      stream.on('error', () => refuse({ kind: 'TRUNCATED' }));
      stream.on('limit', () => refuse({ kind: 'FILE_TOO_LARGE', name: entry.name, limit: limits.maxFileBytes }));
      stream.on('end', () => {
        // A browser sends an empty, unnamed part for a file input left empty: that is no file.
        if (!entry.named && entry.sizeBytes === 0) files = files.filter((f) => f !== entry);
      });
    });
    parser.on('filesLimit', () => refuse({ kind: 'TOO_MANY_FILES', limit: limits.maxFiles }));
    parser.on('partsLimit', () => refuse({ kind: 'TRUNCATED' }));
    parser.on('fieldsLimit', () => refuse({ kind: 'TRUNCATED' }));
    parser.on('error', () => {
      request.unpipe(parser);
      request.resume();
      void settle(true);
    });
    parser.on('close', () => void settle(false));
    // Draining a refused form is bounded too: past twice the total, the answer goes at once (and the connection closes).
    let received = 0;
    request.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received <= 2 * limits.maxTotalBytes + TEXT_FIELD_BYTES) return;
      request.unpipe(parser);
      refuse({ kind: 'TOTAL_TOO_LARGE', limit: limits.maxTotalBytes });
      void settle(false);
    });
    request.on('aborted', () => void settle(true));
    request.on('error', () => void settle(true));
    request.pipe(parser);
  }).then((form) => {
    const result = form as ReplyForm;
    // The limits once more over what was kept (a count the parser's own limit may not have seen).
    if (result.ok) {
      const broken = limitBroken(limits, result.files);
      if (broken) return { ok: false, refusal: broken, text: result.text };
    }
    return result;
  });
}
