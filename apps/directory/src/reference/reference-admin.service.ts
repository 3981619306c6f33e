import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DomainError,
  ErrorCodes,
  EventSubjects,
  REFERENCE_CODE_PATTERN,
  Severities,
  provinceDay,
  type Actor,
  type EditReferenceRequest,
  type ReferenceChangedEvent,
  type ReferenceHistoryRequest,
  type ReferenceRevisionDto,
  type Severity,
} from '@phoi-hop/contracts';
import { OutboxRelay, appendToOutbox } from '@phoi-hop/messaging';
import { appendAudit } from '@phoi-hop/persistence';
import { AgencyEntity } from '../agency/agency.entity';
import { RoutingService } from '../routing/routing.service';
import { validateSeed } from '../seed/seed-loader';
import type { ProvinceSeed, SeedAgency, SeedPressRule, SeedPublicHoliday } from '../seed/seed.types';
import { checkpointsFrom, referenceStateOn, type ReferenceKind, type ReferenceRevision } from './reference-state';
import { ReferenceRepository } from './reference.repository';

const bad = (message: string, field: string) => new DomainError(ErrorCodes.BAD_USER_INPUT, message, field);

/** The seed file whose entries a kind's records look like, for error messages. */
const FILE_OF: Record<ReferenceKind, string> = {
  AGENCY: 'agencies.json',
  LOCALITY: 'localities.json',
  SECTOR: 'sectors.json',
  CATEGORY: 'categories.json',
  RULE: 'rules.json',
  SLA: 'province.json',
  PRESS_RULE: 'press-rules.json',
  PUBLIC_HOLIDAY: 'public-holidays.json',
};
const KEY_OF: Record<ReferenceKind, string> = {
  AGENCY: 'code',
  LOCALITY: 'code',
  SECTOR: 'code',
  CATEGORY: 'code',
  RULE: 'id',
  SLA: 'severity',
  PRESS_RULE: 'code',
  PUBLIC_HOLIDAY: 'day',
};
/** Kinds written to their own tables at once (their revisions are history): they carry their own days, or are versioned there. */
const IN_BASE: ReadonlySet<ReferenceKind> = new Set(['AGENCY', 'SLA', 'PRESS_RULE', 'PUBLIC_HOLIDAY']);
/** A press rule says itself when it is in force (effectiveFrom/effectiveTo, successorCode), and a holiday is its own day. */
const OWN_DAYS: ReadonlySet<ReferenceKind> = new Set(['PRESS_RULE', 'PUBLIC_HOLIDAY']);
const PRESS_RULE_FIELDS = ['code', 'ruleSet', 'article', 'title', 'text', 'source', 'effectiveFrom', 'effectiveTo', 'successorCode', 'needsReview'];
const HOLIDAY_FIELDS = ['day', 'name', 'needsReview'];
const MAX_SLA_HOURS = 24 * 90;

const isCalendarDay = (day: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;

/**
 * Administrators' edits of reference data and rules. Every edit is a version in force from a day
 * (today or later: history is not rewritten), checked with the same validation as a seed folder
 * on that day and on every later day an edit already waits for, audited, and announced.
 */
@Injectable()
export class ReferenceAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly references: ReferenceRepository,
    private readonly routing: RoutingService,
    private readonly relay: OutboxRelay,
  ) {}

  async edit(actor: Actor, request: EditReferenceRequest): Promise<ReferenceRevisionDto> {
    const today = provinceDay();
    const validFrom = request.validFrom ?? today;
    if (!isCalendarDay(validFrom)) throw bad('validFrom is not a calendar day', 'validFrom');
    if (validFrom < today) throw bad(`validFrom ${validFrom} is in the past: an edit takes effect from today (${today}) or later`, 'validFrom');
    if (request.retire && request.record) throw bad('Give either a record or retire, not both', 'retire');
    if (!request.retire && !request.record) throw bad('Give the record in force from validFrom, or retire', 'record');
    if (request.retire && (request.kind === 'SLA' || request.kind === 'AGENCY' || request.kind === 'PRESS_RULE')) {
      throw bad(
        request.kind === 'SLA'
          ? 'Every severity needs an SLA; give a new one instead'
          : request.kind === 'AGENCY'
            ? 'Agencies are retired by reorganizeAgencies (with their successor)'
            : 'Rulings cite press rules: end one with effectiveTo (and its successorCode) instead',
        'retire',
      );
    }
    this.checkCode(request.kind, request.code, today);
    if (OWN_DAYS.has(request.kind) && validFrom !== today)
      throw bad(
        `A ${request.kind === 'PRESS_RULE' ? 'press rule is in force from its effectiveFrom to its effectiveTo' : 'public holiday is its own day'}: its edit takes effect today (${today}); leave validFrom out`,
        'validFrom',
      );
    const record = request.retire ? null : this.normalise(request.kind, request.code, request.record!);

    const result = await this.dataSource.transaction(async (manager) => {
      // One edit at a time: each is checked against the data as the last one left it.
      await this.references.lockEdits(manager);
      // Kinds with their own days keep every edit as history: a mistake of the morning is put right the same day.
      const taken = OWN_DAYS.has(request.kind) ? null : await this.references.revisionIdOn(manager, request.kind, request.code, validFrom);
      if (taken !== null)
        throw new DomainError(
          ErrorCodes.CONFLICT,
          `A version of ${request.kind} ${request.code} already takes effect on ${validFrom} (revision ${taken})`,
          'validFrom',
        );
      const revisions = await this.references.loadRevisions(manager);
      const base = await this.references.loadBase(manager, validFrom);
      const before = this.current(referenceStateOn(base, revisions, validFrom), request.kind, request.code);
      if (request.retire && !before) throw new DomainError(ErrorCodes.NOT_FOUND, `No ${request.kind} ${request.code} in force on ${validFrom}`, 'code');

      const inBase = IN_BASE.has(request.kind);
      const candidate: ReferenceRevision = { id: Number.MAX_SAFE_INTEGER, kind: request.kind, code: request.code, validFrom, record, inBase };
      const withEdit = (seed: ProvinceSeed): ProvinceSeed => {
        if (request.kind === 'AGENCY') return { ...seed, agencies: [...seed.agencies.filter((a) => a.code !== request.code), record as unknown as SeedAgency] };
        if (request.kind === 'SLA') return { ...seed, province: { ...seed.province, sla: { ...seed.province.sla, [request.code]: record } } };
        if (request.kind === 'PRESS_RULE')
          return { ...seed, pressRules: [...(seed.pressRules ?? []).filter((r) => r.code !== request.code), record as unknown as SeedPressRule] };
        if (request.kind === 'PUBLIC_HOLIDAY') {
          const others = (seed.publicHolidays ?? []).filter((h) => h.day !== request.code);
          return { ...seed, publicHolidays: record ? [...others, record as unknown as SeedPublicHoliday] : others };
        }
        return seed;
      };
      // Consistent on its first day and on every later day another edit already waits for.
      for (const day of checkpointsFrom(revisions, validFrom)) {
        const state = withEdit(referenceStateOn(base, [...revisions, candidate], day));
        const issues = validateSeed(state);
        if (issues.length) {
          const first = issues[0]!;
          const list = issues
            .slice(0, 5)
            .map((i) => `${i.file}${i.path}: ${i.message}`)
            .join('; ');
          throw bad(
            `The ${request.kind} would leave the reference data inconsistent on ${day}: ${list}`,
            first.file === FILE_OF[request.kind] ? 'record' : 'code',
          );
        }
      }

      if (request.kind === 'AGENCY') await this.writeAgency(manager, record as unknown as SeedAgency);
      if (request.kind === 'SLA') {
        const sla = record as { triageHours: number; decisionHours: number; consultationHours?: number };
        await this.references.insertSlaPolicy(manager, request.code, validFrom, sla);
      }
      if (request.kind === 'PRESS_RULE') await this.references.upsertPressRule(manager, record as unknown as Required<SeedPressRule>);
      if (request.kind === 'PUBLIC_HOLIDAY') {
        if (record) await this.references.upsertPublicHoliday(manager, record as unknown as Required<SeedPublicHoliday>);
        else await this.references.deletePublicHoliday(manager, request.code);
      }
      const row = await this.references.insertRevision(manager, {
        kind: request.kind,
        code: request.code,
        validFrom,
        record,
        inBase,
        reason: request.reason.trim(),
        actorUser: actor.userId,
        actorAgency: actor.agencyCode,
      });
      await appendToOutbox<ReferenceChangedEvent>(manager, [
        {
          subject: EventSubjects.directory.referenceChanged,
          aggregateId: request.code,
          visibleTo: [],
          data: { revisionId: row.id, kind: request.kind, code: request.code, validFrom },
        },
      ]);
      await appendAudit(manager, {
        actor,
        action: `reference.${request.retire ? 'retired' : 'edited'}`,
        targetType: request.kind.toLowerCase(),
        targetId: request.code,
        summary: { revisionId: row.id, validFrom, before, after: record, reason: request.reason.trim() },
      });
      return {
        id: row.id,
        kind: request.kind,
        code: request.code,
        validFrom,
        record,
        reason: request.reason.trim(),
        actorAgency: actor.agencyCode,
        createdAt: row.created_at.toISOString(),
      };
    });
    this.routing.changed();
    this.relay.kick();
    return result;
  }

  async history(request: ReferenceHistoryRequest): Promise<ReferenceRevisionDto[]> {
    const rows = await this.references.historyOf(request.kind, request.code);
    return rows.map((r) => ({
      id: r.id,
      kind: request.kind,
      code: request.code,
      validFrom: r.valid_from,
      record: r.record,
      reason: r.reason,
      actorAgency: r.actor_agency,
      createdAt: r.created_at.toISOString(),
    }));
  }

  /**
   * The code names a record of its kind: a public holiday's is a calendar day not yet past (the
   * working days already counted over the days before stand); every other kind's is an upper-case code.
   */
  private checkCode(kind: ReferenceKind, code: string, today: string): void {
    if (kind !== 'PUBLIC_HOLIDAY') {
      if (!REFERENCE_CODE_PATTERN.test(code)) throw bad(`code must be an upper-case code such as D6_2_POLICE or LE_THUY`, 'code');
      return;
    }
    if (!isCalendarDay(code)) throw bad(`A public holiday's code is its day (YYYY-MM-DD): ${code} is not a calendar day`, 'code');
    if (code < today) throw bad(`${code} is past: the working days counted over it stand; a holiday is added or removed from today (${today}) on`, 'code');
  }

  /** The record as the seed file would hold it, keyed by the code it is edited under. */
  private normalise(kind: ReferenceKind, code: string, record: Record<string, unknown>): Record<string, unknown> {
    if (JSON.stringify(record).length > 50_000) throw bad('record is too large', 'record');
    if (kind === 'SLA') {
      if (!Severities.includes(code as Severity)) throw bad(`${code} is not a severity (${Severities.join(', ')})`, 'code');
      const { triageHours, decisionHours, consultationHours, ...rest } = record;
      if (Object.keys(rest).length) throw bad(`Unknown SLA fields: ${Object.keys(rest).join(', ')}`, 'record');
      for (const [name, value] of [
        ['triageHours', triageHours],
        ['decisionHours', decisionHours],
        ['consultationHours', consultationHours ?? 1],
      ] as const) {
        if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_SLA_HOURS)
          throw bad(`${name} must be a number of hours between 0 and ${MAX_SLA_HOURS}`, `record.${name}`);
      }
      return { triageHours, decisionHours, ...(consultationHours !== undefined ? { consultationHours } : {}) };
    }
    const key = KEY_OF[kind];
    if (record[key] !== undefined && record[key] !== code) throw bad(`record.${key} must be the code edited (${code})`, `record.${key}`);
    if (kind === 'PRESS_RULE' || kind === 'PUBLIC_HOLIDAY') {
      // Stored column by column: a field the table has no place for would be lost silently.
      const fields = kind === 'PRESS_RULE' ? PRESS_RULE_FIELDS : HOLIDAY_FIELDS;
      const unknown = Object.keys(record).filter((name) => !fields.includes(name));
      if (unknown.length) throw bad(`Unknown ${kind === 'PRESS_RULE' ? 'press rule' : 'public holiday'} fields: ${unknown.join(', ')}`, 'record');
      const defaults = kind === 'PRESS_RULE' ? { effectiveTo: null, successorCode: null, needsReview: false } : { needsReview: false };
      return { ...defaults, ...record, [key]: code };
    }
    return { ...record, [key]: code };
  }

  private current(state: ProvinceSeed, kind: ReferenceKind, code: string): unknown {
    switch (kind) {
      case 'AGENCY':
        return state.agencies.find((a) => a.code === code) ?? null;
      case 'LOCALITY':
        return state.localities.find((l) => l.code === code) ?? null;
      case 'SECTOR':
        return state.sectors.find((s) => s.code === code) ?? null;
      case 'CATEGORY':
        return state.categories.find((c) => c.code === code) ?? null;
      case 'RULE':
        return state.rules.find((r) => r.id === code) ?? null;
      case 'SLA':
        return state.province.sla[code as Severity] ?? null;
      case 'PRESS_RULE':
        return state.pressRules?.find((r) => r.code === code) ?? null;
      case 'PUBLIC_HOLIDAY':
        return state.publicHolidays?.find((h) => h.day === code) ?? null;
    }
  }

  private async writeAgency(manager: EntityManager, agency: SeedAgency): Promise<void> {
    await manager.upsert(
      AgencyEntity,
      {
        code: agency.code,
        name: agency.name,
        shortName: agency.shortName ?? null,
        kind: agency.kind,
        parentCode: agency.parentCode,
        localityCode: agency.localityCode,
        validFrom: agency.validFrom,
        validTo: agency.validTo,
        successorCode: agency.successorCode,
        contacts: agency.contacts ?? {},
      },
      ['code'],
    );
  }
}
