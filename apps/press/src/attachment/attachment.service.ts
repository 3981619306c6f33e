import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  ReplyAttachmentMediaTypes,
  type Actor,
  type ReplyAttachmentDownloadDto,
  type ReplyAttachmentDownloadRequest,
  type ReplyAttachmentDto,
  type ReplyAttachmentMediaType,
  type ReplyUploadTicketDto,
  type RequestReplyUploadRequest,
} from '@phoi-hop/contracts';
import { appendAudit } from '@phoi-hop/persistence';
import { maySeeCase } from '@phoi-hop/auth';
import { ComplaintRepository, type ComplaintRow } from '../complaint/complaint.repository';
import { PressError } from '../complaint/press.errors';
import { AttachmentLinks, DOWNLOAD_TTL_SECONDS, type UploadClaims } from './attachment-links';
import { ATTACHMENT_SETTINGS, type AttachmentSettings } from './attachment.settings';
import { AttachmentRepository } from './attachment.repository';
import { displayNameOf, refusalMessageEn, refusalStatus, type AttachmentRefusal } from './attachment.rules';
import { inspectFile } from './attachment-sniff';

/** Why an upload was not kept, as the HTTP answer says it. */
export class UploadRefusedError extends Error {
  constructor(
    readonly status: 400 | 404 | 410 | 413 | 415,
    readonly code: 'BAD_USER_INPUT' | 'NOT_FOUND' | 'INVALID_STATE',
    message: string,
  ) {
    super(message);
  }

  static of(refusal: AttachmentRefusal): UploadRefusedError {
    return new UploadRefusedError(refusalStatus(refusal), 'BAD_USER_INPUT', refusalMessageEn(refusal));
  }
}

/** A file as a download sends it. */
export interface AttachmentDownload {
  bytes: Buffer;
  name: string;
  mediaType: ReplyAttachmentMediaType;
  sha256: string;
}

/**
 * The files of the outlet's reply through GraphQL, and the downloads of every reply's files. As
 * in the evidence service: an upload address is asked for through the API, the bytes are PUT once
 * to this service's HTTP port (sniffed, measured and hashed; kept only if allowed), and the reply
 * names the uploads. A download address is handed to whoever may read the complaint's replies and
 * is good for a few minutes; each download is audited before a byte leaves.
 */
@Injectable()
export class AttachmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly attachments: AttachmentRepository,
    private readonly complaints: ComplaintRepository,
    private readonly links: AttachmentLinks,
    @Inject(ATTACHMENT_SETTINGS) private readonly settings: AttachmentSettings,
  ) {}

  /** An address to PUT one file of the outlet's coming reply to, for a user of the outlet while the reply is awaited. */
  async requestUpload(actor: Actor, request: RequestReplyUploadRequest): Promise<ReplyUploadTicketDto> {
    const complaint = await this.visible(actor, request.complaintId, 'complaintId');
    if (!complaint.outlet_agency_code || actor.agencyCode !== complaint.outlet_agency_code)
      throw PressError.forbidden('Only a user of the outlet attaches files to its reply');
    if (complaint.status !== 'AWAITING_REPLY') throw PressError.invalidState(`A complaint that is ${complaint.status} takes no reply`);
    if (complaint.reply_due_at && Date.now() > complaint.reply_due_at.getTime()) throw PressError.invalidState('The reply window has closed');
    const expiresAt = new Date(Date.now() + this.settings.uploadTtlSeconds * 1000);
    const uploadUrl = await this.links.uploadUrl(
      { ticketId: randomUUID(), complaintId: complaint.id, fileName: displayNameOf(request.fileName), userId: actor.userId, agencyCode: actor.agencyCode },
      expiresAt,
    );
    return {
      uploadUrl,
      expiresAt: expiresAt.toISOString(),
      maxFileBytes: this.settings.maxFileBytes,
      maxFiles: this.settings.maxFiles,
      maxTotalBytes: this.settings.maxTotalBytes,
      allowedMediaTypes: [...ReplyAttachmentMediaTypes],
    };
  }

  /**
   * Receives the bytes PUT to an upload address: at most PRESS_ATTACHMENT_MAX_FILE_BYTES are read
   * (more is refused with 413, a type off the allow-list with 415), and the file waits for its
   * reply. A refused upload keeps nothing and leaves the address usable; a kept one uses it up.
   */
  async receiveUpload(token: string, body: Readable): Promise<ReplyAttachmentDto> {
    const claims = await this.links.verify<UploadClaims>(token, 'upload');
    if (!claims) throw new UploadRefusedError(404, 'NOT_FOUND', 'No such upload address, or it has expired');
    const bytes = await readAtMost(body, this.settings.maxFileBytes);
    if (bytes === 'TOO_LARGE') throw UploadRefusedError.of({ kind: 'FILE_TOO_LARGE', name: claims.fileName, limit: this.settings.maxFileBytes });
    if (bytes === 'TRUNCATED') throw UploadRefusedError.of({ kind: 'TRUNCATED' });
    const verdict = await inspectFile(claims.fileName, bytes);
    if (!verdict.accepted) throw UploadRefusedError.of(verdict.refusal);
    const { file } = verdict;
    const id = randomUUID();
    const at = new Date();
    await this.dataSource.transaction(async (manager) => {
      const complaint = await this.complaints.complaint(manager, claims.complaintId, true);
      if (complaint?.status !== 'AWAITING_REPLY') throw new UploadRefusedError(410, 'INVALID_STATE', 'The complaint no longer takes a reply');
      const kept = await this.attachments.insert(manager, {
        id,
        complaintId: claims.complaintId,
        replyId: null,
        position: 0,
        name: file.name,
        mediaType: file.mediaType,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
        bytes: file.bytes,
        uploadTicket: claims.ticketId,
        uploadedBy: claims.userId,
        uploadedByAgency: claims.agencyCode,
        at,
      });
      if (!kept) throw new UploadRefusedError(410, 'INVALID_STATE', 'This upload address was used already');
    });
    return { id, name: file.name, mediaType: file.mediaType, sizeBytes: file.sizeBytes, sha256: file.sha256, purgedAt: null };
  }

  /** A short-lived download address of a reply's file, for whoever may read the complaint (its replies). */
  async downloadLink(actor: Actor, request: ReplyAttachmentDownloadRequest): Promise<ReplyAttachmentDownloadDto> {
    const attachment = await this.attachments.get(null, request.attachmentId);
    if (!attachment || !attachment.reply_id) throw PressError.notFound('attachmentId');
    await this.visible(actor, attachment.complaint_id, 'attachmentId');
    if (attachment.purged_at)
      throw PressError.invalidState('The file’s bytes were deleted by the retention purge; its name, size and hash remain', 'attachmentId');
    const expiresAt = new Date(Date.now() + DOWNLOAD_TTL_SECONDS * 1000);
    const url = await this.links.downloadUrl(
      { attachmentId: attachment.id, sha256: attachment.sha256, userId: actor.userId, agencyCode: actor.agencyCode },
      expiresAt,
    );
    return { attachmentId: attachment.id, url, expiresAt: expiresAt.toISOString(), sha256: attachment.sha256 };
  }

  /** The file a download address names, audited as downloaded by the reader it was handed to; null for any refused address. */
  async openForDownload(token: string): Promise<AttachmentDownload | null> {
    const claims = await this.links.verify<{ kind: 'download'; attachmentId: string; sha256: string; userId: string; agencyCode: string }>(token, 'download');
    if (!claims) return null;
    return this.dataSource.transaction(async (manager) => {
      const row = await this.attachments.get(manager, claims.attachmentId);
      const bytes = row ? await this.attachments.bytes(manager, row.id, claims.sha256) : null;
      if (!row || !bytes) return null;
      await appendAudit(manager, {
        actor: { userId: claims.userId, agencyCode: claims.agencyCode },
        action: 'press.reply-attachment.downloaded',
        targetType: 'press_complaint',
        targetId: row.complaint_id,
        summary: { attachmentId: row.id, replyId: row.reply_id, name: row.display_name, sha256: row.sha256, sizeBytes: row.size_bytes },
      });
      return { bytes, name: row.display_name, mediaType: row.media_type, sha256: row.sha256 };
    });
  }

  /** The complaint when the actor may see it (and so read its replies); NOT_FOUND on `field` otherwise. */
  private async visible(actor: Actor, complaintId: string, field: string): Promise<ComplaintRow> {
    const complaint = await this.complaints.complaint(null, complaintId);
    if (!complaint || !maySeeCase(actor, complaint.visible_agencies)) throw PressError.notFound(field);
    return complaint;
  }
}

/**
 * The whole body if it is at most `limit` bytes. Past the limit nothing more is kept; the rest is
 * read and dropped so that the client, still sending, gets the answer (up to a few times the limit,
 * after which the answer goes at once and the connection closes).
 */
function readAtMost(body: Readable, limit: number): Promise<Buffer | 'TOO_LARGE' | 'TRUNCATED'> {
  return new Promise((resolve) => {
    let chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: Buffer | 'TOO_LARGE' | 'TRUNCATED') => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else chunks = [];
      if (size > 4 * limit + 1024 * 1024) settle('TOO_LARGE');
    });
    body.on('end', () => settle(size > limit ? 'TOO_LARGE' : Buffer.concat(chunks)));
    body.on('error', () => settle('TRUNCATED'));
    body.on('close', () => settle(size > limit ? 'TOO_LARGE' : 'TRUNCATED'));
  });
}
