import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ReplyAttachmentMediaType } from '@phoi-hop/contracts';
import { queryRows } from '@phoi-hop/persistence';

/** A reply's file without its bytes. */
export interface AttachmentRow {
  id: string;
  complaint_id: string;
  reply_id: string | null;
  display_name: string;
  media_type: ReplyAttachmentMediaType;
  size_bytes: number;
  sha256: string;
  uploaded_by: string | null;
  uploaded_by_agency: string | null;
  created_at: Date;
  purged_at: Date | null;
}

export interface NewAttachment {
  id: string;
  complaintId: string;
  replyId: string | null;
  position: number;
  name: string;
  mediaType: ReplyAttachmentMediaType;
  sizeBytes: number;
  sha256: string;
  bytes: Buffer;
  uploadTicket: string | null;
  uploadedBy: string | null;
  uploadedByAgency: string | null;
  at: Date;
}

const COLUMNS = `id, complaint_id, reply_id, display_name, media_type, size_bytes, sha256, uploaded_by, uploaded_by_agency, created_at, purged_at`;

/** All the SQL of the replies' files: kept with a reply, uploaded ahead of one, read back, purged. */
@Injectable()
export class AttachmentRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Keeps a file; false when its upload ticket was used already (a second PUT of the same address). */
  async insert(manager: EntityManager, a: NewAttachment): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO press_reply_attachment (id, complaint_id, reply_id, position, display_name, media_type, size_bytes, sha256, bytes, upload_ticket,
         uploaded_by, uploaded_by_agency, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (upload_ticket) DO NOTHING RETURNING id`,
      [a.id, a.complaintId, a.replyId, a.position, a.name, a.mediaType, a.sizeBytes, a.sha256, a.bytes, a.uploadTicket, a.uploadedBy, a.uploadedByAgency, a.at],
    );
    return rows.length === 1;
  }

  /** The files of these replies, in the order they were attached. */
  async ofReplies(manager: EntityManager | null, replyIds: string[]): Promise<AttachmentRow[]> {
    if (replyIds.length === 0) return [];
    return queryRows<AttachmentRow>(
      manager ?? this.dataSource.manager,
      `SELECT ${COLUMNS} FROM press_reply_attachment WHERE reply_id = ANY($1::uuid[]) ORDER BY reply_id, position, id`,
      [replyIds],
    );
  }

  async get(manager: EntityManager | null, id: string): Promise<AttachmentRow | null> {
    const [row] = await queryRows<AttachmentRow>(manager ?? this.dataSource.manager, `SELECT ${COLUMNS} FROM press_reply_attachment WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** The bytes of a file kept with a reply, if they are still there and still hash to `sha256`. */
  async bytes(manager: EntityManager | null, id: string, sha256: string): Promise<Buffer | null> {
    const [row] = await queryRows<{ bytes: Buffer }>(
      manager ?? this.dataSource.manager,
      `SELECT bytes FROM press_reply_attachment WHERE id = $1 AND sha256 = $2 AND reply_id IS NOT NULL AND bytes IS NOT NULL`,
      [id, sha256],
    );
    return row?.bytes ?? null;
  }

  /**
   * Locks the outlet's uploads named for a reply: those of this complaint, uploaded by this agency,
   * not yet attached. The caller compares the count with what it asked for.
   */
  async claimUploads(manager: EntityManager, complaintId: string, agencyCode: string, ids: string[]): Promise<AttachmentRow[]> {
    if (ids.length === 0) return [];
    return queryRows<AttachmentRow>(
      manager,
      `SELECT ${COLUMNS} FROM press_reply_attachment
        WHERE id = ANY($1::uuid[]) AND complaint_id = $2 AND uploaded_by_agency = $3 AND reply_id IS NULL AND purged_at IS NULL FOR UPDATE`,
      [ids, complaintId, agencyCode],
    );
  }

  /** Attaches claimed uploads to their reply, in the order given. */
  async attach(manager: EntityManager, replyId: string, ids: string[]): Promise<void> {
    await manager.query(
      `UPDATE press_reply_attachment a SET reply_id = $1, position = o.position - 1
         FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, position) WHERE a.id = o.id`,
      [replyId, ids],
    );
  }

  /** Retention: deletes the bytes of a complaint's files, keeping what they were; answers how many. */
  async purgeBytes(manager: EntityManager, complaintId: string, at: Date): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `UPDATE press_reply_attachment SET bytes = NULL, purged_at = $2 WHERE complaint_id = $1 AND purged_at IS NULL RETURNING id`,
      [complaintId, at],
    );
    return rows.length;
  }

  /** Uploads no reply took within the grace period are not part of any record: deleted. */
  async deleteUnattachedBefore(manager: EntityManager, before: Date): Promise<number> {
    const rows = await queryRows<{ id: string }>(manager, `DELETE FROM press_reply_attachment WHERE reply_id IS NULL AND created_at < $1 RETURNING id`, [
      before,
    ]);
    return rows.length;
  }
}
