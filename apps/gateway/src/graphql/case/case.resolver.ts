import { Args, ID, Info, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ErrorCodes, RpcSubjects, type CaseDto, type CaseListResponse, type SubmitReportResponse } from '@phoi-hop/contracts';
import { RpcCallError, RpcClient } from '@phoi-hop/messaging';
import { InternalToken } from '../common/caller.decorators';
import { selectsField } from '../common/connection';
import { gqlError } from '../common/gql-errors';
import { toRpcPayload } from '../common/rpc-payload';
import { CaseFilterInput, CASES_PAGE_DEFAULT, CASES_PAGE_MAX, SubmitReportInput } from './case.input';
import { CaseConnectionModel, CaseModel } from './case.model';
import { SubmitReportPayloadModel } from './case-payload.model';
import { toCaseModel, toReportModel } from './case.mapper';
import { IdempotencyKey, withClientRequestId } from '../common/idempotency';

@Resolver(() => CaseModel)
export class CaseResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => CaseModel, {
    nullable: true,
    description: 'A case by its id or by its number (e.g. "QB-2026-000020"; exactly one of them), or null when it does not exist or the viewer may not see it',
  })
  async case(
    @InternalToken() token: string,
    @Args('id', { type: () => ID, nullable: true }) id?: string,
    @Args('number', { type: () => String, nullable: true, description: 'The case number, in any letter case' }) number?: string,
  ): Promise<CaseModel | null> {
    if ((id === undefined || id === null) === (number === undefined || number === null)) {
      throw gqlError(ErrorCodes.BAD_USER_INPUT, 'Give the case’s id or its number', id ? 'number' : 'id');
    }
    try {
      return toCaseModel(await this.rpc.request<CaseDto>(RpcSubjects.intake.caseGet, { ...(id ? { id } : { number }), withReports: false }, { token }));
    } catch (error) {
      // Not found, not visible and not even an id or number all read the same: the viewer learns nothing.
      if (
        error instanceof RpcCallError &&
        (error.code === ErrorCodes.NOT_FOUND || (error.code === ErrorCodes.BAD_USER_INPUT && (error.field === 'id' || error.field === 'number')))
      ) {
        return null;
      }
      throw error;
    }
  }

  @Query(() => CaseConnectionModel, {
    description: `Cases the viewer may see, newest first; with filter.text, best match first; first: 1–${CASES_PAGE_MAX} (default ${CASES_PAGE_DEFAULT})`,
  })
  async cases(
    @InternalToken() token: string,
    @Info() info: GraphQLResolveInfo,
    @Args('filter', { type: () => CaseFilterInput, nullable: true }) filter?: CaseFilterInput,
    @Args('first', { type: () => Int, nullable: true, defaultValue: CASES_PAGE_DEFAULT }) first = CASES_PAGE_DEFAULT,
    @Args('after', { type: () => String, nullable: true, description: 'endCursor of the previous page (of the same filter)' }) after?: string,
  ): Promise<CaseConnectionModel> {
    if (!Number.isInteger(first) || first < 1 || first > CASES_PAGE_MAX) {
      throw gqlError(ErrorCodes.BAD_USER_INPUT, `first must be between 1 and ${CASES_PAGE_MAX}`, 'first');
    }
    const page = await this.rpc.request<CaseListResponse>(
      RpcSubjects.intake.caseList,
      // Reports and their counts come only when selected (CaseReportsResolver), batched.
      {
        first,
        withReports: false,
        ...(selectsField(info, 'totalCount') ? { withTotalCount: true } : {}),
        ...(after ? { after } : {}),
        ...(filter ? toRpcPayload(filter) : {}),
      },
      { token },
    );
    const edges = page.edges.map((edge) => ({ node: toCaseModel(edge.node), cursor: edge.cursor, rank: edge.rank ?? null }));
    return { edges, totalCount: page.totalCount ?? 0, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } };
  }

  @Mutation(() => SubmitReportPayloadModel, {
    description: 'Đ4.1, Đ7.1: report harmful content; it opens a case or joins the open case about the same content',
  })
  async submitReport(
    @Args('input') input: SubmitReportInput,
    @InternalToken() token: string,
    @IdempotencyKey() key: string | null,
  ): Promise<SubmitReportPayloadModel> {
    const result = await this.rpc.request<SubmitReportResponse>(RpcSubjects.intake.reportSubmit, toRpcPayload(withClientRequestId(input, key)), { token });
    return { report: toReportModel(result.report), case: toCaseModel(result.case), merged: result.merged };
  }
}
