import { Injectable } from '@nestjs/common';
import type { StatisticsDto, StatisticsFilter } from '@phoi-hop/contracts';
import { StatisticsRepository } from './statistics.repository';
import { assembleStatistics, periodParts, scopeOf } from './statistics.rules';

/**
 * Statistics of a period from the pre-aggregated read models: cases by category, locality,
 * agency, status and outcome; timeliness; consultations; actions; removal requests; press
 * events; time per status and agency. The periodic reports call `forPeriod` too.
 */
@Injectable()
export class StatisticsService {
  constructor(private readonly statistics: StatisticsRepository) {}

  /** `from`–`to` are province days, both included; at most one filter. */
  async forPeriod(from: string, to: string, filter: StatisticsFilter = {}): Promise<StatisticsDto> {
    const scope = scopeOf(filter);
    const [rows, lastEventAt] = await Promise.all([this.statistics.sums(scope, periodParts(from, to)), this.statistics.lastEventAt()]);
    return assembleStatistics(from, to, filter, rows, lastEventAt);
  }
}
