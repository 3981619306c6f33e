import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ErrorCodes, RpcSubjects, type StatementDto, type StatementListResponse } from '@phoi-hop/contracts';
import { RpcCallError, RpcClient } from '@phoi-hop/messaging';
import { InternalToken } from '../common/caller.decorators';
import { gqlError } from '../common/gql-errors';
import { toRpcPayload } from '../common/rpc-payload';
import {
  CorrectPressStatementInput,
  DraftPressStatementInput,
  PressStatementFilterInput,
  PublishPressStatementInput,
  UpdatePressStatementDraftInput,
  WithdrawPressStatementInput,
} from './statement.input';
import { PressStatementConnectionModel, PressStatementModel, PressStatementPayloadModel } from './statement.model';

const PAGE_MAX = 100;

function toModel(dto: StatementDto): PressStatementModel {
  return { ...dto, claimReviewJsonLd: dto.claimReviewJsonLd ? JSON.stringify(dto.claimReviewJsonLd) : null };
}

/** Đ6.6–6.7: spokesperson statements on cases (the press service; also served as the Atom feed /feeds/statements.atom). */
@Resolver(() => PressStatementModel)
export class StatementResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => PressStatementModel, { nullable: true, description: 'A statement: published ones for everyone, drafts for their agency; null otherwise' })
  async pressStatement(@Args('id', { type: () => ID }) id: string, @InternalToken() token: string): Promise<PressStatementModel | null> {
    try {
      return toModel(await this.rpc.request<StatementDto>(RpcSubjects.press.statementGet, { statementId: id }, { token }));
    } catch (error) {
      if (error instanceof RpcCallError && (error.code === ErrorCodes.NOT_FOUND || (error.code === ErrorCodes.BAD_USER_INPUT && error.field === 'statementId')))
        return null;
      throw error;
    }
  }

  @Query(() => PressStatementConnectionModel, { description: 'Statements, newest first publication first (the viewer’s agency’s drafts by creation)' })
  async pressStatements(
    @InternalToken() token: string,
    @Args('filter', { type: () => PressStatementFilterInput, nullable: true }) filter?: PressStatementFilterInput,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20, description: `At most this many (1–${PAGE_MAX})` }) first = 20,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<PressStatementConnectionModel> {
    if (!Number.isInteger(first) || first < 1 || first > PAGE_MAX)
      throw gqlError(ErrorCodes.BAD_USER_INPUT, `first must be between 1 and ${PAGE_MAX}`, 'first');
    const page = await this.rpc.request<StatementListResponse>(
      RpcSubjects.press.statementList,
      { first, ...(after ? { after } : {}), ...(filter ? toRpcPayload(filter) : {}) },
      { token },
    );
    return {
      edges: page.edges.map((e) => ({ cursor: e.cursor, node: toModel(e.node) })),
      totalCount: page.totalCount,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }

  @Mutation(() => PressStatementPayloadModel, { description: 'Draft a statement of the viewer’s agency on cases it takes part in (seen by the agency only)' })
  async draftPressStatement(@Args('input') input: DraftPressStatementInput, @InternalToken() token: string): Promise<PressStatementPayloadModel> {
    return { statement: toModel(await this.rpc.request<StatementDto>(RpcSubjects.press.statementDraft, toRpcPayload(input), { token })) };
  }

  @Mutation(() => PressStatementPayloadModel, { description: 'Change a draft of the viewer’s agency (its cases, title, body or claim review)' })
  async updatePressStatementDraft(@Args('input') input: UpdatePressStatementDraftInput, @InternalToken() token: string): Promise<PressStatementPayloadModel> {
    return { statement: toModel(await this.rpc.request<StatementDto>(RpcSubjects.press.statementUpdateDraft, toRpcPayload(input), { token })) };
  }

  @Mutation(() => PressStatementPayloadModel, { description: 'Publish a draft of the viewer’s agency to the feed' })
  async publishPressStatement(@Args('input') input: PublishPressStatementInput, @InternalToken() token: string): Promise<PressStatementPayloadModel> {
    return { statement: toModel(await this.rpc.request<StatementDto>(RpcSubjects.press.statementPublish, toRpcPayload(input), { token })) };
  }

  @Mutation(() => PressStatementPayloadModel, { description: 'Correct a published statement of the viewer’s agency; the earlier text is kept' })
  async correctPressStatement(@Args('input') input: CorrectPressStatementInput, @InternalToken() token: string): Promise<PressStatementPayloadModel> {
    return { statement: toModel(await this.rpc.request<StatementDto>(RpcSubjects.press.statementCorrect, toRpcPayload(input), { token })) };
  }

  @Mutation(() => PressStatementPayloadModel, { description: 'Withdraw a published statement of the viewer’s agency from the feed; its texts stay on record' })
  async withdrawPressStatement(@Args('input') input: WithdrawPressStatementInput, @InternalToken() token: string): Promise<PressStatementPayloadModel> {
    return { statement: toModel(await this.rpc.request<StatementDto>(RpcSubjects.press.statementWithdraw, toRpcPayload(input), { token })) };
  }
}
