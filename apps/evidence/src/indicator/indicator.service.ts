import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, AddContentIndicatorRequest, ContentIndicatorDto, RemoveContentIndicatorRequest } from '@phoi-hop/contracts';
import { mayReadEvidenceContent, maySeeCase } from '@phoi-hop/auth';
import { appendAudit } from '@phoi-hop/persistence';
import { CaseAccess } from '../item/case-access';
import { EvidenceError } from '../item/evidence.errors';
import { ItemRepository } from '../item/item.repository';
import { IndicatorRepository, type IndicatorRow } from './indicator.repository';
import { normalizeIndicator } from './indicator.rules';

/**
 * Indicators printed in published content (a scam link's domain, a phone number or account number
 * shown in a post), as each item showed them, linking the cases that show the same normalised
 * indicator: fraud rings reuse them. Restricted like the content they come from (the capturing
 * agency, coordinators, investigators), every read audited, and never resolved to a person. The
 * audit log names an indicator by id and kind, never by its value, so a purge leaves no copy of it.
 */
@Injectable()
export class IndicatorService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseAccess,
    private readonly items: ItemRepository,
    private readonly indicators: IndicatorRepository,
  ) {}

  async forCase(actor: Actor, caseId: string): Promise<ContentIndicatorDto[]> {
    await this.cases.visibleCase(caseId);
    const readable = (row: IndicatorRow) => mayReadEvidenceContent(actor, row.captured_by_agency);
    const own = (await this.indicators.forCase(this.dataSource.manager, caseId)).filter(readable);
    if (!own.length) return [];
    const everywhere = await this.indicators.occurrencesOf(
      this.dataSource.manager,
      own.map((r) => ({ kind: r.kind, normalized: r.normalized_value })),
    );
    const shown = everywhere.filter((r) => r.case_id === caseId || (maySeeCase(actor, r.visible_agencies) && readable(r)));
    await this.dataSource.transaction((manager) =>
      appendAudit(manager, {
        actor,
        action: 'evidence.indicators-viewed',
        targetType: 'case',
        targetId: caseId,
        summary: { caseId, indicators: own.map((r) => r.id) },
      }),
    );
    return own.map((row) =>
      toDto(
        row,
        shown.filter((r) => r.kind === row.kind && r.normalized_value === row.normalized_value),
      ),
    );
  }

  /** An officer records an indicator the item shows (e.g. an account number in a screenshot). */
  async add(actor: Actor, request: AddContentIndicatorRequest): Promise<ContentIndicatorDto> {
    const item = await this.readableItem(actor, request.itemId);
    const normal = normalizeIndicator(request.kind, request.value);
    if (!normal.ok) throw EvidenceError.badInput('value', normal.reason);
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      const inserted = await this.indicators.insert(manager, {
        id,
        kind: request.kind,
        value: request.value.trim(),
        normalized: normal.normalized,
        caseId: item.case_id,
        itemId: item.id,
        addedBy: actor.userId,
        addedByAgency: actor.agencyCode,
        addedAt: new Date(),
      });
      if (!inserted) throw EvidenceError.conflict('The item already shows this indicator', 'value');
      await appendAudit(manager, {
        actor,
        action: 'evidence.indicator-added',
        targetType: 'content-indicator',
        targetId: id,
        summary: { caseId: item.case_id, itemId: item.id, kind: request.kind },
      });
    });
    return this.withLinks(actor, (await this.indicators.load(this.dataSource.manager, id))!);
  }

  /** An indicator recorded by mistake is removed, with the reason, in the custody log. */
  async remove(actor: Actor, request: RemoveContentIndicatorRequest): Promise<ContentIndicatorDto> {
    const found = await this.indicators.load(this.dataSource.manager, request.indicatorId);
    if (!found) throw EvidenceError.notFound('indicatorId', 'Indicator');
    await this.readableItem(actor, found.item_id, 'indicatorId');
    return this.dataSource.transaction(async (manager) => {
      const row = await this.indicators.load(manager, request.indicatorId, true);
      if (!row) throw EvidenceError.notFound('indicatorId', 'Indicator');
      await this.indicators.delete(manager, row.id);
      await appendAudit(manager, {
        actor,
        action: 'evidence.indicator-removed',
        targetType: 'content-indicator',
        targetId: row.id,
        summary: { caseId: row.case_id, itemId: row.item_id, kind: row.kind, origin: row.origin, reason: request.reason },
      });
      return toDto(row, [row]);
    });
  }

  private async withLinks(actor: Actor, row: IndicatorRow): Promise<ContentIndicatorDto> {
    const everywhere = await this.indicators.occurrencesOf(this.dataSource.manager, [{ kind: row.kind, normalized: row.normalized_value }]);
    return toDto(
      row,
      everywhere.filter((r) => r.case_id === row.case_id || (maySeeCase(actor, r.visible_agencies) && mayReadEvidenceContent(actor, r.captured_by_agency))),
    );
  }

  /** An unpurged item on a case the caller may see, whose content the caller may read. */
  private async readableItem(actor: Actor, itemId: string, field = 'itemId') {
    const item = await this.items.load(this.dataSource.manager, itemId);
    if (!item) throw EvidenceError.notFound(field, field === 'itemId' ? 'Evidence item' : 'Indicator');
    await this.cases.visibleCase(item.row.case_id, field).catch((error: unknown) => {
      throw error instanceof EvidenceError && error.code === 'NOT_FOUND'
        ? EvidenceError.notFound(field, field === 'itemId' ? 'Evidence item' : 'Indicator')
        : error;
    });
    if (!mayReadEvidenceContent(actor, item.row.captured_by_agency))
      throw EvidenceError.forbidden('Indicators are evidence content: for the capturing agency, coordinators and investigators (Đ6.2)', field);
    if (item.row.purged_at) throw EvidenceError.invalidState('The item’s content was deleted by the retention purge', field);
    return item.row;
  }
}

/** One occurrence, with first and last seen over `occurrences` (those shown to the viewer) and the other cases among them. */
function toDto(row: IndicatorRow, occurrences: IndicatorRow[]): ContentIndicatorDto {
  const seen = occurrences.map((r) => r.seen_at.getTime());
  return {
    id: row.id,
    kind: row.kind,
    value: row.value_shown,
    normalizedValue: row.normalized_value,
    caseId: row.case_id,
    itemId: row.item_id,
    origin: row.origin,
    addedBy: row.added_by,
    addedAt: row.added_at.toISOString(),
    firstSeenAt: new Date(Math.min(...seen, row.seen_at.getTime())).toISOString(),
    lastSeenAt: new Date(Math.max(...seen, row.seen_at.getTime())).toISOString(),
    linkedCaseIds: [...new Set(occurrences.map((r) => r.case_id).filter((id) => id !== row.case_id))],
  };
}
