import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ErrorCodes, RpcSubjects, type CaseDto, type CaseListResponse, type SubmitReportResponse } from '@phoi-hop/contracts';
import { RpcCallError, RpcClient } from '@phoi-hop/messaging';
import { CaseFilterInput, CASES_PAGE_DEFAULT, CASES_PAGE_MAX, SubmitReportInput } from './case.input';
import { AgencyModel, CaseConnectionModel, CaseModel, ParticipantHistoryModel, ParticipantModel, SubmitReportPayloadModel } from './case.model';
import { toCaseModel } from './case.mapper';
import { gqlError } from './gql-errors';
import { requireActor, type GqlContext } from './gql-context';

@Resolver(() => CaseModel)
export class CaseResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => CaseModel, { nullable: true, description: 'A case, or null when it does not exist or the viewer may not see it' })
  async case(@Args('id', { type: () => ID }) id: string, @Context() context: GqlContext): Promise<CaseModel | null> {
    const { token } = requireActor(context, 'case');
    try {
      return toCaseModel(await this.rpc.request<CaseDto>(RpcSubjects.intake.caseGet, { id }, { token }));
    } catch (error) {
      // Not found, not visible and not even an id all read the same: the viewer learns nothing.
      if (error instanceof RpcCallError && (error.code === ErrorCodes.NOT_FOUND || (error.code === ErrorCodes.BAD_USER_INPUT && error.field === 'id'))) {
        return null;
      }
      throw error;
    }
  }

  @Query(() => CaseConnectionModel, { description: 'Cases the viewer may see, newest first' })
  async cases(
    @Context() context: GqlContext,
    @Args('filter', { type: () => CaseFilterInput, nullable: true }) filter?: CaseFilterInput,
    @Args('first', { type: () => Int, nullable: true, defaultValue: CASES_PAGE_DEFAULT }) first = CASES_PAGE_DEFAULT,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<CaseConnectionModel> {
    const { token } = requireActor(context, 'cases');
    if (!Number.isInteger(first) || first < 1 || first > CASES_PAGE_MAX) {
      throw gqlError(ErrorCodes.BAD_USER_INPUT, `first must be between 1 and ${CASES_PAGE_MAX}`, 'first');
    }
    const page = await this.rpc.request<CaseListResponse>(
      RpcSubjects.intake.caseList,
      { first, ...(after ? { after } : {}), ...(filter?.status ? { status: filter.status } : {}), ...(filter?.categoryCode ? { categoryCode: filter.categoryCode } : {}) },
      { token },
    );
    const edges = page.edges.map((edge) => ({ node: toCaseModel(edge.node), cursor: edge.cursor }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } };
  }

  @Mutation(() => SubmitReportPayloadModel, { description: 'Đ4.1, Đ7.1: report harmful content; it opens a case or joins the open case about the same content' })
  async submitReport(@Args('input') input: SubmitReportInput, @Context() context: GqlContext): Promise<SubmitReportPayloadModel> {
    const { token } = requireActor(context, 'submitReport');
    const request = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined && value !== null));
    const result = await this.rpc.request<SubmitReportResponse>(RpcSubjects.intake.reportSubmit, request, { token });
    return { report: result.report, case: toCaseModel(result.case), merged: result.merged };
  }
}

@Resolver(() => ParticipantHistoryModel)
export class ParticipantHistoryResolver {
  @ResolveField(() => AgencyModel)
  async agency(@Parent() participant: ParticipantHistoryModel, @Context() context: GqlContext): Promise<AgencyModel> {
    return agencyOf(participant.agencyCode, context);
  }
}

async function agencyOf(code: string, context: GqlContext): Promise<AgencyModel> {
  const agency = await context.loaders.agency.load(code);
  return agency ?? { code, name: code, kind: 'UNKNOWN', validTo: null, successorCode: null };
}

@Resolver(() => ParticipantModel)
export class ParticipantResolver {
  @ResolveField(() => AgencyModel)
  async agency(@Parent() participant: ParticipantModel, @Context() context: GqlContext): Promise<AgencyModel> {
    return agencyOf(participant.agencyCode, context);
  }
}
