import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { SeededUsers, eventually, startSmtpSink, type SmtpSink } from '@phoi-hop/testing';
import { caller } from './support/evidence';
import { startPlatform, type Platform } from './support/platform';

const FILE = `mutation($i: FilePressComplaintInput!) { filePressComplaint(input: $i) { id } }`;
const REPLIES = `query($id: ID!) { pressComplaint(id: $id) { replies { attachments { id sizeBytes sha256 } } } }`;
const DOWNLOAD = `query($a: ID!) { pressReplyAttachmentDownload(attachmentId: $a) { url } }`;
const MiB = 1024 * 1024;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const decodeMail = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** A PDF of `size` bytes (its signature, then noise that does not compress). */
const pdfOf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 15), Buffer.from('\n%%EOF')]);

/**
 * The reply page at the default limits (10 MiB a file, 5 files, 25 MiB in all): a reply at the
 * total limit is kept whole and downloads back equal, one over it is refused with 413 without
 * being kept. Prints the times (see docs/benchmarks.md).
 */
describe('files of a right-of-reply at the default limits', () => {
  let platform: Platform;
  let sink: SmtpSink;
  let api: ReturnType<typeof caller>;

  beforeAll(async () => {
    sink = await startSmtpSink();
    platform = await startPlatform({
      smtpUrl: sink.url,
      press: { attachments: { maxFileBytes: 10 * MiB, maxFiles: 5, maxTotalBytes: 25 * MiB, uploadTtlSeconds: 900 } },
    });
    api = caller(platform);
  }, 90_000);

  afterAll(async () => {
    await platform?.stop();
    await sink?.close();
  });

  it('keeps a 25 MiB reply of five files whole and refuses 30 MiB with 413, keeping nothing', async () => {
    const journalistEmail = `phong.vien.${randomUUID().slice(0, 8)}@baoquangbinh.vn`;
    const { filePressComplaint } = await api.ok<{ filePressComplaint: Json }>(SeededUsers.btgOfficer, FILE, {
      i: {
        articleUrl: `https://baoquangbinh.vn/bai-viet/${randomUUID()}`,
        outletName: 'Báo Quảng Bình',
        outletAgencyCode: 'BAO_QB',
        publicationDate: new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10),
        byline: 'Minh Anh',
        ruleCodes: ['DDNB_2017_D2'],
        account: 'Bài viết đưa tin có ổ dịch tại xã, không kiểm chứng với cơ quan y tế, gây hoang mang.',
        journalistName: 'Nguyễn Minh Anh',
        journalistEmail,
      },
    });
    const id = filePressComplaint.id as string;
    const link = await eventually(() => {
      const mail = sink.mails.map(decodeMail).find((m) => m.includes(journalistEmail));
      return mail?.match(/https?:\/\/[^\s]+\/press\/reply\/[0-9a-f]{32}\.[0-9a-z]+\.[A-Za-z0-9_-]{43}/)?.[0];
    }, 15_000);
    const post = (files: Buffer[]) => {
      const form = new FormData();
      form.append('text', 'Tôi gửi kèm các tài liệu giải trình của tòa soạn.');
      files.forEach((bytes, n) => form.append('files', new Blob([new Uint8Array(bytes)]), `tai-lieu-${n + 1}.pdf`));
      return fetch(link, { method: 'POST', body: form });
    };
    const timed = async <T>(what: () => Promise<T>): Promise<[T, number]> => {
      const started = performance.now();
      const result = await what();
      return [result, Math.round(performance.now() - started)];
    };

    const over = [pdfOf(10 * MiB), pdfOf(10 * MiB), pdfOf(10 * MiB)];
    const [refused, refusedMs] = await timed(async () => {
      const response = await post(over);
      await response.text();
      return response;
    });
    expect(refused.status).toBe(413);
    expect((await api.ok<{ pressComplaint: Json }>(SeededUsers.hnbOfficer, REPLIES, { id })).pressComplaint.replies).toEqual([]);

    const files = Array.from({ length: 5 }, () => pdfOf(5 * MiB));
    const rssBefore = process.memoryUsage().rss;
    const [kept, keptMs] = await timed(async () => {
      const response = await post(files);
      await response.text();
      return response;
    });
    const rssAfter = process.memoryUsage().rss;
    expect(kept.status).toBe(200);
    const { pressComplaint } = await api.ok<{ pressComplaint: Json }>(SeededUsers.hnbOfficer, REPLIES, { id });
    const attachments = pressComplaint.replies[0].attachments as Json[];
    expect(attachments.map((a) => [a.sizeBytes, a.sha256])).toEqual(files.map((f) => [f.length, sha(f)]));

    const [downloaded, downloadMs] = await timed(async () => {
      const { pressReplyAttachmentDownload } = await api.ok<{ pressReplyAttachmentDownload: Json }>(SeededUsers.hnbOfficer, DOWNLOAD, {
        a: attachments[0]!.id,
      });
      return Buffer.from(await (await fetch(pressReplyAttachmentDownload.url as string)).arrayBuffer());
    });
    expect(sha(downloaded)).toBe(sha(files[0]!));
    console.log(
      `press reply files: 30 MiB refused (413) in ${refusedMs} ms; 25 MiB (5 × 5 MiB) kept in ${keptMs} ms ` +
        `(process RSS ${Math.round(rssBefore / MiB)} → ${Math.round(rssAfter / MiB)} MiB); one 5 MiB file downloaded in ${downloadMs} ms`,
    );
  }, 120_000);
});
