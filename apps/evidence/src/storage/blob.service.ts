import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendAudit, queryRows } from '@phoi-hop/persistence';
import { BLOB_STORE, type BlobStore } from './blob-store';
import { EvidenceLinks, type DownloadClaims } from './evidence-links';

/** Downloads through signed addresses: each one is a "download" in the custody log before a byte leaves. */
@Injectable()
export class BlobService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly links: EvidenceLinks,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  async openForDownload(token: string): Promise<{ stream: Readable; mimeType: string; sha256: string } | null> {
    const claims = await this.links.verify<DownloadClaims>(token, 'download');
    if (!claims || !(await this.blobs.exists(claims.sha256))) return null;
    const [part] =
      claims.targetType === 'evidence-item'
        ? await queryRows<{ mime_type: string; case_id: string }>(
            this.dataSource.manager,
            `SELECT p.mime_type, i.case_id FROM evidence_part p JOIN evidence_item i ON i.id = p.item_id WHERE p.item_id = $1 AND p.sha256 = $2`,
            [claims.targetId, claims.sha256],
          )
        : await queryRows<{ mime_type: string; case_id: string }>(this.dataSource.manager, `SELECT 'application/wacz+zip' AS mime_type, case_id FROM evidence_package WHERE id = $1 AND sha256 = $2`, [
            claims.targetId,
            claims.sha256,
          ]);
    if (!part) return null;
    await this.dataSource.transaction((manager) =>
      appendAudit(manager, {
        actor: { userId: claims.userId, agencyCode: claims.agencyCode },
        action: 'evidence.downloaded',
        targetType: claims.targetType,
        targetId: claims.targetId,
        summary: { caseId: part.case_id, role: claims.role, sha256: claims.sha256 },
      }),
    );
    return { stream: await this.blobs.open(claims.sha256), mimeType: part.mime_type, sha256: claims.sha256 };
  }
}
