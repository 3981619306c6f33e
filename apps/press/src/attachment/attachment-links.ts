import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { SignedLinks, serviceBaseUrl } from '@phoi-hop/auth';

export const ATTACHMENT_LINK_SETTINGS = Symbol('ATTACHMENT_LINK_SETTINGS');

export interface AttachmentLinkSettings {
  /** Secret the link key is derived from (the platform's internal token secret). */
  secret: string;
  /** Base of the addresses handed out (PRESS_PUBLIC_URL; default: this process's own HTTP address). */
  publicUrl: string | null;
}

/** An outlet user's address to PUT one file of the coming reply to. */
export interface UploadClaims {
  kind: 'upload';
  ticketId: string;
  complaintId: string;
  fileName: string;
  userId: string;
  agencyCode: string;
}

/** A reader's address to GET one file of a reply (the reader is named for the audit). */
export interface DownloadClaims {
  kind: 'download';
  attachmentId: string;
  sha256: string;
  userId: string;
  agencyCode: string;
}

const ISSUER = 'phoi-hop-press';
/** How long a download address works: long enough to start the download, short enough not to be passed around. */
export const DOWNLOAD_TTL_SECONDS = 300;

/**
 * Short-lived signed addresses on the press service's own HTTP port, as the evidence service hands
 * out for its files: PUT an upload, GET a download. The key is derived from the internal token
 * secret for this one purpose, so a link can never pass for an internal token, an evidence link
 * or a reply link, or the other way round.
 */
@Injectable()
export class AttachmentLinks {
  private readonly links: SignedLinks<UploadClaims | DownloadClaims>;

  constructor(
    @Inject(ATTACHMENT_LINK_SETTINGS) private readonly settings: AttachmentLinkSettings,
    private readonly http: HttpAdapterHost,
  ) {
    this.links = new SignedLinks(settings.secret, 'press-attachment-links/v1', ISSUER);
  }

  async uploadUrl(claims: Omit<UploadClaims, 'kind'>, expiresAt: Date): Promise<string> {
    return `${this.base()}/press/uploads/${await this.sign({ kind: 'upload', ...claims }, expiresAt)}`;
  }

  async downloadUrl(claims: Omit<DownloadClaims, 'kind'>, expiresAt: Date): Promise<string> {
    return `${this.base()}/press/attachments/${await this.sign({ kind: 'download', ...claims }, expiresAt)}`;
  }

  /** The claims of a link this service signed for `kind` and that has not expired; null otherwise. */
  verify<T extends UploadClaims | DownloadClaims>(token: string, kind: T['kind']): Promise<T | null> {
    return this.links.verify(token, kind) as Promise<T | null>;
  }

  private sign(claims: UploadClaims | DownloadClaims, expiresAt: Date): Promise<string> {
    return this.links.sign(claims, expiresAt);
  }

  private base(): string {
    return serviceBaseUrl(this.settings.publicUrl, this.http, 3106);
  }
}
