import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, SimilarEvidenceDto } from '@phoi-hop/contracts';
import { maySeeCase } from '@phoi-hop/auth';
import { CaseAccess } from '../item/case-access';
import { EvidenceError } from '../item/evidence.errors';
import { ItemRepository } from '../item/item.repository';
import { SimilarityRepository, type SimilarRow } from './similarity.repository';

export const SIMILARITY_SETTINGS = Symbol('SIMILARITY_SETTINGS');

export interface SimilaritySettings {
  /** Largest Hamming distance (bits of 64) between hashes shown as the same picture (EVIDENCE_PHASH_MAX_DISTANCE). */
  maxDistance: number;
}

/**
 * The same picture reported on different pages: the pictures of an item (or of every item of a
 * case) matched by perceptual hash against those of other cases, listing only the cases the viewer
 * may see. Purged items are never matched: their hashes went with their content.
 */
@Injectable()
export class SimilarityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseAccess,
    private readonly items: ItemRepository,
    private readonly similarity: SimilarityRepository,
    @Inject(SIMILARITY_SETTINGS) private readonly settings: SimilaritySettings,
  ) {}

  async forItem(actor: Actor, itemId: string): Promise<SimilarEvidenceDto[]> {
    const item = await this.items.load(this.dataSource.manager, itemId);
    if (!item) throw EvidenceError.notFound();
    await this.cases.visibleCase(item.row.case_id, 'itemId').catch((error: unknown) => {
      throw error instanceof EvidenceError && error.code === 'NOT_FOUND' ? EvidenceError.notFound() : error;
    });
    return this.visible(actor, await this.similarity.similarTo(this.dataSource.manager, [itemId], this.settings.maxDistance));
  }

  async forCase(actor: Actor, caseId: string): Promise<SimilarEvidenceDto[]> {
    await this.cases.visibleCase(caseId);
    const itemIds = await this.similarity.itemIdsOfCase(this.dataSource.manager, caseId);
    return this.visible(actor, await this.similarity.similarTo(this.dataSource.manager, itemIds, this.settings.maxDistance));
  }

  private visible(actor: Actor, rows: SimilarRow[]): SimilarEvidenceDto[] {
    return rows
      .filter((row) => maySeeCase(actor, row.similar_visible_agencies))
      .map((row) => ({
        itemId: row.item_id,
        sha256: row.sha256,
        source: row.source,
        similarItemId: row.similar_item_id,
        similarCaseId: row.similar_case_id,
        similarCaseNumber: row.similar_case_number,
        similarKind: row.similar_kind,
        similarSha256: row.similar_sha256,
        similarSource: row.similar_source,
        similarCapturedAt: row.similar_captured_at.toISOString(),
        distance: row.distance,
      }));
  }
}
