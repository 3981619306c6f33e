import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  EventSubjects,
  type Actor,
  type AddTextExcerptRequest,
  type EvidenceContentDto,
  type EvidenceItemAddedEvent,
  type EvidenceItemDto,
  type LegalHoldRequest,
} from '@phoi-hop/contracts';
import { mayReadEvidenceContent } from '@phoi-hop/auth';
import { OutboxRelay, appendToOutbox } from '@phoi-hop/messaging';
import { appendAudit } from '@phoi-hop/persistence';
import { deriveIndicators } from '../indicator/indicator.rules';
import { BLOB_STORE, readBlob, type BlobStore } from '../storage/blob-store';
import { EvidenceLinks } from '../storage/evidence-links';
import { TimestampService } from '../timestamp/timestamp.service';
import { CaseAccess, caseAgencies } from './case-access';
import { EvidenceError } from './evidence.errors';
import { ItemRepository, toItemDto, type LoadedItem, type NewItem } from './item.repository';

/** The software that records evidence, named in every item ("how": tool and version). */
export const EVIDENCE_TOOL = { name: 'phoi-hop-evidence', version: '0.1.0' } as const;

/**
 * Evidence items on a case (Đ6.2): each is recorded with its hash, size, sniffed type, who, which
 * agency, when (server time, UTC) and how, in one transaction with its event and its custody entry.
 * Reading content is restricted (mayReadEvidenceContent) and every read is an audit entry.
 */
@Injectable()
export class ItemService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly items: ItemRepository,
    private readonly cases: CaseAccess,
    private readonly links: EvidenceLinks,
    private readonly relay: OutboxRelay,
    private readonly timestamps: TimestampService,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  async addExcerpt(actor: Actor, request: AddTextExcerptRequest): Promise<EvidenceItemDto> {
    if (!request.text.trim()) throw EvidenceError.badInput('text', 'text must not be blank');
    const kase = await this.cases.openCase(request.caseId);
    const bytes = Buffer.from(request.text, 'utf8');
    const stored = await this.blobs.put(Readable.from([bytes]));
    const part = { role: 'TEXT' as const, sha256: stored.sha256, sizeBytes: stored.sizeBytes, mimeType: 'text/plain; charset=utf-8' };
    return this.record(actor, {
      id: randomUUID(),
      caseId: kase.id,
      caseNumber: kase.number,
      kind: 'TEXT_EXCERPT',
      primary: part,
      capturedBy: actor.userId,
      capturedByAgency: actor.agencyCode,
      capturedAt: new Date(),
      toolName: `${EVIDENCE_TOOL.name} text-excerpt`,
      toolVersion: EVIDENCE_TOOL.version,
      sourceUrl: request.sourceUrl ?? null,
      fileName: null,
      nameMismatch: false,
      screenshot: null,
      note: request.note ?? null,
      visibleAgencies: caseAgencies(kase),
      parts: [part],
      indicators: deriveIndicators({ text: request.text, pageUrl: request.sourceUrl ?? null }),
    });
  }

  /**
   * Records an item whose parts are already stored, with its event and custody entry, in one
   * transaction (`within`: inside the caller's, e.g. the one that uses up an upload ticket, which
   * then calls `timestamp` once it committed), then has its hash timestamped.
   */
  async record(actor: Actor, item: NewItem, within?: EntityManager, action = actionOf(item)): Promise<EvidenceItemDto> {
    const write = async (manager: EntityManager) => {
      await this.items.insert(manager, item);
      await this.timestamps.schedule(manager, item.id, item.primary.sha256);
      await appendToOutbox<EvidenceItemAddedEvent>(manager, [
        {
          subject: EventSubjects.evidence.itemAdded,
          aggregateId: item.caseId,
          visibleTo: item.visibleAgencies,
          data: {
            itemId: item.id,
            caseId: item.caseId,
            caseNumber: item.caseNumber,
            kind: item.kind,
            sha256: item.primary.sha256,
            capturedByAgency: item.capturedByAgency,
          },
        },
      ]);
      await appendAudit(manager, {
        actor,
        action,
        targetType: 'evidence-item',
        targetId: item.id,
        summary: {
          caseId: item.caseId,
          kind: item.kind,
          sha256: item.primary.sha256,
          sizeBytes: item.primary.sizeBytes,
          mimeType: item.primary.mimeType,
          parts: item.parts.map((p) => `${p.role}:${p.sha256}`),
        },
      });
      return toItemDto((await this.items.load(manager, item.id))!, true);
    };
    if (within) return write(within);
    const recorded = await this.dataSource.transaction(write);
    this.relay.kick();
    return this.timestamp(recorded);
  }

  /** Requests the trusted timestamp of an item just recorded, and returns the item as it is then (the item stands whatever the authority answers). */
  async timestamp(recorded: EvidenceItemDto): Promise<EvidenceItemDto> {
    if (!this.timestamps.enabled) return recorded;
    await this.timestamps.stampNow(recorded.id);
    const item = await this.items.load(this.dataSource.manager, recorded.id);
    return item ? toItemDto(item, !recorded.contentWithheld) : recorded;
  }

  async list(actor: Actor, caseId: string): Promise<EvidenceItemDto[]> {
    await this.cases.visibleCase(caseId);
    const all = await this.items.listForCase(this.dataSource.manager, caseId);
    return all.map((item) => toItemDto(item, mayReadEvidenceContent(actor, item.row.captured_by_agency)));
  }

  async get(actor: Actor, itemId: string): Promise<EvidenceItemDto> {
    const item = await this.visibleItem(itemId);
    return toItemDto(item, mayReadEvidenceContent(actor, item.row.captured_by_agency));
  }

  /** The content of an item, for those who may read it: an audited read ("view" in the custody log). */
  async content(actor: Actor, itemId: string): Promise<EvidenceContentDto> {
    const item = await this.visibleItem(itemId);
    if (!mayReadEvidenceContent(actor, item.row.captured_by_agency)) {
      throw EvidenceError.forbidden('Evidence content is for the capturing agency, coordinators and investigators (Đ6.2)', 'itemId');
    }
    if (item.row.purged_at)
      throw EvidenceError.invalidState('The item’s content was deleted by the retention purge; its hash and custody log remain', 'itemId');
    const textPart = item.parts.find((p) => p.role === 'TEXT');
    const text = textPart ? (await readBlob(this.blobs, textPart.sha256)).toString('utf8') : null;
    const downloads = await Promise.all(
      item.parts.map(async (p) => ({
        role: p.role,
        sha256: p.sha256,
        url: await this.links.downloadUrl({
          targetType: 'evidence-item',
          targetId: item.row.id,
          sha256: p.sha256,
          role: p.role,
          userId: actor.userId,
          agencyCode: actor.agencyCode,
        }),
      })),
    );
    await this.dataSource.transaction((manager) =>
      appendAudit(manager, {
        actor,
        action: 'evidence.viewed',
        targetType: 'evidence-item',
        targetId: itemId,
        summary: { caseId: item.row.case_id, parts: item.parts.map((p) => p.role) },
      }),
    );
    return { itemId, text, sourceUrl: item.row.source_url, downloads };
  }

  // A legal hold keeps an item through every retention purge until it is released, with a reason each way.
  async placeHold(actor: Actor, request: LegalHoldRequest): Promise<EvidenceItemDto> {
    return this.changeHold(actor, request, true);
  }

  async releaseHold(actor: Actor, request: LegalHoldRequest): Promise<EvidenceItemDto> {
    return this.changeHold(actor, request, false);
  }

  private async changeHold(actor: Actor, request: LegalHoldRequest, place: boolean): Promise<EvidenceItemDto> {
    await this.visibleItem(request.itemId);
    return this.dataSource.transaction(async (manager) => {
      const item = (await this.items.load(manager, request.itemId, true))!;
      const held = item.row.legal_hold_reason !== null;
      if (item.row.purged_at) throw EvidenceError.invalidState('The item’s content was deleted by the retention purge', 'itemId');
      if (place && held) throw EvidenceError.invalidState('The item is already under legal hold', 'itemId');
      if (!place && !held) throw EvidenceError.invalidState('The item is not under legal hold', 'itemId');
      const now = new Date();
      await this.items.setHold(manager, item.row.id, place ? { reason: request.reason, at: now, by: actor.userId } : null);
      await appendAudit(manager, {
        actor,
        action: place ? 'evidence.hold-placed' : 'evidence.hold-released',
        targetType: 'evidence-item',
        targetId: item.row.id,
        summary: { caseId: item.row.case_id, reason: request.reason, before: held ? item.row.legal_hold_reason : null },
      });
      return toItemDto((await this.items.load(manager, item.row.id))!, mayReadEvidenceContent(actor, item.row.captured_by_agency));
    });
  }

  /** An item on a case the caller may see; NOT_FOUND otherwise (the same answer for both). */
  private async visibleItem(itemId: string): Promise<LoadedItem> {
    const item = await this.items.load(this.dataSource.manager, itemId);
    if (!item) throw EvidenceError.notFound();
    await this.cases.visibleCase(item.row.case_id, 'itemId').catch((error: unknown) => {
      throw error instanceof EvidenceError && error.code === 'NOT_FOUND' ? EvidenceError.notFound() : error;
    });
    return item;
  }
}

function actionOf(item: NewItem): string {
  return item.kind === 'WEB_CAPTURE' ? 'evidence.captured' : item.kind === 'FILE' ? 'evidence.uploaded' : 'evidence.excerpt-added';
}
