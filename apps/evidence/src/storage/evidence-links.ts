import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { SignJWT, jwtVerify } from 'jose';
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
  private readonly key: Uint8Array;

  constructor(
    @Inject(EVIDENCE_LINK_SETTINGS) private readonly settings: EvidenceLinkSettings,
    private readonly http: HttpAdapterHost,
  ) {
    this.key = createHmac('sha256', settings.secret).update('evidence-links/v1').digest();
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
  async verify<T extends UploadClaims | DownloadClaims>(token: string, kind: T['kind']): Promise<T | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      return payload['kind'] === kind ? (payload as unknown as T) : null;
    } catch {
      return null;
    }
  }

  private sign(claims: UploadClaims | DownloadClaims, expiresAt: Date): Promise<string> {
    return new SignJWT({ ...claims }).setProtectedHeader({ alg: 'HS256' }).setIssuer(ISSUER).setIssuedAt().setExpirationTime(Math.floor(expiresAt.getTime() / 1000)).sign(this.key);
  }

  private base(): string {
    if (this.settings.publicUrl) return this.settings.publicUrl.replace(/\/$/, '');
    const address = this.http.httpAdapter?.getHttpServer()?.address() as { port: number } | null;
    return `http://127.0.0.1:${address?.port ?? 3105}`;
  }
}
