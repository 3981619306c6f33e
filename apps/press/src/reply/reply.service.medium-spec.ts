import { createHash } from 'node:crypto';
import { SeededUsers, sampleDocuments } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { TESTBED_REPLY_SECRET, createPressTestbed, type PressTestbed } from '../app/press.medium-testbed';
import { inspectFile, type AcceptedFile } from '../attachment/attachment-sniff';
import { RespondentRetentionJob } from '../retention/respondent-retention.job';
import { complaintRequest } from '../complaint/complaint.service.medium-spec';
import { ComplaintService } from '../complaint/complaint.service';
import { signReplyLink } from './reply-link';
import { ReplyService } from './reply.service';

describe(ReplyService.name, () => {
  let bed: PressTestbed;
  let sut: ReplyService;
  let complaints: ComplaintService;
  const btg = actorOf(SeededUsers.btgOfficer);
  const baoqb = actorOf(SeededUsers.baoqbOfficer);

  beforeAll(async () => {
    bed = await createPressTestbed();
    sut = bed.get(ReplyService);
    complaints = bed.get(ComplaintService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  /** A filed complaint and the signed token of its journalist's link. */
  async function filedWithToken(): Promise<{ id: string; token: string; editorToken: string }> {
    const filed = await complaints.file(btg, complaintRequest());
    const links: Array<{ id: string; recipient_role: string; expires_at: Date }> = await bed.dataSource.query(
      `SELECT id, recipient_role, expires_at FROM press_reply_link WHERE complaint_id = $1`,
      [filed.id],
    );
    const tokenOf = (role: string) => {
      const link = links.find((l) => l.recipient_role === role)!;
      return signReplyLink(TESTBED_REPLY_SECRET, { linkId: link.id, expiresAt: link.expires_at });
    };
    return { id: filed.id, token: tokenOf('JOURNALIST'), editorToken: tokenOf('EDITOR') };
  }

  describe('openLink and replyThroughLink', () => {
    it('keeps one reply through the link, then refuses the link and its sibling alike', async () => {
      const { id, token, editorToken } = await filedWithToken();
      expect(await sut.openLink(token)).toMatchObject({
        usable: true,
        view: {
          outletName: 'Báo Quảng Bình',
          byline: 'Minh Anh',
          ruleTitles: [expect.stringMatching(/^Quy định đạo đức nghề nghiệp của người làm báo Việt Nam, Điều 2: /)],
        },
      });
      expect(await sut.replyThroughLink(token, 'ngắn')).toMatchObject({ outcome: 'INVALID' });
      expect(await sut.replyThroughLink(token, 'Tôi đã kiểm chứng với trạm y tế xã.')).toEqual({ outcome: 'DONE', files: [] });
      expect(await sut.replyThroughLink(token, 'Lần thứ hai dùng cùng đường dẫn.')).toEqual({ outcome: 'UNUSABLE' });
      expect(await sut.openLink(token)).toEqual({ usable: false });
      expect(await sut.openLink(editorToken)).toEqual({ usable: false });
      const complaint = await complaints.get(btg, id);
      expect(complaint).toMatchObject({ status: 'AWAITING_RULING', replies: [{ channel: 'LINK', recipientRole: 'JOURNALIST' }] });
      const cancelled = await bed.dataSource.query(`SELECT kind FROM press_deadline WHERE complaint_id = $1 AND cancelled_at IS NOT NULL ORDER BY kind`, [id]);
      expect(cancelled.map((d: { kind: string }) => d.kind)).toEqual(['REPLY_REMINDER', 'REPLY_WINDOW_CLOSED']);
      expect((await bed.audit(id)).map((a) => [a.action, a.actorUserId])).toContainEqual(['press.reply.received', null]);
    });

    it('reveals nothing for an altered, expired or foreign link', async () => {
      const { token } = await filedWithToken();
      const linkId = `${token.slice(0, 8)}-${token.slice(8, 12)}-${token.slice(12, 16)}-${token.slice(16, 20)}-${token.slice(20, 32)}`;
      for (const bad of [
        `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
        signReplyLink(TESTBED_REPLY_SECRET, { linkId, expiresAt: new Date(Date.now() - 1) }),
        signReplyLink('not-the-secret-of-this-service-at-all', { linkId, expiresAt: new Date(Date.now() + 3_600_000) }),
      ]) {
        expect(await sut.openLink(bad)).toEqual({ usable: false });
        expect(await sut.replyThroughLink(bad, 'Phản hồi qua đường dẫn giả.')).toEqual({ outcome: 'UNUSABLE' });
      }
    });
  });

  describe('replyAsOutlet', () => {
    it('takes the reply of a user of the outlet, and refuses anyone else or a second reply', async () => {
      const { id, token } = await filedWithToken();
      await expect(sut.replyAsOutlet(btg, { complaintId: id, text: 'Phản hồi của cơ quan khác.' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const replied = await sut.replyAsOutlet(baoqb, {
        complaintId: id,
        text: 'Phản hồi của Báo Quảng Bình.',
        attachmentUrls: ['https://baoquangbinh.vn/tep/1.pdf'],
      });
      expect(replied).toMatchObject({
        status: 'AWAITING_RULING',
        replies: [{ channel: 'AGENCY_USER', submittedByAgency: 'BAO_QB', attachmentUrls: ['https://baoquangbinh.vn/tep/1.pdf'] }],
      });
      await expect(sut.replyAsOutlet(baoqb, { complaintId: id, text: 'Phản hồi thứ hai.' })).rejects.toMatchObject({ code: 'INVALID_STATE' });
      expect(await sut.openLink(token)).toEqual({ usable: false });
    });
  });

  describe('replyThroughLink with files', () => {
    /** A file as the reply form hands it over: sniffed and hashed. */
    async function accepted(name: string, bytes: Buffer): Promise<AcceptedFile> {
      const verdict = await inspectFile(name, bytes);
      if (!verdict.accepted) throw new Error(`${name} was refused`);
      return verdict.file;
    }
    const keptRows = (complaintId: string) =>
      bed.dataSource.query(
        `SELECT reply_id, position, display_name, media_type, size_bytes, sha256, bytes FROM press_reply_attachment WHERE complaint_id = $1 ORDER BY position`,
        [complaintId],
      ) as Promise<Array<{ reply_id: string; position: number; display_name: string; media_type: string; size_bytes: number; sha256: string; bytes: Buffer }>>;

    it('keeps the reply and its two files, with their SHA-256, in the transaction that consumes the link', async () => {
      const { id, token } = await filedWithToken();
      const pdf = sampleDocuments.pdf();
      const png = sampleDocuments.png();
      const files = [await accepted('../../giai-trinh.pdf', pdf), await accepted('anh chup.png', png)];
      expect(await sut.replyThroughLink(token, 'Tôi gửi kèm giải trình và ảnh chụp tin nhắn.', files)).toEqual({
        outcome: 'DONE',
        files: [
          { name: 'giai-trinh.pdf', sizeBytes: pdf.length },
          { name: 'anh chup.png', sizeBytes: png.length },
        ],
      });
      const rows = await keptRows(id);
      const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
      expect(rows.map((r) => [r.position, r.display_name, r.media_type, r.size_bytes, r.sha256])).toEqual([
        [0, 'giai-trinh.pdf', 'application/pdf', pdf.length, sha(pdf)],
        [1, 'anh chup.png', 'image/png', png.length, sha(png)],
      ]);
      expect(Buffer.compare(rows[0]!.bytes, pdf)).toBe(0);
      const complaint = await complaints.get(btg, id);
      expect(complaint.replies).toHaveLength(1);
      expect(rows.every((r) => r.reply_id === complaint.replies[0]!.id)).toBe(true);
      expect(complaint.replies[0]!.attachments).toEqual([
        { id: expect.any(String), name: 'giai-trinh.pdf', mediaType: 'application/pdf', sizeBytes: pdf.length, sha256: sha(pdf), purgedAt: null },
        { id: expect.any(String), name: 'anh chup.png', mediaType: 'image/png', sizeBytes: png.length, sha256: sha(png), purgedAt: null },
      ]);
      const audit = (await bed.audit(id)).find((a) => a.action === 'press.reply.received')!;
      expect(audit.summary).toMatchObject({
        attachments: 2,
        files: [
          { name: 'giai-trinh.pdf', sha256: sha(pdf) },
          { name: 'anh chup.png', sha256: sha(png) },
        ],
      });
      expect(JSON.stringify(audit.summary)).not.toContain(pdf.toString('base64').slice(0, 24));
      // A second use of the link is refused and keeps nothing more.
      expect(await sut.replyThroughLink(token, 'Gửi lại lần nữa với cùng tệp.', files)).toEqual({ outcome: 'UNUSABLE' });
      expect(await keptRows(id)).toHaveLength(2);
    });

    it.each([
      ['too many files (the testbed takes 2)', async () => [sampleDocuments.text(), sampleDocuments.pdf(), sampleDocuments.png()], 413, 'tối đa 2 tệp'],
      ['a file over 4 KB', async () => [Buffer.alloc(5000, 'a')], 413, 'lớn hơn 4 KB'],
      ['files over 6 KB in all', async () => [Buffer.alloc(4000, 'a'), Buffer.alloc(4000, 'b')], 413, 'vượt quá 6 KB'],
    ])('refuses %s, keeps nothing and leaves the link usable', async (_what, make, status, words) => {
      const { id, token } = await filedWithToken();
      const files = await Promise.all((await make()).map((b, i) => accepted(`tep-${i}.txt`, b)));
      const refused = await sut.replyThroughLink(token, 'Phản hồi có tệp vượt giới hạn.', files);
      expect(refused).toMatchObject({ outcome: 'INVALID', status, problem: expect.stringContaining(words) });
      expect(await keptRows(id)).toEqual([]);
      expect((await complaints.get(btg, id)).replies).toEqual([]);
      expect(await sut.openLink(token)).toMatchObject({ usable: true });
      expect(
        await sut.replyThroughLink(
          token,
          'Phản hồi sau khi bớt tệp.',
          files.slice(0, 1).filter((f) => f.sizeBytes <= 4096),
        ),
      ).toMatchObject({
        outcome: 'DONE',
      });
    });

    it('deletes the bytes at the retention purge and keeps what they were', async () => {
      const { id, token } = await filedWithToken();
      const text = sampleDocuments.text();
      await sut.replyThroughLink(token, 'Phản hồi kèm biên bản làm việc.', [await accepted('bien-ban.txt', text)]);
      await bed.dataSource.query(`UPDATE press_complaint SET status = 'CLOSED', closed_at = now() WHERE id = $1`, [id]);
      expect(await bed.get(RespondentRetentionJob).runDue()).toBeGreaterThanOrEqual(1);
      const [row] = await keptRows(id);
      expect(row).toMatchObject({
        display_name: 'bien-ban.txt',
        size_bytes: text.length,
        sha256: createHash('sha256').update(text).digest('hex'),
        bytes: null,
      });
      const [reply] = (await complaints.get(btg, id)).replies;
      expect(reply!.attachments[0]!.purgedAt).toEqual(expect.any(String));
      expect((await bed.audit(id)).find((a) => a.action === 'press.respondent.purged')?.summary).toMatchObject({ attachmentsPurged: 1 });
    });
  });
});
