import { Injectable } from '@nestjs/common';
import { isCalendarDay, type TransparencyReportDto } from '@phoi-hop/contracts';
import { ReferenceNamesReader } from '../document/reference-names.reader';
import { PeriodError } from '../period/period.errors';
import { TransparencyRepository } from './transparency.repository';
import { transparencyReport } from './transparency.rules';

/** How long the provisions' citations are reused: the page is public, the directory need not answer every visit. */
const PROVISION_NAMES_MAX_AGE_MS = 10 * 60_000;

/**
 * The public transparency report (DSA Art. 15/24, Santa Clara Principles): aggregate figures of a
 * period with small counts suppressed. Public: no actor is needed, nothing in it names a case.
 */
@Injectable()
export class TransparencyService {
  private provisionNames: { loadedAt: number; names: Readonly<Record<string, string>> } | null = null;

  constructor(
    private readonly facts: TransparencyRepository,
    private readonly names: ReferenceNamesReader,
  ) {}

  async report(from: string, to: string): Promise<TransparencyReportDto> {
    if (!isCalendarDay(from)) throw PeriodError.badInput('from', 'from must be a day (YYYY-MM-DD)');
    if (!isCalendarDay(to)) throw PeriodError.badInput('to', 'to must be a day (YYYY-MM-DD)');
    if (to < from) throw PeriodError.badInput('to', 'to must not be before from');
    if (Date.parse(to) - Date.parse(from) > 731 * 86_400_000) throw PeriodError.badInput('to', 'A transparency report covers at most two years');
    const [{ decided, updates, press }, provisions] = await Promise.all([this.facts.facts(from, to), this.provisions()]);
    return transparencyReport(from, to, decided, updates, press, new Date(), provisions);
  }

  /** The citations of the provisions in force, by code; an answer without any (the directory down) is not kept. */
  private async provisions(): Promise<Readonly<Record<string, string>>> {
    if (this.provisionNames && Date.now() - this.provisionNames.loadedAt < PROVISION_NAMES_MAX_AGE_MS) return this.provisionNames.names;
    const names = (await this.names.names({ asService: true })).provisions ?? {};
    if (Object.keys(names).length) this.provisionNames = { loadedAt: Date.now(), names };
    return names;
  }
}
