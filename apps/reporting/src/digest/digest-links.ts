import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { SignedLinks, serviceBaseUrl } from '@phoi-hop/auth';
import type { Actor, DigestDocumentLinkDto } from '@phoi-hop/contracts';
import { DIGEST_SETTINGS, type DigestSettings } from './digest.settings';

const ISSUER = 'phoi-hop-reporting';
/** How long a download address works: long enough to start the download, short enough not to be passed around. */
export const DIGEST_LINK_TTL_SECONDS = 300;

export interface DigestDocumentClaims {
  kind: 'digest-document';
  day: string;
  userId: string;
  agencyCode: string;
}

/**
 * Short-lived signed addresses of a day's digest as .docx on this service's own HTTP port, as the
 * evidence service hands out its downloads. The key is derived from the internal token secret for
 * this one purpose, so a link never passes for a token.
 */
@Injectable()
export class DigestLinks {
  private readonly links: SignedLinks<DigestDocumentClaims>;

  constructor(
    @Inject(DIGEST_SETTINGS) private readonly settings: DigestSettings,
    private readonly http: HttpAdapterHost,
  ) {
    this.links = new SignedLinks(settings.linkSecret, 'reporting-digest-links/v1', ISSUER);
  }

  async documentLink(actor: Actor, day: string): Promise<DigestDocumentLinkDto> {
    const expiresAt = new Date(Date.now() + DIGEST_LINK_TTL_SECONDS * 1000);
    const claims: DigestDocumentClaims = { kind: 'digest-document', day, userId: actor.userId, agencyCode: actor.agencyCode };
    const token = await this.links.sign(claims, expiresAt);
    return { day, url: `${this.base()}/reporting/digest/documents/${token}`, fileName: digestFileName(day), expiresAt: expiresAt.toISOString() };
  }

  /** The claims of a link this service signed and that has not expired; null otherwise. */
  async verify(token: string): Promise<DigestDocumentClaims | null> {
    const claims = await this.links.verify(token, 'digest-document');
    return claims && typeof claims.day === 'string' ? claims : null;
  }

  private base(): string {
    return serviceBaseUrl(this.settings.publicUrl, this.http, 3107);
  }
}

export function digestFileName(day: string): string {
  return `diem-bao-${day}.docx`;
}
