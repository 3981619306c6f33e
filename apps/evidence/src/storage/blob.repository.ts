import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows } from '@phoi-hop/persistence';

/** What a download needs to know of the blob it serves: its type and the case it belongs to. */
export interface DownloadTarget {
  mime_type: string;
  case_id: string;
}

/** The rows behind a signed download: an item's part or a package, matched by its hash. */
@Injectable()
export class BlobRepository {
  async itemPart(manager: EntityManager, itemId: string, sha256: string): Promise<DownloadTarget | null> {
    const [row] = await queryRows<DownloadTarget>(
      manager,
      `SELECT p.mime_type, i.case_id FROM evidence_part p JOIN evidence_item i ON i.id = p.item_id WHERE p.item_id = $1 AND p.sha256 = $2`,
      [itemId, sha256],
    );
    return row ?? null;
  }

  async package(manager: EntityManager, packageId: string, sha256: string): Promise<DownloadTarget | null> {
    const [row] = await queryRows<DownloadTarget>(
      manager,
      `SELECT 'application/wacz+zip' AS mime_type, case_id FROM evidence_package WHERE id = $1 AND sha256 = $2 AND purged_at IS NULL`,
      [packageId, sha256],
    );
    return row ?? null;
  }
}
