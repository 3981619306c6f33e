import { Injectable } from '@nestjs/common';
import { isCalendarDay, type TransparencyReportDto } from '@phoi-hop/contracts';
import { ReferenceNamesReader } from '../document/reference-names.reader';
import { PeriodError } from '../period/period.errors';
import { TransparencyRepository } from './transparency.repository';
import { transparencyReport } from './transparency.rules';

/**
 * The public transparency report (DSA Art. 15/24, Santa Clara Principles): aggregate figures of a
 * period with small counts suppressed. Public: no actor is needed, nothing in it names a case.
 */
@Injectable()
export class TransparencyService {
  constructor(
    private readonly facts: TransparencyRepository,
    private readonly names: ReferenceNamesReader,
  ) {}

  async report(from: string, to: string): Promise<TransparencyReportDto> {
    if (!isCalendarDay(from)) throw PeriodError.badInput('from', 'from must be a day (YYYY-MM-DD)');
    if (!isCalendarDay(to)) throw PeriodError.badInput('to', 'to must be a day (YYYY-MM-DD)');
    if (to < from) throw PeriodError.badInput('to', 'to must not be before from');
    if (Date.parse(to) - Date.parse(from) > 731 * 86_400_000) throw PeriodError.badInput('to', 'A transparency report covers at most two years');
    const [{ decided, updates, press }, names] = await Promise.all([this.facts.facts(from, to), this.names.names({ asService: true })]);
    return transparencyReport(from, to, decided, updates, press, new Date(), names.provisions);
  }
}
