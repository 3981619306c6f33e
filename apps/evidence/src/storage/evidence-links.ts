import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { SignedLinks, serviceBaseUrl } from '@phoi-hop/auth';
import type { EvidencePartRole } from '@phoi-hop/contracts';

export const EVIDENCE_LINK_SETTINGS = Symbol('EVIDENCE_LINK_SETTINGS');

export interface EvidenceLinkSettings {
  /** Secret the link keys are derived from (the platform's internal token secret). */
  secret: string;
  publicUrl: string | null;
}

export interface UploadClaims {
  kind: 'upload';
  ticketId: string;
}

export interface DownloadClaims {
  kind: 'download';
  /** The item or package being downloaded, for the custody log. */
  targetType: 'evidence-item' | 'evidence-package';
  targetId: string;
  sha256: string;
  role: EvidencePartRole | 'PACKAGE';
  userId: string;
  agencyCode: string;
}

const ISSUER = 'phoi-hop-evidence';
/** How long a download address works: long enough to start the download, short enough not to be passed around. */
export const DOWNLOAD_TTL_SECONDS = 300;

/**
 * Short-lived signed addresses on this service's own HTTP port: PUT an upload to a ticket, GET a
 * blob. The key is derived from the internal token secret for this one purpose, so a link can
 * never pass for an internal token or the other way round.
 */
@Injectable()
export class EvidenceLinks {
  private readonly links: SignedLinks<UploadClaims | DownloadClaims>;

  constructor(
    @Inject(EVIDENCE_LINK_SETTINGS) private readonly settings: EvidenceLinkSettings,
    private readonly http: HttpAdapterHost,
  ) {
    this.links = new SignedLinks(settings.secret, 'evidence-links/v1', ISSUER);
  }

  async uploadUrl(ticketId: string, expiresAt: Date): Promise<string> {
    const token = await this.sign({ kind: 'upload', ticketId }, expiresAt);
    return `${this.base()}/evidence/uploads/${token}`;
  }

  async downloadUrl(claims: Omit<DownloadClaims, 'kind'>): Promise<string> {
    const token = await this.sign({ kind: 'download', ...claims }, new Date(Date.now() + DOWNLOAD_TTL_SECONDS * 1000));
    return `${this.base()}/evidence/blobs/${token}`;
  }

  /** The claims of a link this service signed and that has not expired; null otherwise. */
  verify<T extends UploadClaims | DownloadClaims>(token: string, kind: T['kind']): Promise<T | null> {
    return this.links.verify(token, kind) as Promise<T | null>;
  }

  private sign(claims: UploadClaims | DownloadClaims, expiresAt: Date): Promise<string> {
    return this.links.sign(claims, expiresAt);
  }

  private base(): string {
    return serviceBaseUrl(this.settings.publicUrl, this.http, 3105);
  }
}
