import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, PublicSourceDto } from '@phoi-hop/contracts';
import { maySeeCase } from '@phoi-hop/auth';
import { CaseAccess } from '../item/case-access';
import { PublicSourceRepository } from './public-source.repository';

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
    return rows.map((row) => ({
      id: row.id,
      platform: row.platform,
      kind: row.kind,
      handle: row.handle,
      url: row.url,
      firstSeenAt: row.first_seen_at.toISOString(),
      lastSeenAt: row.last_seen_at.toISOString(),
      caseIds: row.cases.filter((c) => c.caseId === caseId || maySeeCase(actor, c.visibleAgencies)).map((c) => c.caseId),
    }));
  }
}
