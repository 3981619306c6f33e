import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendAudit } from '@phoi-hop/persistence';
import type { DigestDocumentClaims } from './digest-links';
import { renderDigestDocument } from './digest.document';
import { DigestService } from './digest.service';

/** The day's digest rendered as .docx for a signed download, the download recorded in the audit log. */
@Injectable()
export class DigestDocuments {
  constructor(
    private readonly dataSource: DataSource,
    private readonly digest: DigestService,
  ) {}

  async render(claims: DigestDocumentClaims): Promise<Buffer> {
    const bytes = await renderDigestDocument(await this.digest.day({ day: claims.day }));
    await this.dataSource.transaction((manager) =>
      appendAudit(manager, {
        actor: { userId: claims.userId, agencyCode: claims.agencyCode },
        action: 'digest.document-downloaded',
        targetType: 'digest-day',
        targetId: claims.day,
        summary: { bytes: bytes.length },
      }),
    );
    return bytes;
  }
}
