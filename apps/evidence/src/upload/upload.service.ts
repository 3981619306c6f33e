import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { fileTypeFromBuffer } from 'file-type';
import type { Actor, EvidenceItemDto, RequestUploadRequest, UploadTicketDto } from '@phoi-hop/contracts';
import { OutboxRelay } from '@phoi-hop/messaging';
import { appendAudit } from '@phoi-hop/persistence';
import { CaseAccess, caseAgencies } from '../item/case-access';
import { EVIDENCE_TOOL, ItemService } from '../item/item.service';
import { isHashablePicture, perceptualHash } from '../similarity/perceptual-hash';
import { BLOB_STORE, BlobTooLargeError, type BlobStore } from '../storage/blob-store';
import { EvidenceLinks } from '../storage/evidence-links';
import { UploadRepository } from './upload.repository';
import { judgeUpload } from './upload.rules';
import { UPLOAD_SETTINGS, type UploadSettings } from './upload.settings';

/** Why an upload was not stored, as the HTTP answer says it. */
export class UploadRefusedError extends Error {
  constructor(
    readonly status: 400 | 404 | 410 | 413 | 415,
    readonly code: 'BAD_USER_INPUT' | 'NOT_FOUND' | 'INVALID_STATE',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Uploads of files (screenshots, pictures, video, PDF): a ticket is handed out through the API,
 * then the bytes are PUT once to this service's HTTP port and stream into the blob store while
 * being hashed, measured and sniffed. Over the limit, of a type off the allow-list, or cut off: no
 * blob and no item, and the attempt is in the custody log.
 */
@Injectable()
export class UploadService {
  private readonly logger = new Logger(UploadService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly tickets: UploadRepository,
    private readonly cases: CaseAccess,
    private readonly items: ItemService,
    private readonly links: EvidenceLinks,
    private readonly relay: OutboxRelay,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(UPLOAD_SETTINGS) private readonly settings: UploadSettings,
  ) {}

  async requestTicket(actor: Actor, request: RequestUploadRequest): Promise<UploadTicketDto> {
    const kase = await this.cases.openCase(request.caseId);
    const id = randomUUID();
    const expiresAt = new Date(Date.now() + this.settings.ttlSeconds * 1000);
    await this.dataSource.transaction(async (manager) => {
      await this.tickets.insert(manager, {
        id,
        caseId: kase.id,
        caseNumber: kase.number,
        visibleAgencies: caseAgencies(kase),
        fileName: request.fileName,
        note: request.note ?? null,
        requestedBy: actor.userId,
        requestedByAgency: actor.agencyCode,
        expiresAt,
      });
      await appendAudit(manager, {
        actor,
        action: 'evidence.upload-requested',
        targetType: 'upload-ticket',
        targetId: id,
        summary: { caseId: kase.id, fileName: request.fileName, expiresAt: expiresAt.toISOString() },
      });
    });
    return {
      ticketId: id,
      uploadUrl: await this.links.uploadUrl(id, expiresAt),
      expiresAt: expiresAt.toISOString(),
      maxBytes: this.settings.maxBytes,
      allowedMimeTypes: this.settings.allowedMimeTypes,
    };
  }

  /** Receives the bytes of a ticket's upload; the ticket is used up whatever the outcome. */
  async receive(token: string, body: Readable): Promise<EvidenceItemDto> {
    const claims = await this.links.verify<{ kind: 'upload'; ticketId: string }>(token, 'upload');
    if (!claims) throw new UploadRefusedError(404, 'NOT_FOUND', 'No such upload address, or it has expired');
    const ticket = await this.tickets.claim(this.dataSource.manager, claims.ticketId);
    if (!ticket) throw new UploadRefusedError(410, 'INVALID_STATE', 'This upload address was already used or has expired');
    const actor: Actor = { userId: ticket.requested_by, username: ticket.requested_by, agencyCode: ticket.requested_by_agency, roles: [] };
    let verdict: ReturnType<typeof judgeUpload> | null = null;
    let item: EvidenceItemDto;
    try {
      const stored = await this.blobs.put(body, {
        maxBytes: this.settings.maxBytes,
        inspect: async (head) => {
          verdict = judgeUpload((await fileTypeFromBuffer(head))?.mime ?? null, ticket.file_name, this.settings.allowedMimeTypes);
          if (!verdict.accepted) throw new UploadRefusedError(415, 'BAD_USER_INPUT', `Refused: ${verdict.reason}`);
        },
      });
      const accepted = verdict as unknown as { mimeType: string; nameMismatch: boolean };
      const part = { role: 'ORIGINAL' as const, sha256: stored.sha256, sizeBytes: stored.sizeBytes, mimeType: accepted.mimeType };
      // A picture is hashed as it streams back from storage, so the same picture uploaded to another case is found.
      const phash = isHashablePicture(part.mimeType) ? await perceptualHash(await this.blobs.open(part.sha256)) : null;
      item = await this.dataSource.transaction(async (manager) => {
        await this.tickets.markStored(manager, ticket.id);
        return this.items.record(
          actor,
          {
            id: randomUUID(),
            caseId: ticket.case_id,
            caseNumber: ticket.case_number,
            kind: 'FILE',
            primary: part,
            capturedBy: ticket.requested_by,
            capturedByAgency: ticket.requested_by_agency,
            capturedAt: new Date(),
            toolName: `${EVIDENCE_TOOL.name} upload`,
            toolVersion: EVIDENCE_TOOL.version,
            sourceUrl: null,
            fileName: ticket.file_name,
            nameMismatch: accepted.nameMismatch,
            screenshot: null,
            note: ticket.note,
            visibleAgencies: ticket.visible_agencies,
            parts: [part],
            imageHashes: phash ? [{ sha256: part.sha256, source: 'ORIGINAL', phash }] : [],
          },
          manager,
        );
      });
      this.relay.kick();
    } catch (error) {
      const refusal =
        error instanceof UploadRefusedError
          ? error
          : error instanceof BlobTooLargeError
            ? new UploadRefusedError(413, 'BAD_USER_INPUT', `Refused: more than EVIDENCE_MAX_BYTES (${this.settings.maxBytes} bytes)`)
            : new UploadRefusedError(400, 'BAD_USER_INPUT', `The upload was interrupted: ${String((error as Error)?.message ?? error)}`);
      await this.dataSource
        .transaction(async (manager) => {
          await this.tickets.setOutcome(manager, ticket.id, `REFUSED: ${refusal.message}`.slice(0, 500));
          await appendAudit(manager, {
            actor,
            action: 'evidence.upload-refused',
            targetType: 'upload-ticket',
            targetId: ticket.id,
            summary: { caseId: ticket.case_id, fileName: ticket.file_name, reason: refusal.message },
          });
        })
        .catch((failure: unknown) => this.logger.error(`Could not record the refused upload ${ticket.id}: ${String(failure)}`));
      throw refusal;
    }
    // After the item committed: whatever the time-stamping authority answers, the upload stands.
    return this.items.timestamp(item);
  }
}
