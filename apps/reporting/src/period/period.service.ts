import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  EventSubjects,
  Roles,
  type Actor,
  type ConsolidatedReportDto,
  type OpenReportPeriodRequest,
  type ReportPeriodDto,
  type ReportPeriodOpenedEvent,
  type ReportPeriodStatus,
  type ReportSectionSubmittedEvent,
  type SaveReportSectionRequest,
  type StatisticsDto,
} from '@phoi-hop/contracts';
import { OutboxRelay, appendToOutbox } from '@phoi-hop/messaging';
import { DEADLINE_SETTINGS, appendAudit, type DeadlineSettings } from '@phoi-hop/persistence';
import { PeriodError } from './period.errors';
import { PeriodRepository, toPeriodDto, type LoadedPeriod } from './period.repository';
import { checkSectionSave, checkSectionText, deadlineSchedule, pendingAgencies, validateOpening } from './period.rules';

/** The lead agency's code (Sở TT&TT, Đ7.4), the one that opens periods and consolidates. */
export const REPORT_LEAD_AGENCY = Symbol('REPORT_LEAD_AGENCY');

/**
 * The statistics a consolidated report combines with the sections. StatisticsService answers it;
 * kept as an interface so the periodic reports depend on `forPeriod` alone.
 */
export interface PeriodStatisticsSource {
  forPeriod(from: string, to: string): Promise<StatisticsDto>;
}
export const PERIOD_STATISTICS = Symbol('PERIOD_STATISTICS');

/** Who reads every section and the consolidated report: the province's leaders and auditors, and the lead agency's coordinators. */
function readsEverything(actor: Actor, lead: string): boolean {
  return actor.roles.includes(Roles.LEADER) || actor.roles.includes(Roles.AUDITOR) || (actor.roles.includes(Roles.COORDINATOR) && actor.agencyCode === lead);
}

/**
 * Periodic reports (Đ7.3–7.4): the lead agency opens a period with a deadline, each agency named
 * writes its section (drafts, then a submission; every version kept), the scheduler reminds and
 * escalates, and the consolidated report joins the submitted sections with the period's statistics.
 */
@Injectable()
export class PeriodService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly periods: PeriodRepository,
    private readonly relay: OutboxRelay,
    @Inject(DEADLINE_SETTINGS) private readonly settings: DeadlineSettings,
    @Inject(REPORT_LEAD_AGENCY) private readonly leadAgency: string,
    @Inject(PERIOD_STATISTICS) private readonly statistics: PeriodStatisticsSource,
  ) {}

  async open(actor: Actor, request: OpenReportPeriodRequest): Promise<ReportPeriodDto> {
    if (!actor.roles.includes(Roles.COORDINATOR) || actor.agencyCode !== this.leadAgency) {
      throw PeriodError.forbidden('Only the lead agency’s coordinators open a report period (Đ7.4)');
    }
    const now = new Date();
    const { deadline, agencyCodes, title } = validateOpening(request, now);
    const id = randomUUID();
    const dto = await this.dataSource.transaction(async (manager) => {
      await this.periods.insert(
        manager,
        {
          id,
          kind: request.kind,
          title,
          from: request.from,
          to: request.to,
          deadline,
          openedAt: now,
          openedBy: actor.userId,
          openedByAgency: actor.agencyCode,
        },
        agencyCodes,
      );
      for (const due of deadlineSchedule(deadline, now, this.settings.reminderLeadMs)) {
        await this.periods.insertDeadline(manager, randomUUID(), id, due.kind, due.dueAt);
      }
      await appendToOutbox<ReportPeriodOpenedEvent>(manager, [
        {
          subject: EventSubjects.reporting.periodOpened,
          aggregateId: id,
          visibleTo: [...new Set([this.leadAgency, ...agencyCodes])],
          data: { periodId: id, kind: request.kind, from: request.from, to: request.to, deadline: deadline.toISOString(), agencyCodes },
        },
      ]);
      await appendAudit(manager, {
        actor,
        action: 'reporting.period-opened',
        targetType: 'report_period',
        targetId: id,
        summary: { kind: request.kind, from: request.from, to: request.to, deadline: deadline.toISOString(), agencyCodes },
      });
      return toPeriodDto((await this.periods.load(manager, id))!);
    });
    this.relay.kick();
    return dto;
  }

  async get(actor: Actor, id: string): Promise<ReportPeriodDto> {
    const loaded = await this.periods.load(this.dataSource.manager, id);
    return this.view(actor, loaded);
  }

  async list(actor: Actor, status: ReportPeriodStatus | null): Promise<ReportPeriodDto[]> {
    const everything = readsEverything(actor, this.leadAgency);
    const ids = await this.periods.list(this.dataSource.manager, status, everything ? null : actor.agencyCode);
    const out: ReportPeriodDto[] = [];
    for (const id of ids) out.push(this.view(actor, await this.periods.load(this.dataSource.manager, id)));
    return out;
  }

  /** Đ7.3: the agency's section; a draft stays the agency's own until it is submitted. */
  async saveSection(actor: Actor, request: SaveReportSectionRequest): Promise<ReportPeriodDto> {
    const now = new Date();
    const dto = await this.dataSource.transaction(async (manager) => {
      const loaded = await this.periods.load(manager, request.periodId, true);
      if (!loaded) throw PeriodError.notFound();
      const section = loaded.sections.find((s) => s.agency_code === actor.agencyCode) ?? null;
      if (!section && !readsEverything(actor, this.leadAgency)) throw PeriodError.notFound();
      const { late } = checkSectionSave(
        { periodStatus: loaded.row.status, deadline: loaded.row.deadline, sectionStatus: section?.status ?? null },
        request.submit,
        now,
      );
      checkSectionText(request, request.submit);
      const version = loaded.versions.filter((v) => v.agency_code === actor.agencyCode).reduce((max, v) => Math.max(max, v.version), 0) + 1;
      const status = request.submit ? 'SUBMITTED' : 'DRAFT';
      await this.periods.saveVersion(manager, {
        period_id: loaded.row.id,
        agency_code: actor.agencyCode,
        version,
        status,
        accomplishments: request.accomplishments,
        difficulties: request.difficulties,
        proposals: request.proposals,
        saved_at: now,
        saved_by: actor.userId,
        late,
      });
      if (request.submit) {
        await appendToOutbox<ReportSectionSubmittedEvent>(manager, [
          {
            subject: EventSubjects.reporting.sectionSubmitted,
            aggregateId: loaded.row.id,
            visibleTo: [...new Set([this.leadAgency, actor.agencyCode])],
            data: { periodId: loaded.row.id, agencyCode: actor.agencyCode, version, late },
          },
        ]);
      }
      await appendAudit(manager, {
        actor,
        action: request.submit ? 'reporting.section-submitted' : 'reporting.section-drafted',
        targetType: 'report_period',
        targetId: loaded.row.id,
        summary: { agencyCode: actor.agencyCode, version, late },
      });
      return this.view(actor, await this.periods.load(manager, loaded.row.id));
    });
    this.relay.kick();
    return dto;
  }

  /** The lead agency closes the period when the consolidated report is issued: no more sections, no more reminders. */
  async close(actor: Actor, periodId: string): Promise<ReportPeriodDto> {
    if (!actor.roles.includes(Roles.COORDINATOR) || actor.agencyCode !== this.leadAgency) {
      throw PeriodError.forbidden('Only the lead agency’s coordinators close a report period');
    }
    return this.dataSource.transaction(async (manager) => {
      const loaded = await this.periods.load(manager, periodId, true);
      if (!loaded) throw PeriodError.notFound();
      if (loaded.row.status !== 'OPEN') throw PeriodError.invalidState('The report period is already closed');
      const now = new Date();
      await this.periods.close(manager, periodId, now);
      await this.periods.cancelDeadlines(manager, periodId);
      await appendAudit(manager, {
        actor,
        action: 'reporting.period-closed',
        targetType: 'report_period',
        targetId: periodId,
        summary: { missing: pendingAgencies(loaded.sections.map((s) => ({ agencyCode: s.agency_code, status: s.status }))) },
      });
      return toPeriodDto((await this.periods.load(manager, periodId))!);
    });
  }

  /**
   * What the consolidated report says: the submitted sections (their latest submitted version),
   * the agencies still missing, and the statistics of the period.
   */
  async consolidated(actor: Actor, periodId: string): Promise<ConsolidatedReportDto> {
    if (!readsEverything(actor, this.leadAgency)) throw PeriodError.forbidden('The consolidated report is for the lead agency, leaders and auditors');
    const loaded = await this.periods.load(this.dataSource.manager, periodId);
    if (!loaded) throw PeriodError.notFound();
    const period = toPeriodDto(submittedOnly(loaded));
    const statistics = await this.statistics.forPeriod(period.from, period.to);
    const missingAgencyCodes = pendingAgencies(loaded.sections.map((s) => ({ agencyCode: s.agency_code, status: s.status })));
    return { period, statistics, missingAgencyCodes };
  }

  private view(actor: Actor, loaded: LoadedPeriod | null): ReportPeriodDto {
    if (!loaded) throw PeriodError.notFound();
    if (readsEverything(actor, this.leadAgency)) return toPeriodDto(submittedOrOwn(loaded, actor.agencyCode));
    if (!loaded.sections.some((s) => s.agency_code === actor.agencyCode)) throw PeriodError.notFound();
    return toPeriodDto(loaded, (agencyCode) => agencyCode === actor.agencyCode);
  }
}

/** Other agencies' drafts stay theirs: readers of every section see the submitted versions only (and their own agency's drafts). */
function submittedOrOwn(loaded: LoadedPeriod, ownAgency: string): LoadedPeriod {
  return { ...loaded, versions: loaded.versions.filter((v) => v.status === 'SUBMITTED' || v.agency_code === ownAgency) };
}

function submittedOnly(loaded: LoadedPeriod): LoadedPeriod {
  return {
    ...loaded,
    sections: loaded.sections.filter((s) => s.status === 'SUBMITTED'),
    versions: loaded.versions.filter((v) => v.status === 'SUBMITTED'),
  };
}
