import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventSubjects, type Actor, type ComplaintDto, type PressComplaintEvent, type ReissueReplyLinkRequest } from '@phoi-hop/contracts';
import { OutboxRelay, appendToOutbox } from '@phoi-hop/messaging';
import { appendAudit } from '@phoi-hop/persistence';
import { ComplaintRepository } from '../complaint/complaint.repository';
import { ComplaintService, aggregateOf, complaintEvent } from '../complaint/complaint.service';
import { COMPLAINT_SETTINGS, type ComplaintSettings } from '../complaint/complaint.settings';
import { PressError } from '../complaint/press.errors';

/**
 * Đ6.3 right of reply: the press association sends a journalist or an editor a fresh one-time link
 * while the window is still open (the link secret was rotated, the e-mail went astray). Their
 * earlier unused links stop working; the new one expires with the window and is e-mailed by the
 * deadline scheduler exactly as the first notice was.
 */
@Injectable()
export class ReplyLinkService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly complaints: ComplaintRepository,
    private readonly complaintService: ComplaintService,
    private readonly relay: OutboxRelay,
    @Inject(COMPLAINT_SETTINGS) private readonly settings: ComplaintSettings,
  ) {}

  async reissue(actor: Actor, request: ReissueReplyLinkRequest): Promise<ComplaintDto> {
    await this.complaintService.visible(actor, request.complaintId);
    if (actor.agencyCode !== this.settings.pressAssociationAgencyCode)
      throw PressError.forbidden('Only ethics officers of the press association send a reply link again');
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      const c = (await this.complaints.complaint(manager, request.complaintId, true))!;
      if (c.status !== 'AWAITING_REPLY') throw PressError.invalidState(`A complaint that is ${c.status} awaits no reply: no link is sent`);
      if (!c.reply_due_at || c.reply_due_at.getTime() <= now.getTime()) throw PressError.invalidState('The reply window has closed: no link is sent');
      const respondent = await this.complaints.respondent(manager, c.id);
      const address = request.recipientRole === 'EDITOR' ? respondent?.editor_email : respondent?.journalist_email;
      if (!address)
        throw PressError.badInput(
          'recipientRole',
          request.recipientRole === 'EDITOR' ? 'The complaint names no editor’s work e-mail' : 'The journalist’s work e-mail is not kept',
        );
      const revoked = await this.complaints.revokeReplyLinksOf(manager, c.id, request.recipientRole, now);
      const linkId = randomUUID();
      await this.complaints.insertReplyLink(manager, { id: linkId, complaintId: c.id, role: request.recipientRole, at: now, expiresAt: c.reply_due_at });
      await this.complaints.scheduleDeadline(manager, { id: randomUUID(), complaintId: c.id, kind: 'REPLY_NOTICE', dueAt: now, linkId });
      await appendToOutbox<PressComplaintEvent>(manager, [
        {
          subject: EventSubjects.press.replyLinkReissued,
          aggregateId: aggregateOf(c),
          visibleTo: c.visible_agencies,
          data: complaintEvent(c, { replyDueAt: c.reply_due_at.toISOString(), recipientRole: request.recipientRole }),
        },
      ]);
      await appendAudit(manager, {
        actor,
        action: 'press.reply.link-reissued',
        targetType: 'press_complaint',
        targetId: c.id,
        summary: { recipientRole: request.recipientRole, linkId, revokedLinks: revoked, reason: request.reason.trim() },
      });
    });
    this.relay.kick();
    return this.complaintService.get(actor, request.complaintId);
  }
}
