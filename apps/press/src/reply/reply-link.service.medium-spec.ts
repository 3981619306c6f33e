import { EventSubjects } from '@phoi-hop/contracts';
import { SeededUsers } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { TESTBED_REPLY_SECRET, createPressTestbed, type PressTestbed } from '../app/press.medium-testbed';
import { ComplaintService } from '../complaint/complaint.service';
import { complaintRequest } from '../complaint/complaint.service.medium-spec';
import { signReplyLink } from './reply-link';
import { ReplyLinkService } from './reply-link.service';
import { ReplyService } from './reply.service';

interface LinkRow {
  id: string;
  recipient_role: string;
  expires_at: Date;
  used_at: Date | null;
}

describe(ReplyLinkService.name, () => {
  let bed: PressTestbed;
  let sut: ReplyLinkService;
  let complaints: ComplaintService;
  let replies: ReplyService;
  const btg = actorOf(SeededUsers.btgOfficer);
  const hnb = actorOf(SeededUsers.hnbOfficer);
  const syt = actorOf(SeededUsers.sytOfficer);
  const reason = 'Thư điện tử gửi đường dẫn bị thất lạc';

  beforeAll(async () => {
    bed = await createPressTestbed();
    sut = bed.get(ReplyLinkService);
    complaints = bed.get(ComplaintService);
    replies = bed.get(ReplyService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  const links = (complaintId: string): Promise<LinkRow[]> =>
    bed.dataSource.query(`SELECT id, recipient_role, expires_at, used_at FROM press_reply_link WHERE complaint_id = $1 ORDER BY created_at, id`, [complaintId]);
  const tokenOf = (link: LinkRow) => signReplyLink(TESTBED_REPLY_SECRET, { linkId: link.id, expiresAt: link.expires_at });
  const openLinkOf = async (complaintId: string, role: string) => (await links(complaintId)).find((l) => l.recipient_role === role && !l.used_at)!;

  describe('reissue', () => {
    it('revokes the journalist’s unused link, sends a fresh one that works, audited and announced; the editor’s is untouched', async () => {
      const filed = await complaints.file(btg, complaintRequest());
      const oldLink = await openLinkOf(filed.id, 'JOURNALIST');
      const editorLink = await openLinkOf(filed.id, 'EDITOR');

      const answer = await sut.reissue(hnb, { complaintId: filed.id, recipientRole: 'JOURNALIST', reason });
      expect(answer).toMatchObject({ id: filed.id, status: 'AWAITING_REPLY', replyDueAt: filed.replyDueAt });

      const newLink = await openLinkOf(filed.id, 'JOURNALIST');
      expect(newLink.id).not.toBe(oldLink.id);
      expect(newLink.expires_at.toISOString()).toBe(filed.replyDueAt);
      expect(await replies.openLink(tokenOf(oldLink))).toEqual({ usable: false });
      expect(await replies.replyThroughLink(tokenOf(oldLink), 'Phản hồi qua đường dẫn cũ.')).toEqual({ outcome: 'UNUSABLE' });
      expect(await replies.openLink(tokenOf(editorLink))).toMatchObject({ usable: true });
      // The notice goes out through the deadline scheduler, as the first one did.
      const notices = await bed.dataSource.query(`SELECT link_id FROM press_deadline WHERE complaint_id = $1 AND kind = 'REPLY_NOTICE' AND fired_at IS NULL`, [
        filed.id,
      ]);
      expect(notices.map((n: { link_id: string }) => n.link_id)).toContain(newLink.id);
      expect((await bed.outbox(filed.id)).at(-1)).toMatchObject({
        subject: EventSubjects.press.replyLinkReissued,
        data: { complaintId: filed.id, status: 'AWAITING_REPLY', recipientRole: 'JOURNALIST', replyDueAt: filed.replyDueAt },
      });
      expect(JSON.stringify(await bed.outbox(filed.id))).not.toContain('phong.vien@');
      expect((await bed.audit(filed.id)).at(-1)).toMatchObject({
        action: 'press.reply.link-reissued',
        actorAgency: 'HNB',
        summary: { recipientRole: 'JOURNALIST', linkId: newLink.id, revokedLinks: 1, reason },
      });

      expect(await replies.replyThroughLink(tokenOf(newLink), 'Tôi đã kiểm chứng với trạm y tế xã trước khi đăng.')).toEqual({ outcome: 'DONE', files: [] });
      expect(await complaints.get(hnb, filed.id)).toMatchObject({ status: 'AWAITING_RULING', replies: [{ channel: 'LINK', recipientRole: 'JOURNALIST' }] });
    });

    it('refuses once the complaint awaits no reply or its window has closed (INVALID_STATE), and changes nothing', async () => {
      const replied = await complaints.file(btg, complaintRequest());
      await replies.replyThroughLink(tokenOf(await openLinkOf(replied.id, 'JOURNALIST')), 'Tôi đã kiểm chứng với trạm y tế xã.');
      const lapsed = await complaints.file(btg, complaintRequest());
      await bed.dataSource.query(`UPDATE press_complaint SET reply_due_at = now() - interval '1 minute' WHERE id = $1`, [lapsed.id]);
      for (const [id, message] of [
        [replied.id, /AWAITING_RULING awaits no reply/],
        [lapsed.id, /reply window has closed/],
      ] as const) {
        const before = { links: await links(id), audit: await bed.audit(id), events: await bed.outbox(id) };
        await expect(sut.reissue(hnb, { complaintId: id, recipientRole: 'JOURNALIST', reason })).rejects.toMatchObject({
          code: 'INVALID_STATE',
          message: expect.stringMatching(message),
        });
        expect({ links: await links(id), audit: await bed.audit(id), events: await bed.outbox(id) }).toEqual(before);
      }
    });

    it('refuses a recipient without a work address (BAD_USER_INPUT), another agency (FORBIDDEN) and a viewer who may not see it (NOT_FOUND)', async () => {
      const filed = await complaints.file(btg, complaintRequest({ editorName: undefined, editorEmail: undefined }));
      const before = await links(filed.id);
      await expect(sut.reissue(hnb, { complaintId: filed.id, recipientRole: 'EDITOR', reason })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'recipientRole',
      });
      await expect(sut.reissue(btg, { complaintId: filed.id, recipientRole: 'JOURNALIST', reason })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(sut.reissue(syt, { complaintId: filed.id, recipientRole: 'JOURNALIST', reason })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await links(filed.id)).toEqual(before);
      expect((await bed.audit(filed.id)).map((a) => a.action)).toEqual(['press.complaint.filed']);
    });
  });
});
