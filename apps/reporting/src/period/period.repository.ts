import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  ReportPeriodDto,
  ReportPeriodKind,
  ReportPeriodStatus,
  ReportSectionDto,
  ReportSectionStatus,
  ReportSectionVersionDto,
} from '@phoi-hop/contracts';
import { queryRows } from '@phoi-hop/persistence';

export interface PeriodRow {
  id: string;
  kind: ReportPeriodKind;
  title: string;
  period_from: string;
  period_to: string;
  deadline: Date;
  status: ReportPeriodStatus;
  opened_at: Date;
  opened_by: string;
  opened_by_agency: string;
  closed_at: Date | null;
}

export interface SectionRow {
  period_id: string;
  agency_code: string;
  status: ReportSectionStatus;
  submitted_at: Date | null;
  reminded_at: Date | null;
  escalated_at: Date | null;
}

export interface SectionVersionRow {
  period_id: string;
  agency_code: string;
  version: number;
  status: 'DRAFT' | 'SUBMITTED';
  accomplishments: string;
  difficulties: string;
  proposals: string;
  saved_at: Date;
  saved_by: string;
  late: boolean;
}

export interface LoadedPeriod {
  row: PeriodRow;
  sections: SectionRow[];
  versions: SectionVersionRow[];
}

export interface NewPeriod {
  id: string;
  kind: ReportPeriodKind;
  title: string;
  from: string;
  to: string;
  deadline: Date;
  openedAt: Date;
  openedBy: string;
  openedByAgency: string;
}

const PERIOD_COLUMNS = `id, kind, title, period_from::text AS period_from, period_to::text AS period_to, deadline, status, opened_at, opened_by, opened_by_agency, closed_at`;

/** Every read and write of report periods, their sections and deadlines. */
@Injectable()
export class PeriodRepository {
  async insert(manager: EntityManager, period: NewPeriod, agencyCodes: readonly string[]): Promise<void> {
    await manager.query(
      `INSERT INTO report_period (id, kind, title, period_from, period_to, deadline, opened_at, opened_by, opened_by_agency)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [period.id, period.kind, period.title, period.from, period.to, period.deadline, period.openedAt, period.openedBy, period.openedByAgency],
    );
    await manager.query(`INSERT INTO report_section (period_id, agency_code) SELECT $1, unnest($2::text[])`, [period.id, agencyCodes]);
  }

  async insertDeadline(manager: EntityManager, id: string, periodId: string, kind: 'REMINDER' | 'ESCALATION', dueAt: Date): Promise<void> {
    await manager.query(`INSERT INTO report_period_deadline (id, period_id, kind, due_at) VALUES ($1, $2, $3, $4)`, [id, periodId, kind, dueAt]);
  }

  async cancelDeadlines(manager: EntityManager, periodId: string): Promise<void> {
    await manager.query(`UPDATE report_period_deadline SET cancelled_at = now() WHERE period_id = $1 AND fired_at IS NULL AND cancelled_at IS NULL`, [
      periodId,
    ]);
  }

  /** The period with its sections and versions; `lock` takes the period's row for the transaction. */
  async load(manager: EntityManager, id: string, lock = false): Promise<LoadedPeriod | null> {
    const [row] = await queryRows<PeriodRow>(manager, `SELECT ${PERIOD_COLUMNS} FROM report_period WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    if (!row) return null;
    const sections = await queryRows<SectionRow>(manager, `SELECT * FROM report_section WHERE period_id = $1 ORDER BY agency_code`, [id]);
    const versions = await queryRows<SectionVersionRow>(manager, `SELECT * FROM report_section_version WHERE period_id = $1 ORDER BY agency_code, version`, [
      id,
    ]);
    return { row, sections, versions };
  }

  /** Periods newest first; `agencyCode` keeps those the agency reports in. */
  async list(manager: EntityManager, status: ReportPeriodStatus | null, agencyCode: string | null): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `SELECT p.id FROM report_period p
        WHERE ($1::text IS NULL OR p.status = $1)
          AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM report_section s WHERE s.period_id = p.id AND s.agency_code = $2))
        ORDER BY p.opened_at DESC LIMIT 200`,
      [status, agencyCode],
    );
    return rows.map((r) => r.id);
  }

  async saveVersion(manager: EntityManager, version: Omit<SectionVersionRow, 'saved_at'> & { saved_at: Date }): Promise<void> {
    await manager.query(
      `INSERT INTO report_section_version (period_id, agency_code, version, status, accomplishments, difficulties, proposals, saved_at, saved_by, late)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        version.period_id,
        version.agency_code,
        version.version,
        version.status,
        version.accomplishments,
        version.difficulties,
        version.proposals,
        version.saved_at,
        version.saved_by,
        version.late,
      ],
    );
    await manager.query(
      `UPDATE report_section SET status = $3, submitted_at = CASE WHEN $3 = 'SUBMITTED' THEN $4 ELSE submitted_at END
        WHERE period_id = $1 AND agency_code = $2`,
      [version.period_id, version.agency_code, version.status, version.saved_at],
    );
  }

  async close(manager: EntityManager, periodId: string, at: Date): Promise<void> {
    await manager.query(`UPDATE report_period SET status = 'CLOSED', closed_at = $2 WHERE id = $1`, [periodId, at]);
  }

  /** The period's status and deadline, locked while a reminder or an escalation of it fires. */
  async lockForDeadline(manager: EntityManager, periodId: string): Promise<{ status: string; deadline: Date } | null> {
    const [period] = await queryRows<{ status: string; deadline: Date }>(manager, `SELECT status, deadline FROM report_period WHERE id = $1 FOR UPDATE`, [
      periodId,
    ]);
    return period ?? null;
  }

  /** The agencies whose section of the period is not submitted yet, by code. */
  async pendingAgencies(manager: EntityManager, periodId: string): Promise<string[]> {
    const rows = await queryRows<{ agency_code: string }>(
      manager,
      `SELECT agency_code FROM report_section WHERE period_id = $1 AND status <> 'SUBMITTED' ORDER BY agency_code`,
      [periodId],
    );
    return rows.map((r) => r.agency_code);
  }

  async markReminded(manager: EntityManager, periodId: string, agencyCodes: readonly string[]): Promise<void> {
    await manager.query(`UPDATE report_section SET reminded_at = now() WHERE period_id = $1 AND agency_code = ANY($2::text[])`, [periodId, agencyCodes]);
  }

  async markEscalated(manager: EntityManager, periodId: string, agencyCodes: readonly string[]): Promise<void> {
    await manager.query(`UPDATE report_section SET escalated_at = now() WHERE period_id = $1 AND agency_code = ANY($2::text[])`, [periodId, agencyCodes]);
  }
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

function toVersionDto(row: SectionVersionRow): ReportSectionVersionDto {
  return {
    version: row.version,
    status: row.status,
    accomplishments: row.accomplishments,
    difficulties: row.difficulties,
    proposals: row.proposals,
    savedAt: row.saved_at.toISOString(),
    savedBy: row.saved_by,
    late: row.late,
  };
}

/**
 * The period as a contract DTO. `sectionsFor` narrows the sections shown: the lead agency and
 * readers of the consolidated report see every one, an agency its own.
 */
export function toPeriodDto(loaded: LoadedPeriod, sectionsFor: ((agencyCode: string) => boolean) | null = null): ReportPeriodDto {
  const sections: ReportSectionDto[] = loaded.sections
    .filter((s) => !sectionsFor || sectionsFor(s.agency_code))
    .map((s) => {
      const versions = loaded.versions.filter((v) => v.agency_code === s.agency_code).map(toVersionDto);
      return {
        agencyCode: s.agency_code,
        status: s.status,
        current: versions.at(-1) ?? null,
        submittedAt: iso(s.submitted_at),
        remindedAt: iso(s.reminded_at),
        escalatedAt: iso(s.escalated_at),
        versions,
      };
    });
  const { row } = loaded;
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    from: row.period_from,
    to: row.period_to,
    deadline: row.deadline.toISOString(),
    status: row.status,
    openedAt: row.opened_at.toISOString(),
    openedBy: row.opened_by,
    openedByAgency: row.opened_by_agency,
    closedAt: iso(row.closed_at),
    sections,
  };
}
