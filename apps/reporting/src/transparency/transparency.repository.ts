import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventSubjects, PRESS_EVENT_SUBJECT_PREFIX } from '@phoi-hop/contracts';
import type { Fact } from './transparency.rules';

/** The province's offset: periods are province days. */
const PROVINCE_OFFSET = '+07:00';

interface FactRow {
  subject: string;
  occurred_at: Date;
  data: Record<string, unknown>;
  case_id: string | null;
}

const DECIDED = EventSubjects.intake.caseDecided;

const toFact = (row: FactRow): Fact => ({ subject: row.subject, occurredAt: row.occurred_at.toISOString(), data: row.data });

/** The facts the transparency report counts, read from the read models' fact table (every event applied). */
@Injectable()
export class TransparencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  async facts(from: string, to: string): Promise<{ decided: Fact[]; updates: Fact[]; press: Fact[] }> {
    const start = `${from}T00:00:00${PROVINCE_OFFSET}`;
    const end = `${to}T24:00:00${PROVINCE_OFFSET}`;
    // The subjects are written out as the partial index rm_fact_transparency_idx names them, so every plan can use it.
    const decided: FactRow[] = await this.dataSource.query(
      `SELECT subject, occurred_at, data, case_id FROM rm_fact WHERE subject = '${DECIDED}' AND occurred_at >= $1 AND occurred_at < $2`,
      [start, end],
    );
    const caseIds = [...new Set(decided.map((d) => d.case_id).filter((id): id is string => id !== null))];
    const updates: FactRow[] = caseIds.length
      ? await this.dataSource.query(`SELECT subject, occurred_at, data, case_id FROM rm_fact WHERE subject = $1 AND case_id = ANY($2::uuid[])`, [
          EventSubjects.intake.actionUpdated,
          caseIds,
        ])
      : [];
    const press: FactRow[] = await this.dataSource.query(
      `SELECT subject, occurred_at, data, case_id FROM rm_fact WHERE starts_with(subject, '${PRESS_EVENT_SUBJECT_PREFIX}') AND occurred_at >= $1 AND occurred_at < $2`,
      [start, end],
    );
    return { decided: decided.map(toFact), updates: updates.map(toFact), press: press.map(toFact) };
  }
}
