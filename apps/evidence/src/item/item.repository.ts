import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  EvidenceItemDto,
  EvidenceKind,
  EvidencePartDto,
  EvidencePartRole,
  ImageHashSource,
  IntegrityStatus,
  ScreenshotStatus,
  TimestampStatus,
} from '@phoi-hop/contracts';
import { queryRows } from '@phoi-hop/persistence';

export interface ItemRow {
  id: string;
  case_id: string;
  case_number: string;
  kind: EvidenceKind;
  sha256: string;
  size_bytes: string;
  mime_type: string;
  captured_by: string;
  captured_by_agency: string;
  captured_at: Date;
  tool_name: string;
  tool_version: string;
  source_url: string | null;
  file_name: string | null;
  name_mismatch: boolean;
  screenshot_status: ScreenshotStatus | null;
  screenshot_note: string | null;
  note: string | null;
  visible_agencies: string[];
  legal_hold_reason: string | null;
  legal_hold_at: Date | null;
  legal_hold_by: string | null;
  integrity_status: IntegrityStatus;
  last_verified_at: Date | null;
  purged_at: Date | null;
  /** Of evidence_timestamp; null when the item has no timestamp row. */
  timestamp_status: TimestampStatus | null;
  timestamp_gen_time: Date | null;
  timestamp_tsa_name: string | null;
  timestamp_serial_number: string | null;
  timestamp_attempts: number | null;
  timestamp_last_error: string | null;
}

/** An item with its timestamp's columns (no token: those are read only for packages). */
const ITEM_SELECT = `SELECT i.*, t.status AS timestamp_status, t.gen_time AS timestamp_gen_time, t.tsa_name AS timestamp_tsa_name,
                            t.serial_number AS timestamp_serial_number, t.attempts AS timestamp_attempts, t.last_error AS timestamp_last_error
                       FROM evidence_item i LEFT JOIN evidence_timestamp t ON t.id = i.id`;

export interface PartRow {
  item_id: string;
  role: EvidencePartRole;
  sha256: string;
  size_bytes: string;
  mime_type: string;
}

export interface LoadedItem {
  row: ItemRow;
  parts: PartRow[];
}

/** A new item and its parts, as a capture, upload or excerpt produced them. */
export interface NewItem {
  id: string;
  caseId: string;
  caseNumber: string;
  kind: EvidenceKind;
  primary: { sha256: string; sizeBytes: number; mimeType: string };
  capturedBy: string;
  capturedByAgency: string;
  capturedAt: Date;
  toolName: string;
  toolVersion: string;
  sourceUrl: string | null;
  fileName: string | null;
  nameMismatch: boolean;
  screenshot: { status: ScreenshotStatus; note: string | null } | null;
  note: string | null;
  visibleAgencies: string[];
  parts: { role: EvidencePartRole; sha256: string; sizeBytes: number; mimeType: string }[];
  /** Perceptual hashes of the pictures the item holds (64 '0'/'1'), each by the SHA-256 of the hashed bytes. */
  imageHashes?: { sha256: string; source: ImageHashSource; phash: string }[];
  /** Indicators the item's text shows, derived when it is recorded. */
  indicators?: { kind: string; value: string; normalized: string }[];
}

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

/** The item as a viewer sees it; content fields are blanked unless `withContent`. */
export function toItemDto({ row, parts }: LoadedItem, withContent: boolean): EvidenceItemDto {
  return {
    id: row.id,
    caseId: row.case_id,
    caseNumber: row.case_number,
    kind: row.kind,
    sha256: row.sha256,
    sizeBytes: Number(row.size_bytes),
    mimeType: row.mime_type,
    capturedBy: row.captured_by,
    capturedByAgency: row.captured_by_agency,
    capturedAt: row.captured_at.toISOString(),
    toolName: row.tool_name,
    toolVersion: row.tool_version,
    sourceUrl: withContent ? row.source_url : null,
    fileName: withContent ? row.file_name : null,
    nameMismatch: row.name_mismatch,
    screenshotStatus: row.screenshot_status,
    screenshotNote: row.screenshot_note,
    note: withContent ? row.note : null,
    parts: parts.map((p): EvidencePartDto => ({ role: p.role, sha256: p.sha256, sizeBytes: Number(p.size_bytes), mimeType: p.mime_type })),
    legalHold:
      row.legal_hold_reason && row.legal_hold_at
        ? { reason: row.legal_hold_reason, placedAt: row.legal_hold_at.toISOString(), placedBy: row.legal_hold_by ?? '' }
        : null,
    integrityStatus: row.integrity_status,
    lastVerifiedAt: iso(row.last_verified_at),
    timestamp: row.timestamp_status
      ? {
          status: row.timestamp_status,
          timestampedAt: iso(row.timestamp_gen_time),
          tsaName: row.timestamp_tsa_name,
          serialNumber: row.timestamp_serial_number,
          attempts: row.timestamp_attempts ?? 0,
          lastError: row.timestamp_last_error,
        }
      : null,
    contentWithheld: !withContent,
    purgedAt: iso(row.purged_at),
  };
}

/** Evidence items and their content-addressed parts. */
@Injectable()
export class ItemRepository {
  async insert(manager: EntityManager, item: NewItem): Promise<void> {
    await manager.query(
      `INSERT INTO evidence_item (id, case_id, case_number, kind, sha256, size_bytes, mime_type, captured_by, captured_by_agency, captured_at, tool_name, tool_version,
                                  source_url, file_name, name_mismatch, screenshot_status, screenshot_note, note, visible_agencies)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
      [
        item.id,
        item.caseId,
        item.caseNumber,
        item.kind,
        item.primary.sha256,
        item.primary.sizeBytes,
        item.primary.mimeType,
        item.capturedBy,
        item.capturedByAgency,
        item.capturedAt,
        item.toolName,
        item.toolVersion,
        item.sourceUrl,
        item.fileName,
        item.nameMismatch,
        item.screenshot?.status ?? null,
        item.screenshot?.note ?? null,
        item.note,
        item.visibleAgencies,
      ],
    );
    for (const part of item.parts) {
      await manager.query(`INSERT INTO evidence_part (item_id, role, sha256, size_bytes, mime_type) VALUES ($1, $2, $3, $4, $5)`, [
        item.id,
        part.role,
        part.sha256,
        part.sizeBytes,
        part.mimeType,
      ]);
    }
    const hashes = item.imageHashes ?? [];
    if (hashes.length) {
      await manager.query(
        `INSERT INTO image_hash (item_id, sha256, source, phash)
         SELECT $1, h.sha256, h.source, h.phash::bit(64) FROM unnest($2::text[], $3::text[], $4::text[]) AS h (sha256, source, phash)
         ON CONFLICT (item_id, sha256) DO NOTHING`,
        [item.id, hashes.map((h) => h.sha256), hashes.map((h) => h.source), hashes.map((h) => h.phash)],
      );
    }
    const found = item.indicators ?? [];
    if (found.length) {
      await manager.query(
        `INSERT INTO content_indicator (id, kind, value_shown, normalized_value, case_id, item_id, origin, added_by, added_by_agency, added_at)
         SELECT gen_random_uuid(), f.kind, f.value, f.normalized, $1, $2, 'DERIVED', $3, $4, $5 FROM unnest($6::text[], $7::text[], $8::text[]) AS f (kind, value, normalized)
         ON CONFLICT (item_id, kind, normalized_value) DO NOTHING`,
        [
          item.caseId,
          item.id,
          item.capturedBy,
          item.capturedByAgency,
          item.capturedAt,
          found.map((f) => f.kind),
          found.map((f) => f.value),
          found.map((f) => f.normalized),
        ],
      );
    }
  }

  async load(manager: EntityManager, id: string, forUpdate = false): Promise<LoadedItem | null> {
    const [row] = await queryRows<ItemRow>(manager, `${ITEM_SELECT} WHERE i.id = $1${forUpdate ? ' FOR UPDATE OF i' : ''}`, [id]);
    if (!row) return null;
    const parts = await queryRows<PartRow>(manager, `SELECT * FROM evidence_part WHERE item_id = $1 ORDER BY role`, [id]);
    return { row, parts };
  }

  async listForCase(manager: EntityManager, caseId: string): Promise<LoadedItem[]> {
    const rows = await queryRows<ItemRow>(manager, `${ITEM_SELECT} WHERE i.case_id = $1 ORDER BY i.captured_at, i.id`, [caseId]);
    if (!rows.length) return [];
    const parts = await queryRows<PartRow>(manager, `SELECT * FROM evidence_part WHERE item_id = ANY($1::uuid[]) ORDER BY role`, [rows.map((r) => r.id)]);
    return rows.map((row) => ({ row, parts: parts.filter((p) => p.item_id === row.id) }));
  }

  /** The RFC 3161 tokens (DER) of the items that have one, for their package. */
  async timestampTokens(manager: EntityManager, itemIds: string[]): Promise<{ id: string; token: Buffer }[]> {
    if (!itemIds.length) return [];
    return queryRows<{ id: string; token: Buffer }>(
      manager,
      `SELECT id, token FROM evidence_timestamp WHERE id = ANY($1::uuid[]) AND token IS NOT NULL ORDER BY id`,
      [itemIds],
    );
  }

  async setHold(manager: EntityManager, id: string, hold: { reason: string; at: Date; by: string } | null): Promise<void> {
    await manager.query(`UPDATE evidence_item SET legal_hold_reason = $2, legal_hold_at = $3, legal_hold_by = $4 WHERE id = $1`, [
      id,
      hold?.reason ?? null,
      hold?.at ?? null,
      hold?.by ?? null,
    ]);
  }
}
