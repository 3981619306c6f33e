import { SeededUsers } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { TESTBED_REPLY_SECRET, createPressTestbed, type PressTestbed } from '../app/press.medium-testbed';
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
      expect(await sut.replyThroughLink(token, 'Tôi đã kiểm chứng với trạm y tế xã.')).toEqual({ outcome: 'DONE' });
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
});
