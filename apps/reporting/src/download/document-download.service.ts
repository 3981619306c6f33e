import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { SignedLinks, serviceBaseUrl } from '@phoi-hop/auth';
import type { Actor, RenderedDocumentDto } from '@phoi-hop/contracts';
import { appendAudit } from '@phoi-hop/persistence';
import { DocumentDownloadRepository, type StoredDocument } from './document-download.repository';
import { DOCUMENT_DOWNLOAD_SETTINGS, DOCUMENT_LINK_TTL_SECONDS, type DocumentDownloadSettings } from './document-download.settings';

const ISSUER = 'phoi-hop-reporting';
const KIND = 'rendered-document';

interface DownloadClaims {
  kind: typeof KIND;
  id: string;
  userId: string;
  agencyCode: string;
}

/**
 * Rendered documents (reports, annexes, dossiers) handed out by a signed, short-lived address on
 * this service's HTTP port, as the digest's and the evidence service's downloads are: a document
 * may be larger than a NATS message. Small ones also travel inline. The key is derived from the
 * internal token secret for this one purpose, so an address never passes for a token.
 */
@Injectable()
export class DocumentDownloadService {
  private readonly links: SignedLinks<DownloadClaims>;

  constructor(
    @Inject(DOCUMENT_DOWNLOAD_SETTINGS) private readonly settings: DocumentDownloadSettings,
    private readonly documents: DocumentDownloadRepository,
    private readonly dataSource: DataSource,
    private readonly http: HttpAdapterHost,
  ) {
    this.links = new SignedLinks(settings.linkSecret, 'reporting-document-links/v1', ISSUER);
  }

  /** Keeps the document for its address's lifetime and describes it, inline too when it is small. */
  async offer(actor: Actor, fileName: string, mimeType: string, bytes: Buffer): Promise<RenderedDocumentDto> {
    const id = randomUUID();
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const expiresAt = new Date(Date.now() + DOCUMENT_LINK_TTL_SECONDS * 1000);
    await this.documents.store({ id, fileName, mimeType, sha256, bytes, createdBy: actor.userId, expiresAt });
    const claims: DownloadClaims = { kind: KIND, id, userId: actor.userId, agencyCode: actor.agencyCode };
    const token = await this.links.sign(claims, expiresAt);
    return {
      fileName,
      mimeType,
      sha256,
      byteLength: bytes.length,
      contentBase64: bytes.length <= this.settings.inlineMaxBytes ? bytes.toString('base64') : null,
      url: `${this.base()}/reporting/documents/${token}`,
      expiresAt: expiresAt.toISOString(),
    };
  }

  /** The document behind a valid, unexpired address (null otherwise), its download in the audit log. */
  async download(token: string): Promise<StoredDocument | null> {
    const claims = await this.verify(token);
    if (!claims) return null;
    const document = await this.documents.find(claims.id);
    if (!document) return null;
    await this.dataSource.transaction((manager) =>
      appendAudit(manager, {
        actor: { userId: claims.userId, agencyCode: claims.agencyCode },
        action: 'reporting.document-downloaded',
        targetType: 'rendered-document',
        targetId: document.id,
        summary: { fileName: document.fileName, sha256: document.sha256, bytes: document.bytes.length },
      }),
    );
    return document;
  }

  private async verify(token: string): Promise<DownloadClaims | null> {
    const claims = await this.links.verify(token, KIND);
    return claims && typeof claims.id === 'string' ? claims : null;
  }

  private base(): string {
    return serviceBaseUrl(this.settings.publicUrl, this.http, 3107);
  }
}
