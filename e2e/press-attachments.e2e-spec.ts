import { createHash, randomUUID } from 'node:crypto';
import { SeededUsers, eventually, sampleDocuments, startSmtpSink, type SmtpSink } from '@phoi-hop/testing';
import { caller } from './support/evidence';
import { startPlatform, type Platform } from './support/platform';

const FILE = `mutation($i: FilePressComplaintInput!) { filePressComplaint(input: $i) { id status } }`;
const REPLIES = `query($id: ID!) { pressComplaint(id: $id) { id status replies { channel text attachments { id name mediaType sizeBytes sha256 purgedAt } } } }`;
const DOWNLOAD = `query($a: ID!) { pressReplyAttachmentDownload(attachmentId: $a) { attachmentId url expiresAt sha256 } }`;
const REQUEST_UPLOAD = `mutation($i: RequestPressReplyUploadInput!) { requestPressReplyUpload(input: $i) { uploadUrl maxFileBytes maxFiles maxTotalBytes allowedMediaTypes } }`;
const REPLY = `mutation($i: ReplyToPressComplaintInput!) { replyToPressComplaint(input: $i) { status replies { channel attachments { id name mediaType sha256 } } } }`;
const AUDIT = `query($t: String!) { auditTrail(targetId: $t, first: 50) { edges { node { action actorAgency } } } }`;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const day = (offsetDays: number) => new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const decodeMail = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('files attached to a right-of-reply (Đ6.3): the no-account page, the outlet’s uploads, reading and downloading them', () => {
  let platform: Platform;
  let sink: SmtpSink;
  let api: ReturnType<typeof caller>;

  beforeAll(async () => {
    sink = await startSmtpSink();
    platform = await startPlatform({ smtpUrl: sink.url });
    api = caller(platform);
  }, 90_000);

  afterAll(async () => {
    await platform?.stop();
    await sink?.close();
  });

  /** A complaint about an article of Báo Quảng Bình, awaiting the reply, and the journalist's e-mailed link. */
  async function awaitingReply(): Promise<{ id: string; link: string }> {
    const journalistEmail = `phong.vien.${randomUUID().slice(0, 8)}@baoquangbinh.vn`;
    const { filePressComplaint } = await api.ok<{ filePressComplaint: Json }>(SeededUsers.btgOfficer, FILE, {
      i: {
        articleUrl: `https://baoquangbinh.vn/bai-viet/${randomUUID()}`,
        outletName: 'Báo Quảng Bình',
        outletAgencyCode: 'BAO_QB',
        publicationDate: day(-10),
        byline: 'Minh Anh',
        ruleCodes: ['DDNB_2017_D2'],
        account: 'Bài viết đưa tin có ổ dịch tại xã, không kiểm chứng với cơ quan y tế, gây hoang mang.',
        journalistName: 'Nguyễn Minh Anh',
        journalistEmail,
      },
    });
    expect(filePressComplaint.status).toBe('AWAITING_REPLY');
    const link = await eventually(() => {
      const mail = sink.mails.map(decodeMail).find((m) => m.includes(journalistEmail));
      return mail?.match(/https?:\/\/[^\s]+\/press\/reply\/[0-9a-f]{32}\.[0-9a-z]+\.[A-Za-z0-9_-]{43}/)?.[0];
    }, 15_000);
    return { id: filePressComplaint.id as string, link };
  }

  /** Posts the reply form as a browser does: multipart, the text and the chosen files. */
  function postForm(link: string, text: string, files: Array<{ name: string; bytes: Buffer; type?: string }>): Promise<Response> {
    const form = new FormData();
    form.append('text', text);
    for (const f of files) form.append('files', new Blob([new Uint8Array(f.bytes)], { type: f.type ?? 'application/octet-stream' }), f.name);
    return fetch(link, { method: 'POST', body: form });
  }

  async function download(user: (typeof SeededUsers)[keyof typeof SeededUsers], attachmentId: string): Promise<Response> {
    const { pressReplyAttachmentDownload } = await api.ok<{ pressReplyAttachmentDownload: Json }>(user, DOWNLOAD, { a: attachmentId });
    return fetch(pressReplyAttachmentDownload.url as string);
  }

  it('takes files through the reply page, refuses bad ones without using up the link, and lets only the complaint’s readers download them', async () => {
    const { id, link } = await awaitingReply();
    const html = await (await fetch(link)).text();
    expect(html).toContain('<form method="post" enctype="multipart/form-data">');
    expect(html).toContain('<input type="file" id="files" name="files" multiple');

    // Refused: too large (the test platform takes 256 KiB a file), a program declared as a PDF, too many files.
    const text = 'Tôi đã liên hệ trạm y tế xã; xin gửi kèm biên bản và ảnh chụp tin nhắn.';
    const tooLarge = await postForm(link, text, [{ name: 'ghi-am.pdf', bytes: Buffer.alloc(300 * 1024, 'a') }]);
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.text()).toMatch(/role="alert"><strong>Tệp “ghi-am.pdf” lớn hơn 256 KB/);
    const program = await postForm(link, text, [{ name: 'bien-ban.pdf', bytes: sampleDocuments.exe(), type: 'application/pdf' }]);
    expect(program.status).toBe(415);
    const programPage = await program.text();
    expect(programPage).toContain('không thuộc loại được nhận');
    // The form comes back with the text as typed.
    expect(programPage).toContain(`>${text}</textarea>`);
    const tooMany = await postForm(
      link,
      text,
      [1, 2, 3, 4].map((n) => ({ name: `${n}.txt`, bytes: Buffer.from(`ghi chú ${n}`) })),
    );
    expect(tooMany.status).toBe(413);
    expect((await api.ok<{ pressComplaint: Json }>(SeededUsers.hnbOfficer, REPLIES, { id })).pressComplaint).toMatchObject({
      status: 'AWAITING_REPLY',
      replies: [],
    });
    expect((await fetch(link)).status).toBe(200);

    // Kept: the text and two files, hostile names neutralised on the page.
    const pdf = sampleDocuments.pdf();
    const note = sampleDocuments.text();
    const kept = await postForm(link, text, [
      { name: '../../etc/passwd', bytes: pdf, type: 'text/html' },
      { name: '<img src=x onerror=alert(1)>.txt', bytes: note },
    ]);
    expect(kept.status).toBe(200);
    const receipt = await kept.text();
    expect(receipt).toContain('<li>passwd.pdf (1 KB)</li>');
    expect(receipt).toContain('&#60;img src&#61;x onerror&#61;alert(1)&#62;.txt');
    expect(receipt).not.toContain('<img');
    expect(kept.headers.get('content-security-policy')).toContain("form-action 'self'");
    expect((await postForm(link, text, [])).status).toBe(404);

    const { pressComplaint } = await api.ok<{ pressComplaint: Json }>(SeededUsers.hnbOfficer, REPLIES, { id });
    expect(pressComplaint.replies).toEqual([
      {
        channel: 'LINK',
        text,
        attachments: [
          { id: expect.any(String), name: 'passwd.pdf', mediaType: 'application/pdf', sizeBytes: pdf.length, sha256: sha(pdf), purgedAt: null },
          {
            id: expect.any(String),
            name: '<img src=x onerror=alert(1)>.txt',
            mediaType: 'text/plain',
            sizeBytes: note.length,
            sha256: sha(note),
            purgedAt: null,
          },
        ],
      },
    ]);
    const [pdfFile, noteFile] = pressComplaint.replies[0].attachments as Json[];

    // An ethics officer downloads them: the bytes as sent, as attachments of the sniffed type, never sniffed again.
    const got = await download(SeededUsers.hnbOfficer, pdfFile!.id);
    expect(got.status).toBe(200);
    expect(Buffer.compare(Buffer.from(await got.arrayBuffer()), pdf)).toBe(0);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-disposition')).toBe(`attachment; filename="passwd.pdf"; filename*=UTF-8''passwd.pdf`);
    const hostile = await download(SeededUsers.hnbOfficer, noteFile!.id);
    expect(Buffer.compare(Buffer.from(await hostile.arrayBuffer()), note)).toBe(0);
    expect(hostile.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const disposition = hostile.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="_img src_x onerror_alert\(1\)_\.txt"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe('<img src=x onerror=alert(1)>.txt');

    // An agency outside the complaint learns nothing: no complaint, no download address.
    expect((await api.ok<{ pressComplaint: Json | null }>(SeededUsers.sytOfficer, REPLIES, { id })).pressComplaint).toBeNull();
    const outsider = await api.call(SeededUsers.sytOfficer, DOWNLOAD, { a: pdfFile!.id });
    expect(outsider.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'attachmentId' });
    expect((await fetch(`${link.slice(0, link.indexOf('/press/'))}/press/attachments/not-a-token`)).status).toBe(404);

    const { auditTrail } = await api.ok<{ auditTrail: { edges: { node: Json }[] } }>(SeededUsers.auditor, AUDIT, { t: id });
    const actions = auditTrail.edges.map((e) => e.node);
    expect(actions).toContainEqual({ action: 'press.reply.received', actorAgency: null });
    expect(actions.filter((a) => a.action === 'press.reply-attachment.downloaded')).toEqual([
      { action: 'press.reply-attachment.downloaded', actorAgency: 'HNB' },
      { action: 'press.reply-attachment.downloaded', actorAgency: 'HNB' },
    ]);
  }, 90_000);

  it('lets a user of the outlet upload files once each and reply with them through GraphQL', async () => {
    const { id, link } = await awaitingReply();
    const { requestPressReplyUpload: ticket } = await api.ok<{ requestPressReplyUpload: Json }>(SeededUsers.baoqbOfficer, REQUEST_UPLOAD, {
      i: { complaintId: id, fileName: 'Giải trình của tòa soạn.docx' },
    });
    expect(ticket).toMatchObject({ maxFileBytes: 256 * 1024, maxFiles: 3, maxTotalBytes: 512 * 1024 });
    const put = (bytes: Buffer) =>
      fetch(ticket.uploadUrl as string, { method: 'PUT', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array(bytes) });
    // A type off the list or a file too large is refused and the address stays usable.
    expect((await put(sampleDocuments.exe())).status).toBe(415);
    expect((await put(Buffer.alloc(300 * 1024, 'a'))).status).toBe(413);
    const docx = await sampleDocuments.docx();
    const uploaded = await put(docx);
    expect(uploaded.status).toBe(201);
    const { attachment } = (await uploaded.json()) as { attachment: Json };
    expect(attachment).toMatchObject({ name: 'Giải trình của tòa soạn.docx', sha256: sha(docx) });
    expect((await put(docx)).status).toBe(410);

    // Another agency cannot ask for an upload address.
    const foreign = await api.call(SeededUsers.btgOfficer, REQUEST_UPLOAD, { i: { complaintId: id, fileName: 'x.pdf' } });
    expect(foreign.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    const { replyToPressComplaint } = await api.ok<{ replyToPressComplaint: Json }>(SeededUsers.baoqbOfficer, REPLY, {
      i: { complaintId: id, text: 'Phản hồi của Báo Quảng Bình kèm giải trình.', attachmentIds: [attachment.id] },
    });
    expect(replyToPressComplaint).toMatchObject({
      status: 'AWAITING_RULING',
      replies: [
        { channel: 'AGENCY_USER', attachments: [{ id: attachment.id, mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }] },
      ],
    });
    const got = await download(SeededUsers.hnbOfficer, attachment.id as string);
    expect(Buffer.compare(Buffer.from(await got.arrayBuffer()), docx)).toBe(0);
    // The outlet's reply closed the window: the journalist's link is no longer usable.
    expect((await fetch(link)).status).toBe(404);
  }, 60_000);
});
