import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendAudit } from '@phoi-hop/persistence';
import { BLOB_STORE, type BlobStore } from './blob-store';
import { BlobRepository } from './blob.repository';
import { EvidenceLinks, type DownloadClaims } from './evidence-links';

/** Downloads through signed addresses: each one is a "download" in the custody log before a byte leaves. */
@Injectable()
export class BlobService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: BlobRepository,
    private readonly links: EvidenceLinks,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  async openForDownload(token: string): Promise<{ stream: Readable; mimeType: string; sha256: string } | null> {
    const claims = await this.links.verify<DownloadClaims>(token, 'download');
    if (!claims || !(await this.blobs.exists(claims.sha256))) return null;
    const part =
      claims.targetType === 'evidence-item'
        ? await this.repository.itemPart(this.dataSource.manager, claims.targetId, claims.sha256)
        : await this.repository.package(this.dataSource.manager, claims.targetId, claims.sha256);
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
