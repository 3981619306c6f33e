import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { EventSubjects, type Actor, type EvidencePackageDto, type EvidencePackageExportedEvent } from '@phoi-hop/contracts';
import { mayReadRestricted } from '@phoi-hop/auth';
import { OutboxRelay, appendToOutbox } from '@phoi-hop/messaging';
import { appendAudit, auditEntryOf } from '@phoi-hop/persistence';
import { CaseAccess, caseAgencies } from '../item/case-access';
import { EvidenceError } from '../item/evidence.errors';
import { EVIDENCE_TOOL } from '../item/item.service';
import { ItemRepository, toItemDto, type LoadedItem } from '../item/item.repository';
import { BLOB_STORE, readBlob, type BlobStore } from '../storage/blob-store';
import { EvidenceLinks } from '../storage/evidence-links';
import { PACKAGE_SIGNER, type PackageSigner } from './package-signing';
import { PackageRepository, type PackageRow } from './package.repository';
import { cdxjLines, writeWacz, type WaczEntry, type WaczPage } from './wacz.builder';

/** The file name a package uses for an uploaded file: its id, then the name reduced to safe characters. */
function safeName(name: string): string {
  return (
    name
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}._-]+/gu, '_')
      .slice(0, 120) || 'file'
  );
}

/**
 * Signed WACZ packages of a case's evidence, which outlive the platform: every WARC, uploaded
 * file, text and screenshot with its hash, the items' trusted timestamps (RFC 3161 tokens), and
 * the custody log of the case's evidence as extra resources. Exporting is restricted (coordinators and investigators) and is itself in the custody log.
 */
@Injectable()
export class PackageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly items: ItemRepository,
    private readonly packages: PackageRepository,
    private readonly cases: CaseAccess,
    private readonly links: EvidenceLinks,
    private readonly relay: OutboxRelay,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(PACKAGE_SIGNER) private readonly signer: PackageSigner,
  ) {}

  async export(actor: Actor, caseId: string): Promise<EvidencePackageDto> {
    if (!mayReadRestricted(actor, 'evidenceContent'))
      throw EvidenceError.forbidden('Evidence packages are exported by coordinators and investigators (Đ6.2)', 'caseId');
    const kase = await this.cases.visibleCase(caseId);
    const items = (await this.items.listForCase(this.dataSource.manager, caseId)).filter((i) => !i.row.purged_at);
    if (!items.length) throw EvidenceError.invalidState('The case has no evidence to export', 'caseId');
    const created = new Date().toISOString();
    const custody = await this.custodyLog(this.dataSource.manager, caseId);
    const { entries, pages } = await this.entriesOf(items);
    entries.push({
      path: 'evidence/items.json',
      bytes: Buffer.from(
        JSON.stringify(
          items.map((i) => toItemDto(i, true)),
          null,
          2,
        ),
      ),
      compress: true,
    });
    // Each RFC 3161 token (DER) of an item's SHA-256, named by the item (evidence/items.json says which hash).
    for (const { id, token } of await this.items.timestampTokens(
      this.dataSource.manager,
      items.map((i) => i.row.id),
    ))
      entries.push({ path: `timestamps/${id}.tst`, bytes: token, compress: false });
    entries.push({
      path: 'custody/custody-log.jsonl',
      bytes: Buffer.from(custody.map((e) => JSON.stringify(e)).join('\n') + (custody.length ? '\n' : '')),
      compress: true,
    });
    const zip = writeWacz(
      {
        title: `Chứng cứ vụ việc ${kase.number}`,
        created,
        software: `${EVIDENCE_TOOL.name}/${EVIDENCE_TOOL.version}`,
        entries,
        pages,
        mainPageUrl: pages[0]?.url ?? null,
      },
      this.signer,
    );
    let stored;
    try {
      stored = await this.blobs.put(zip);
    } catch (error) {
      throw EvidenceError.invalidState(`The package could not be made: ${String((error as Error)?.message ?? error)}`, 'caseId');
    }
    const id = randomUUID();
    const row = await this.dataSource.transaction(async (manager) => {
      await this.packages.insert(manager, {
        id,
        caseId,
        sha256: stored.sha256,
        sizeBytes: stored.sizeBytes,
        keyId: this.signer.keyId,
        itemIds: items.map((i) => i.row.id),
        visibleAgencies: caseAgencies(kase),
        createdAt: created,
        createdBy: actor.userId,
        createdByAgency: actor.agencyCode,
      });
      await appendToOutbox<EvidencePackageExportedEvent>(manager, [
        {
          subject: EventSubjects.evidence.packageExported,
          aggregateId: caseId,
          visibleTo: caseAgencies(kase),
          data: { packageId: id, caseId, sha256: stored.sha256, keyId: this.signer.keyId },
        },
      ]);
      await appendAudit(manager, {
        actor,
        action: 'evidence.exported',
        targetType: 'evidence-package',
        targetId: id,
        summary: { caseId, sha256: stored.sha256, sizeBytes: stored.sizeBytes, keyId: this.signer.keyId, items: items.map((i) => i.row.id) },
      });
      return (await this.packages.find(manager, id))!;
    });
    this.relay.kick();
    return this.toDto(actor, row);
  }

  async list(actor: Actor, caseId: string): Promise<EvidencePackageDto[]> {
    await this.cases.visibleCase(caseId);
    const rows = await this.packages.listForCase(this.dataSource.manager, caseId);
    return Promise.all(rows.map((row) => this.toDto(actor, row)));
  }

  async find(manager: EntityManager, id: string): Promise<PackageRow | null> {
    return this.packages.find(manager, id);
  }

  private async toDto(actor: Actor, row: PackageRow): Promise<EvidencePackageDto> {
    const mayDownload = mayReadRestricted(actor, 'evidenceContent') && !row.purged_at;
    return {
      id: row.id,
      caseId: row.case_id,
      sha256: row.sha256,
      sizeBytes: Number(row.size_bytes),
      keyId: row.key_id,
      itemCount: row.item_ids.length,
      createdAt: row.created_at.toISOString(),
      createdBy: row.created_by,
      downloadUrl: mayDownload
        ? await this.links.downloadUrl({
            targetType: 'evidence-package',
            targetId: row.id,
            sha256: row.sha256,
            role: 'PACKAGE',
            userId: actor.userId,
            agencyCode: actor.agencyCode,
          })
        : null,
      purgedAt: row.purged_at ? row.purged_at.toISOString() : null,
    };
  }

  /** Every audit entry about the case's evidence, with its chain links, oldest first. */
  private async custodyLog(manager: EntityManager, caseId: string): Promise<Record<string, unknown>[]> {
    const rows = await this.packages.custodyRows(manager, caseId);
    return rows.map((row) => ({ ...auditEntryOf(row), prevHash: row['prev_hash'], hash: row['hash'] }));
  }

  private async entriesOf(items: LoadedItem[]): Promise<{ entries: WaczEntry[]; pages: WaczPage[] }> {
    const entries: WaczEntry[] = [];
    const pages: WaczPage[] = [];
    const cdxj: string[] = [];
    for (const item of items) {
      for (const part of item.parts) {
        const sizeBytes = Number(part.size_bytes);
        const stream = () => this.blobs.open(part.sha256);
        if (part.role === 'WARC') {
          const path = `archive/${item.row.id}.warc`;
          const bytes = await readBlob(this.blobs, part.sha256);
          entries.push({ path, stream, sha256: part.sha256, sizeBytes, compress: false });
          cdxj.push(...(await cdxjLines(path, bytes)));
          pages.push({ id: item.row.id, url: item.row.source_url ?? '', ts: item.row.captured_at.toISOString(), title: null });
        } else if (part.role === 'ORIGINAL') {
          entries.push({ path: `files/${item.row.id}-${safeName(item.row.file_name ?? 'file')}`, stream, sha256: part.sha256, sizeBytes, compress: false });
        } else if (part.role === 'TEXT') {
          entries.push({ path: `text/${item.row.id}.txt`, stream, sha256: part.sha256, sizeBytes, compress: true });
        } else {
          entries.push({ path: `screenshots/${item.row.id}.png`, stream, sha256: part.sha256, sizeBytes, compress: false });
        }
      }
    }
    if (cdxj.length) entries.push({ path: 'indexes/index.cdx', bytes: Buffer.from(`${cdxj.sort().join('\n')}\n`), compress: true });
    return { entries, pages };
  }
}
