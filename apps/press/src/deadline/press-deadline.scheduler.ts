import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DataSource, type EntityManager } from 'typeorm';
import { EventSubjects, RpcSubjects, type PressComplaintEvent, type SendEmailRequest } from '@phoi-hop/contracts';
import { ServiceCredential } from '@phoi-hop/auth';
import { OutboxRelay, RpcClient, appendToOutbox } from '@phoi-hop/messaging';
import { DEADLINE_SCHEDULER_ENABLED, DEADLINE_SETTINGS, DeadlineScheduler, appendAudit, type DeadlineSettings } from '@phoi-hop/persistence';
import { ComplaintRepository, type ComplaintRow, type ReplyLinkRow, type RespondentRow } from '../complaint/complaint.repository';
import { aggregateOf, complaintEvent } from '../complaint/complaint.service';
import { signReplyLink } from '../reply/reply-link';
import { REPLY_LINK_SETTINGS, type ReplyLinkSettings } from '../reply/reply-link.settings';
import { replyNoticeEmail } from './reply-notice';

export const PRESS_SERVICE_CREDENTIAL = Symbol('PRESS_SERVICE_CREDENTIAL');

interface DueDeadline {
  id: string;
  complaint_id: string;
  kind: 'REPLY_NOTICE' | 'REPLY_REMINDER' | 'REPLY_WINDOW_CLOSED';
  due_at: Date;
  link_id: string | null;
}

/**
 * The right of reply's due work, from the press_deadline table (each fires once across replicas,
 * and a failed one is retried): the e-mailed notice with the one-time link, the reminder before the
 * window closes, and the window's end, after which the board may rule without a reply.
 */
@Injectable()
export class PressDeadlineScheduler extends DeadlineScheduler<DueDeadline> {
  constructor(
    dataSource: DataSource,
    relay: OutboxRelay,
    private readonly complaints: ComplaintRepository,
    private readonly rpc: RpcClient,
    private readonly http: HttpAdapterHost,
    @Inject(PRESS_SERVICE_CREDENTIAL) private readonly self: ServiceCredential,
    @Inject(REPLY_LINK_SETTINGS) private readonly links: ReplyLinkSettings,
    @Inject(DEADLINE_SETTINGS) settings: DeadlineSettings,
    @Inject(DEADLINE_SCHEDULER_ENABLED) enabled: boolean,
  ) {
    super(dataSource, { table: 'press_deadline', columns: ['complaint_id', 'kind', 'due_at', 'link_id'], settings, enabled, afterWork: () => relay.kick() });
  }

  protected async fire(manager: EntityManager, due: DueDeadline): Promise<void> {
    const complaint = await this.complaints.complaint(manager, due.complaint_id, true);
    if (!complaint || complaint.status !== 'AWAITING_REPLY') return;
    if (due.kind === 'REPLY_WINDOW_CLOSED') return this.closeWindow(manager, complaint);
    const respondent = await this.complaints.respondent(manager, complaint.id);
    if (!respondent) return;
    const links = await this.complaints.openReplyLinks(manager, complaint.id, due.kind === 'REPLY_NOTICE' ? due.link_id : null);
    for (const link of links) await this.sendNotice(complaint, respondent, link, due.kind === 'REPLY_REMINDER', due.id);
    if (due.kind === 'REPLY_REMINDER' && links.length) {
      await appendToOutbox<PressComplaintEvent>(manager, [
        {
          subject: EventSubjects.press.replyReminded,
          aggregateId: aggregateOf(complaint),
          visibleTo: complaint.visible_agencies,
          data: complaintEvent(complaint, { replyDueAt: complaint.reply_due_at!.toISOString() }),
          actor: null,
        },
      ]);
    }
    await appendAudit(manager, {
      actor: null,
      action: due.kind === 'REPLY_NOTICE' ? 'press.reply.notice-sent' : 'press.reply.reminded',
      targetType: 'press_complaint',
      targetId: complaint.id,
      summary: { recipients: links.map((l) => l.recipient_role) },
    });
  }

  private async sendNotice(complaint: ComplaintRow, respondent: RespondentRow, link: ReplyLinkRow, reminder: boolean, dueId: string): Promise<void> {
    const to = link.recipient_role === 'EDITOR' ? respondent.editor_email : respondent.journalist_email;
    if (!to) return;
    const token = signReplyLink(this.links.secret, { linkId: link.id, expiresAt: link.expires_at });
    const email = replyNoticeEmail({
      reminder,
      recipientName: link.recipient_role === 'EDITOR' ? (respondent.editor_name ?? '') : respondent.journalist_name,
      outletName: complaint.outlet_name ?? '',
      articleUrl: complaint.article_url ?? '',
      replyUrl: `${this.base()}/press/reply/${token}`,
      replyDueAt: link.expires_at,
    });
    const request: SendEmailRequest = { to, subject: email.subject, text: email.text, reference: `press-${dueId}-${link.recipient_role}` };
    await this.rpc.request(RpcSubjects.notification.emailSend, request, { token: await this.self.token() });
  }

  private async closeWindow(manager: EntityManager, complaint: ComplaintRow): Promise<void> {
    const now = new Date();
    await this.complaints.retireReplyLinks(manager, complaint.id, now);
    await this.complaints.setStatus(manager, complaint.id, 'AWAITING_RULING', now);
    await appendToOutbox<PressComplaintEvent>(manager, [
      {
        subject: EventSubjects.press.replyWindowClosed,
        aggregateId: aggregateOf(complaint),
        visibleTo: complaint.visible_agencies,
        data: complaintEvent({ ...complaint, status: 'AWAITING_RULING' }),
        actor: null,
      },
    ]);
    await appendAudit(manager, {
      actor: null,
      action: 'press.reply.window-closed',
      targetType: 'press_complaint',
      targetId: complaint.id,
      summary: { replied: false },
    });
  }

  private base(): string {
    if (this.links.publicUrl) return this.links.publicUrl.replace(/\/$/, '');
    const address = this.http.httpAdapter?.getHttpServer()?.address() as { port: number } | null;
    return `http://127.0.0.1:${address?.port ?? 3106}`;
  }
}
