import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EvidenceKind, ImageHashSource } from '@phoi-hop/contracts';
import { queryRows } from '@phoi-hop/persistence';

export interface SimilarRow {
  item_id: string;
  sha256: string;
  source: ImageHashSource;
  similar_item_id: string;
  similar_case_id: string;
  similar_case_number: string;
  similar_kind: EvidenceKind;
  similar_sha256: string;
  similar_source: ImageHashSource;
  similar_captured_at: Date;
  similar_visible_agencies: string[];
  distance: number;
}

/** Perceptual hashes of the pictures items hold, and the pictures of other cases near them. */
@Injectable()
export class SimilarityRepository {
  /**
   * Pictures of items in other cases whose hashes differ from those of `itemIds` in at most
   * `maxDistance` bits, nearest first (purged items hold none). A scan of the hash table: bit_count
   * of an XOR is cheap, and the table has one small row per picture.
   */
  async similarTo(manager: EntityManager, itemIds: string[], maxDistance: number, limit = 200): Promise<SimilarRow[]> {
    if (!itemIds.length) return [];
    return queryRows<SimilarRow>(
      manager,
      `SELECT h.item_id, h.sha256, h.source, o.item_id AS similar_item_id, oi.case_id AS similar_case_id, oi.case_number AS similar_case_number,
              oi.kind AS similar_kind, o.sha256 AS similar_sha256, o.source AS similar_source, oi.captured_at AS similar_captured_at,
              oi.visible_agencies AS similar_visible_agencies, bit_count(h.phash # o.phash)::int AS distance
         FROM image_hash h
         JOIN evidence_item i ON i.id = h.item_id
         JOIN image_hash o ON o.item_id <> h.item_id AND bit_count(h.phash # o.phash) <= $2
         JOIN evidence_item oi ON oi.id = o.item_id AND oi.case_id <> i.case_id AND oi.purged_at IS NULL
        WHERE h.item_id = ANY($1::uuid[])
        ORDER BY distance, oi.captured_at, o.item_id, h.item_id
        LIMIT $3`,
      [itemIds, maxDistance, limit],
    );
  }

  /** The case's items that are not purged. */
  async itemIdsOfCase(manager: EntityManager, caseId: string): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(manager, `SELECT id FROM evidence_item WHERE case_id = $1 AND purged_at IS NULL ORDER BY captured_at, id`, [
      caseId,
    ]);
    return rows.map((r) => r.id);
  }
}
