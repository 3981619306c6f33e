import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { sampleDocuments } from '@phoi-hop/testing';
import { isMultipart, readReplyForm } from './reply-form.multipart';

const LIMITS = { maxFileBytes: 4096, maxFiles: 2, maxTotalBytes: 6144 };

/** A posted form as the controller sees the request: multipart headers and the body in chunks. */
async function posted(fields: Array<[string, string] | [string, Buffer, string]>, cut?: number): Promise<IncomingMessage> {
  const form = new FormData();
  for (const [name, value, fileName] of fields) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, new Blob([new Uint8Array(value)], { type: 'application/pdf' }), fileName);
  }
  const request = new Request('http://press.test/press/reply/x', { method: 'POST', body: form });
  const body = Buffer.from(await request.arrayBuffer());
  const sent = cut === undefined ? body : body.subarray(0, cut);
  const chunks = Array.from({ length: Math.ceil(sent.length / 1000) }, (_, i) => sent.subarray(i * 1000, (i + 1) * 1000));
  return Object.assign(Readable.from(chunks), { headers: { 'content-type': request.headers.get('content-type')! } }) as unknown as IncomingMessage;
}

const TEXT: [string, string] = ['text', 'Tôi gửi kèm giải trình.'];

describe(readReplyForm.name, () => {
  it('reads the text and the files, sniffed from their bytes whatever type the browser declared', async () => {
    const form = await readReplyForm(
      await posted([TEXT, ['files', sampleDocuments.png(), 'C:\\fakepath\\anh.png'], ['files', sampleDocuments.text(), 'ghi-chu.txt']]),
      LIMITS,
    );
    expect(form).toMatchObject({
      ok: true,
      text: TEXT[1],
      files: [
        { name: 'anh.png', mediaType: 'image/png', sizeBytes: sampleDocuments.png().length },
        { name: 'ghi-chu.txt', mediaType: 'text/plain' },
      ],
    });
    expect(isMultipart(await posted([TEXT]))).toBe(true);
  });

  it('takes the empty part a browser sends for an empty file input as no file', async () => {
    expect(await readReplyForm(await posted([TEXT, ['files', Buffer.alloc(0), '']]), LIMITS)).toEqual({ ok: true, text: TEXT[1], files: [] });
  });

  it.each([
    ['a file over the limit', [['files', Buffer.alloc(5000, 'a'), 'lon.txt']], { kind: 'FILE_TOO_LARGE', name: 'lon.txt', limit: 4096 }],
    ['too many files', [1, 2, 3].map((i) => ['files', Buffer.from(`tệp ${i}`), `${i}.txt`]), { kind: 'TOO_MANY_FILES', limit: 2 }],
    ['a total over the limit', [1, 2].map((i) => ['files', Buffer.alloc(4000, 'a'), `${i}.txt`]), { kind: 'TOTAL_TOO_LARGE', limit: 6144 }],
    ['a program', [['files', sampleDocuments.exe(), 'giai-trinh.pdf']], { kind: 'TYPE_NOT_ALLOWED', name: 'giai-trinh.pdf' }],
    ['a named empty file', [['files', Buffer.alloc(0), 'rong.pdf']], { kind: 'EMPTY_FILE', name: 'rong.pdf' }],
  ] as Array<[string, Array<[string, Buffer, string]>, object]>)('refuses %s, keeping the text to show again', async (_what, files, refusal) => {
    expect(await readReplyForm(await posted([TEXT, ...files]), LIMITS)).toMatchObject({ ok: false, refusal, text: TEXT[1] });
  });

  it('refuses a request cut off in the middle as truncated', async () => {
    const whole = await posted([TEXT, ['files', Buffer.alloc(3000, 'a'), 'a.txt']]);
    const length = (await Readable.from(whole).toArray()).reduce((n: number, c: Buffer) => n + c.length, 0);
    expect(await readReplyForm(await posted([TEXT, ['files', Buffer.alloc(3000, 'a'), 'a.txt']], Math.floor(length / 2)), LIMITS)).toMatchObject({
      ok: false,
      refusal: { kind: 'TRUNCATED' },
    });
  });

  it('refuses a multipart request without a boundary as truncated', async () => {
    const request = Object.assign(Readable.from([Buffer.from('x')]), { headers: { 'content-type': 'multipart/form-data' } }) as unknown as IncomingMessage;
    expect(await readReplyForm(request, LIMITS)).toMatchObject({ ok: false, refusal: { kind: 'TRUNCATED' } });
  });

  it('stops reading a refused form past twice the total, without waiting for its end', async () => {
    const request = await posted([TEXT, ['files', Buffer.alloc(20_000, 'a'), 'lon.txt'], ['files', Buffer.alloc(200_000, 'b'), 'lon-hon.txt']]);
    const form = await readReplyForm(request, LIMITS);
    expect(form).toMatchObject({ ok: false, refusal: { kind: 'FILE_TOO_LARGE', name: 'lon.txt' } });
    expect(request.readableEnded).toBe(false);
  });
});
