import { Injectable } from '@nestjs/common';
import type { Actor, CaseDto, CaseListRequest, CaseListResponse } from '@phoi-hop/contracts';
import { DataSource } from 'typeorm';
import { CASE_WIDE_ROLES, hasAnyRole, mayReadRestricted, maySeeCase } from '@phoi-hop/auth';
import { appendAudit } from '@phoi-hop/persistence';
import { CaseError } from './case.errors';
import { isRestrictedAction, toCaseDto } from './case.mapper';
import { CaseRepository } from './case.repository';

/** Reads of cases, each filtered by who may see it: reporters, participants, leadership. */
@Injectable()
export class CaseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
  ) {}

  async get(actor: Actor, id: string): Promise<CaseDto> {
    const loaded = await this.cases.loadCase(null, id);
    if (!loaded || !maySeeCase(actor, loaded.entity.visibleAgencies)) throw CaseError.notFound();
    const restricted = loaded.handling.actions.filter(isRestrictedAction);
    if (restricted.length === 0 || !mayReadRestricted(actor, 'policeReferral')) return toCaseDto(loaded);
    // A look at restricted data is on the record before it is shown (every read of restricted data is audited).
    await this.dataSource.transaction((manager) =>
      appendAudit(manager, { actor, action: 'restricted.read', targetType: 'case', targetId: id, summary: { data: 'policeReferral', actionIds: restricted.map((a) => a.id) } }),
    );
    return toCaseDto(loaded, true);
  }

  async list(actor: Actor, request: CaseListRequest): Promise<CaseListResponse> {
    const after = request.after ? decodeCursor(request.after) : undefined;
    const rows = await this.cases.list({
      agencyCode: hasAnyRole(actor, CASE_WIDE_ROLES) ? null : actor.agencyCode,
      ...(request.status ? { status: request.status } : {}),
      ...(request.categoryCode ? { categoryCode: request.categoryCode } : {}),
      limit: request.first + 1,
      ...(after ? { after } : {}),
    });
    const page = rows.slice(0, request.first);
    const edges = page.map((row) => ({
      cursor: encodeCursor(new Date(row.entity.openedAt).toISOString(), row.entity.id),
      node: toCaseDto(row),
    }));
    return { edges, hasNextPage: rows.length > request.first, endCursor: edges.at(-1)?.cursor ?? null };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(openedAt: string, id: string): string {
  return Buffer.from(`${openedAt}|${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { openedAt: string; id: string } {
  const [openedAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!openedAt || !id || !UUID.test(id) || Number.isNaN(Date.parse(openedAt))) {
    throw CaseError.badInput('after', 'after is not a cursor of this list');
  }
  return { openedAt, id };
}
