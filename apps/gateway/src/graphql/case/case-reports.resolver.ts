import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ErrorCodes } from '@phoi-hop/contracts';
import type { GqlContext } from '../common/gql-context';
import { gqlError } from '../common/gql-errors';
import { CaseModel, SeveritySuggestionModel } from './case.model';
import { ReportConnectionModel } from './report.model';
import { toReportModel } from './case.mapper';

export const REPORTS_PAGE_DEFAULT = 20;
export const REPORTS_PAGE_MAX = 100;

/**
 * A case's reports and what they add up to, read only when the query selects them, batched over
 * the cases of the answer (one intake request per page size), never every report of a case.
 */
@Resolver(() => CaseModel)
export class CaseReportsResolver {
  @ResolveField(() => ReportConnectionModel, {
    description: `The reports of the case, oldest first; first: 1–${REPORTS_PAGE_MAX} (default ${REPORTS_PAGE_DEFAULT})`,
  })
  async reports(
    @Parent() kase: CaseModel,
    @Context() context: GqlContext,
    @Args('first', { type: () => Int, nullable: true, defaultValue: REPORTS_PAGE_DEFAULT }) first = REPORTS_PAGE_DEFAULT,
    @Args('after', { type: () => String, nullable: true, description: 'endCursor of the previous page' }) after?: string,
  ): Promise<ReportConnectionModel> {
    if (!Number.isInteger(first) || first < 1 || first > REPORTS_PAGE_MAX) {
      throw gqlError(ErrorCodes.BAD_USER_INPUT, `first must be between 1 and ${REPORTS_PAGE_MAX}`, 'first');
    }
    const page = await context.loaders.cases.reports(first, after ?? undefined).load(kase.id);
    return {
      edges: page.edges.map((edge) => ({ ...edge, node: toReportModel(edge.node) })),
      totalCount: page.totalCount,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }

  @ResolveField(() => Int, { description: 'How many reports the case has' })
  async reportCount(@Parent() kase: CaseModel, @Context() context: GqlContext): Promise<number> {
    return (await context.loaders.cases.stats.load(kase.id))?.reportCount ?? 0;
  }

  @ResolveField(() => SeveritySuggestionModel, { description: 'The severity triage starts from: the category default raised by reach, reports and spread' })
  async severitySuggestion(@Parent() kase: CaseModel, @Context() context: GqlContext): Promise<SeveritySuggestionModel> {
    const stats = await context.loaders.cases.stats.load(kase.id);
    return stats?.severitySuggestion ?? { severity: kase.severity, reasons: [] };
  }
}
