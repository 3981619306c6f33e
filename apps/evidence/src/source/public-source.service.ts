import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, EditPublicSourceRequest, PublicSourceDto } from '@phoi-hop/contracts';
import { maySeeCase } from '@phoi-hop/auth';
import { appendAudit } from '@phoi-hop/persistence';
import { CaseAccess } from '../item/case-access';
import { EvidenceError } from '../item/evidence.errors';
import { PublicSourceRepository, type SourceRow } from './public-source.repository';

/** The public sources a case shows, each with the other cases (that the viewer may see) showing it too. */
@Injectable()
export class PublicSourceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseAccess,
    private readonly sources: PublicSourceRepository,
  ) {}

  async forCase(actor: Actor, caseId: string): Promise<PublicSourceDto[]> {
    await this.cases.visibleCase(caseId);
    const rows = await this.sources.forCase(this.dataSource.manager, caseId);
    return rows.map((row) => toDto(actor, row, caseId));
  }

  /** A coordinator corrects the kind or records the public display name; audited with before and after. */
  async edit(actor: Actor, request: EditPublicSourceRequest): Promise<PublicSourceDto> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.sources.load(manager, request.sourceId, true);
      if (!row || !row.cases.some((c) => maySeeCase(actor, c.visibleAgencies))) throw EvidenceError.notFound('sourceId', 'Public source');
      if (request.displayName !== undefined && !request.displayName.trim()) throw EvidenceError.badInput('displayName', 'displayName must not be blank');
      const after = { kind: request.kind ?? row.kind, displayName: request.displayName ?? row.display_name };
      await this.sources.edit(manager, row.id, { ...after, by: actor.userId });
      await appendAudit(manager, { actor, action: 'source.edited', targetType: 'public-source', targetId: row.id, summary: { before: { kind: row.kind, displayName: row.display_name }, after } });
      return toDto(actor, (await this.sources.load(manager, row.id))!, null);
    });
  }
}

function toDto(actor: Actor, row: SourceRow, caseId: string | null): PublicSourceDto {
  return {
    id: row.id,
    platform: row.platform,
    kind: row.kind,
    handle: row.handle,
    url: row.url,
    displayName: row.display_name,
    firstSeenAt: row.first_seen_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    caseIds: row.cases.filter((c) => c.caseId === caseId || maySeeCase(actor, c.visibleAgencies)).map((c) => c.caseId),
  };
}
