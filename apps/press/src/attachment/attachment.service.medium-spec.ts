import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { SeededUsers, sampleDocuments } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { createPressTestbed, type PressTestbed } from '../app/press.medium-testbed';
import { complaintRequest } from '../complaint/complaint.service.medium-spec';
import { ComplaintService } from '../complaint/complaint.service';
import { ReplyService } from '../reply/reply.service';
import { AttachmentService } from './attachment.service';

describe(AttachmentService.name, () => {
  let bed: PressTestbed;
  let sut: AttachmentService;
  let complaints: ComplaintService;
  let replies: ReplyService;
  const btg = actorOf(SeededUsers.btgOfficer);
  const baoqb = actorOf(SeededUsers.baoqbOfficer);
  const hnb = actorOf(SeededUsers.hnbOfficer);
  const outsider = actorOf(SeededUsers.sytOfficer);
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);
  const pending = (complaintId: string) =>
    bed.dataSource.query(`SELECT id FROM press_reply_attachment WHERE complaint_id = $1`, [complaintId]) as Promise<Array<{ id: string }>>;

  beforeAll(async () => {
    bed = await createPressTestbed();
    sut = bed.get(AttachmentService);
    complaints = bed.get(ComplaintService);
    replies = bed.get(ReplyService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  describe('requestUpload and receiveUpload', () => {
    it('gives the outlet an upload address with the limits, keeps a sniffed file once, and refuses anyone else', async () => {
      const filed = await complaints.file(btg, complaintRequest());
      await expect(sut.requestUpload(btg, { complaintId: filed.id, fileName: 'x.pdf' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(sut.requestUpload(outsider, { complaintId: filed.id, fileName: 'x.pdf' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      const ticket = await sut.requestUpload(baoqb, { complaintId: filed.id, fileName: 'Giải trình.docx' });
      expect(ticket).toMatchObject({
        uploadUrl: expect.stringMatching(/^http:\/\/press\.test\/press\/uploads\/[\w-]+\.[\w-]+\.[\w-]+$/),
        maxFileBytes: 4096,
        maxFiles: 2,
        maxTotalBytes: 6144,
        allowedMediaTypes: expect.arrayContaining(['application/pdf', 'text/plain']),
      });
      const docx = await sampleDocuments.docx();
      const kept = await sut.receiveUpload(tokenOf(ticket.uploadUrl), Readable.from([docx]));
      expect(kept).toEqual({
        id: expect.any(String),
        name: 'Giải trình.docx',
        mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        sizeBytes: docx.length,
        sha256: sha(docx),
        purgedAt: null,
      });
      // The address is used up once a file is kept.
      await expect(sut.receiveUpload(tokenOf(ticket.uploadUrl), Readable.from([docx]))).rejects.toMatchObject({ status: 410 });
      await expect(sut.receiveUpload('not-a-token', Readable.from([docx]))).rejects.toMatchObject({ status: 404 });
      expect(await pending(filed.id)).toHaveLength(1);
    });

    it('gives no upload address once the reply window has closed', async () => {
      const filed = await complaints.file(btg, complaintRequest());
      await bed.dataSource.query(`UPDATE press_complaint SET reply_due_at = now() - interval '1 second' WHERE id = $1`, [filed.id]);
      await expect(sut.requestUpload(baoqb, { complaintId: filed.id, fileName: 'x.pdf' })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    });

    it.each([
      ['a program named as a PDF', () => sampleDocuments.exe(), 415],
      ['a file over the 4 KB limit', () => Buffer.alloc(4097, 'a'), 413],
      ['an empty file', () => Buffer.alloc(0), 400],
    ])('refuses %s, keeps nothing and leaves the address usable', async (_what, bytes, status) => {
      const filed = await complaints.file(btg, complaintRequest());
      const { uploadUrl } = await sut.requestUpload(baoqb, { complaintId: filed.id, fileName: 'giai-trinh.pdf' });
      await expect(sut.receiveUpload(tokenOf(uploadUrl), Readable.from([bytes()]))).rejects.toMatchObject({ status, code: 'BAD_USER_INPUT' });
      expect(await pending(filed.id)).toEqual([]);
      await expect(sut.receiveUpload(tokenOf(uploadUrl), Readable.from([sampleDocuments.pdf()]))).resolves.toMatchObject({ mediaType: 'application/pdf' });
    });
  });

  describe('downloadLink and openForDownload', () => {
    it('attaches the uploads to the outlet’s reply and hands their bytes to the complaint’s readers only, each download audited', async () => {
      const filed = await complaints.file(btg, complaintRequest());
      const upload = async (name: string, bytes: Buffer) =>
        sut.receiveUpload(tokenOf((await sut.requestUpload(baoqb, { complaintId: filed.id, fileName: name })).uploadUrl), Readable.from([bytes]));
      const pdf = sampleDocuments.pdf();
      const first = await upload('../../etc/passwd', pdf);
      const second = await upload('<img src=x onerror=alert(1)>.html', sampleDocuments.html());
      expect(second).toMatchObject({ name: '<img src=x onerror=alert(1)>.html.txt', mediaType: 'text/plain' });
      // Another complaint's upload, or an unknown id, cannot be attached; nothing is kept then.
      const other = await complaints.file(btg, complaintRequest());
      const foreign = await sut.receiveUpload(
        tokenOf((await sut.requestUpload(baoqb, { complaintId: other.id, fileName: 'khac.pdf' })).uploadUrl),
        Readable.from([pdf]),
      );
      await expect(
        replies.replyAsOutlet(baoqb, { complaintId: filed.id, text: 'Phản hồi kèm tệp của khiếu nại khác.', attachmentIds: [first.id, foreign.id] }),
      ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'attachmentIds' });
      expect((await complaints.get(btg, filed.id)).replies).toEqual([]);

      const replied = await replies.replyAsOutlet(baoqb, {
        complaintId: filed.id,
        text: 'Phản hồi của Báo Quảng Bình kèm giải trình.',
        attachmentIds: [second.id, first.id],
      });
      expect(replied.replies[0]!.attachments.map((a) => [a.id, a.name])).toEqual([
        [second.id, second.name],
        [first.id, 'passwd.pdf'],
      ]);

      const link = await sut.downloadLink(hnb, { attachmentId: first.id });
      expect(link).toMatchObject({ attachmentId: first.id, sha256: sha(pdf), url: expect.stringMatching(/^http:\/\/press\.test\/press\/attachments\//) });
      const file = await sut.openForDownload(tokenOf(link.url));
      expect(file).toMatchObject({ name: 'passwd.pdf', mediaType: 'application/pdf', sha256: sha(pdf) });
      expect(Buffer.compare(file!.bytes, pdf)).toBe(0);
      expect((await bed.audit(filed.id)).find((a) => a.action === 'press.reply-attachment.downloaded')).toMatchObject({
        actorAgency: 'HNB',
        summary: { attachmentId: first.id, sha256: sha(pdf) },
      });

      await expect(sut.downloadLink(outsider, { attachmentId: first.id })).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'attachmentId' });
      // Not attached to a reply yet: no download.
      await expect(sut.downloadLink(hnb, { attachmentId: foreign.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await sut.openForDownload(`${tokenOf(link.url)}x`)).toBeNull();
      expect(await sut.openForDownload(tokenOf((await sut.requestUpload(baoqb, { complaintId: other.id, fileName: 'a.pdf' })).uploadUrl))).toBeNull();
    });
  });
});
