import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  EventSubjects,
  PRESS_RULE_SET_LABELS,
  type Actor,
  type ComplaintDto,
  type PressComplaintEvent,
  type ReplyRecipientRole,
  type SubmitReplyRequest,
} from '@phoi-hop/contracts';
import { OutboxRelay, appendToOutbox } from '@phoi-hop/messaging';
import { appendAudit } from '@phoi-hop/persistence';
import { ComplaintRepository, type ComplaintRow } from '../complaint/complaint.repository';
import { ComplaintService, aggregateOf, complaintEvent } from '../complaint/complaint.service';
import { PressError } from '../complaint/press.errors';
import { ATTACHMENT_SETTINGS, type AttachmentSettings } from '../attachment/attachment.settings';
import { AttachmentRepository } from '../attachment/attachment.repository';
import type { AcceptedFile } from '../attachment/attachment-sniff';
import { limitBroken, refusalMessageEn, refusalMessageVi, refusalStatus } from '../attachment/attachment.rules';
import { verifyReplyLink } from './reply-link';
import type { ReplyFormView } from './reply-page';
import { REPLY_LINK_SETTINGS, type ReplyLinkSettings } from './reply-link.settings';

/** What a reply through the link came to: kept, refused for its text or its files (nothing consumed; `status` says why), or the link unusable. */
export type LinkReplyOutcome =
  | { outcome: 'DONE'; files: Array<{ name: string; sizeBytes: number }> }
  | { outcome: 'UNUSABLE' }
  | { outcome: 'INVALID'; status: 400 | 413 | 415; problem: string; view: ReplyFormView };

/** A file kept with a reply, as the audit records it (never the bytes). */
interface KeptFile {
  id: string;
  name: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

/** What a reply link leads to: its form, or nothing (for every reason alike). */
export type ReplyLinkView = { usable: true; view: ReplyFormView } | { usable: false };

const MIN_REPLY = 10;
const MAX_REPLY = 20_000;

/**
 * Đ6.3 right of reply: through the one-time link (no account) or through GraphQL by a user of the
 * outlet's agency. The first reply closes the window: every link stops working, the reminder and
 * the window's end are cancelled, and the board may rule.
 */
@Injectable()
export class ReplyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly complaints: ComplaintRepository,
    private readonly complaintService: ComplaintService,
    private readonly attachments: AttachmentRepository,
    private readonly relay: OutboxRelay,
    @Inject(REPLY_LINK_SETTINGS) private readonly settings: ReplyLinkSettings,
    @Inject(ATTACHMENT_SETTINGS) private readonly limits: AttachmentSettings,
  ) {}

  /** The form a link opens, if the link is signed, unexpired, unused and its complaint still awaits the reply. */
  async openLink(token: string): Promise<ReplyLinkView> {
    const now = new Date();
    const claims = verifyReplyLink(this.settings.secret, token, now);
    if (!claims) return { usable: false };
    const link = await this.complaints.replyLink(null, claims.linkId);
    if (!link || link.used_at || link.expires_at.getTime() <= now.getTime()) return { usable: false };
    const complaint = await this.complaints.complaint(null, link.complaint_id);
    if (!complaint || complaint.status !== 'AWAITING_REPLY') return { usable: false };
    return { usable: true, view: formView(complaint, this.limits) };
  }

  /**
   * A reply through the link, with the files the form carried (already sniffed and within the
   * limits; checked again here). The text, every file and the nonce's consumption are kept in one
   * transaction; a refusal keeps nothing and leaves the link usable.
   */
  async replyThroughLink(token: string, text: unknown, files: AcceptedFile[] = []): Promise<LinkReplyOutcome> {
    const opened = await this.openLink(token);
    if (!opened.usable) return { outcome: 'UNUSABLE' };
    const reply = typeof text === 'string' ? text.trim() : '';
    if (reply.length < MIN_REPLY || reply.length > MAX_REPLY)
      return { outcome: 'INVALID', status: 400, problem: `Nội dung phản hồi cần từ ${MIN_REPLY} đến ${MAX_REPLY} ký tự.`, view: opened.view };
    const broken = limitBroken(this.limits, files);
    if (broken) return { outcome: 'INVALID', status: refusalStatus(broken), problem: refusalMessageVi(broken), view: opened.view };
    const now = new Date();
    const claims = verifyReplyLink(this.settings.secret, token, now)!;
    const done = await this.dataSource.transaction(async (manager) => {
      const link = await this.complaints.replyLink(manager, claims.linkId, true);
      if (!link) return false;
      const complaint = (await this.complaints.complaint(manager, link.complaint_id, true))!;
      if (complaint.status !== 'AWAITING_REPLY') return false;
      // The nonce is consumed in the transaction that keeps the reply: a second use finds it used.
      if (!(await this.complaints.consumeReplyLink(manager, link.id, now))) return false;
      const replyId = randomUUID();
      const kept = files.map((f) => ({ id: randomUUID(), name: f.name, mediaType: f.mediaType, sizeBytes: f.sizeBytes, sha256: f.sha256 }));
      await this.keep(manager, complaint, {
        id: replyId,
        channel: 'LINK',
        role: link.recipient_role,
        text: reply,
        attachmentUrls: [],
        files: kept,
        by: null,
        now,
      });
      for (const [position, f] of files.entries()) {
        await this.attachments.insert(manager, {
          id: kept[position]!.id,
          complaintId: complaint.id,
          replyId,
          position,
          name: f.name,
          mediaType: f.mediaType,
          sizeBytes: f.sizeBytes,
          sha256: f.sha256,
          bytes: f.bytes,
          uploadTicket: null,
          uploadedBy: null,
          uploadedByAgency: null,
          at: now,
        });
      }
      return true;
    });
    if (!done) return { outcome: 'UNUSABLE' };
    this.relay.kick();
    return { outcome: 'DONE', files: files.map((f) => ({ name: f.name, sizeBytes: f.sizeBytes })) };
  }

  /** The outlet's reply through GraphQL, by a user of the outlet's agency. */
  async replyAsOutlet(actor: Actor, request: SubmitReplyRequest): Promise<ComplaintDto> {
    const visible = await this.complaintService.visible(actor, request.complaintId);
    if (!visible.outlet_agency_code || actor.agencyCode !== visible.outlet_agency_code)
      throw PressError.forbidden('Only a user of the outlet replies to its complaint');
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      const complaint = (await this.complaints.complaint(manager, request.complaintId, true))!;
      if (complaint.status !== 'AWAITING_REPLY') throw PressError.invalidState(`A complaint that is ${complaint.status} takes no reply`);
      if (complaint.reply_due_at && now.getTime() > complaint.reply_due_at.getTime()) throw PressError.invalidState('The reply window has closed');
      const ids = request.attachmentIds ?? [];
      const uploads = await this.attachments.claimUploads(manager, complaint.id, actor.agencyCode, ids);
      if (uploads.length !== ids.length)
        throw PressError.badInput('attachmentIds', 'Each attachment must be a file uploaded by the outlet for this complaint and not attached yet');
      const ordered = ids.map((id) => uploads.find((u) => u.id === id)!);
      const broken = limitBroken(
        this.limits,
        ordered.map((u) => ({ name: u.display_name, sizeBytes: u.size_bytes })),
      );
      if (broken) throw PressError.badInput('attachmentIds', refusalMessageEn(broken));
      const replyId = randomUUID();
      await this.complaints.retireReplyLinks(manager, complaint.id, now);
      await this.keep(manager, complaint, {
        id: replyId,
        channel: 'AGENCY_USER',
        role: null,
        text: request.text.trim(),
        attachmentUrls: request.attachmentUrls ?? [],
        files: ordered.map((u) => ({ id: u.id, name: u.display_name, mediaType: u.media_type, sizeBytes: u.size_bytes, sha256: u.sha256 })),
        by: actor,
        now,
      });
      await this.attachments.attach(manager, replyId, ids);
    });
    this.relay.kick();
    return this.complaintService.get(actor, request.complaintId);
  }

  private async keep(
    manager: EntityManager,
    complaint: ComplaintRow,
    r: {
      id: string;
      channel: 'LINK' | 'AGENCY_USER';
      role: ReplyRecipientRole | null;
      text: string;
      attachmentUrls: string[];
      files: KeptFile[];
      by: Actor | null;
      now: Date;
    },
  ): Promise<void> {
    const id = r.id;
    await this.complaints.insertReply(manager, {
      id,
      complaint_id: complaint.id,
      channel: r.channel,
      recipient_role: r.role,
      text: r.text,
      attachment_urls: r.attachmentUrls,
      submitted_by: r.by?.userId ?? null,
      submitted_by_agency: r.by?.agencyCode ?? null,
      submitted_at: r.now,
    });
    await this.complaints.retireReplyLinks(manager, complaint.id, r.now);
    await this.complaints.cancelReplyDeadlines(manager, complaint.id, r.now);
    await this.complaints.setStatus(manager, complaint.id, 'AWAITING_RULING', r.now);
    const after = { ...complaint, status: 'AWAITING_RULING' as const };
    await appendToOutbox<PressComplaintEvent>(manager, [
      {
        subject: EventSubjects.press.replyReceived,
        aggregateId: aggregateOf(complaint),
        visibleTo: complaint.visible_agencies,
        data: complaintEvent(after),
        actor: r.by,
      },
    ]);
    await appendAudit(manager, {
      actor: r.by,
      action: 'press.reply.received',
      targetType: 'press_complaint',
      targetId: complaint.id,
      // The files as the board will see them (names, sizes, SHA-256), never their bytes.
      summary: {
        replyId: id,
        channel: r.channel,
        recipientRole: r.role,
        attachments: r.attachmentUrls.length + r.files.length,
        files: r.files.map((f) => ({ id: f.id, name: f.name, mediaType: f.mediaType, sizeBytes: f.sizeBytes, sha256: f.sha256 })),
      },
    });
  }
}

function formView(c: ComplaintRow, limits: AttachmentSettings): ReplyFormView {
  return {
    outletName: c.outlet_name ?? '',
    articleUrl: c.article_url ?? '',
    publicationDate: c.publication_date ?? '',
    byline: c.byline ?? '',
    account: c.account ?? '',
    ruleTitles: c.cited_rules.map((r) => `${PRESS_RULE_SET_LABELS[r.ruleSet].vi}, ${r.article}: ${r.title}`),
    replyDueAt: c.reply_due_at ? c.reply_due_at.toISOString() : '',
    attachmentLimits: { maxFiles: limits.maxFiles, maxFileBytes: limits.maxFileBytes, maxTotalBytes: limits.maxTotalBytes },
  };
}
