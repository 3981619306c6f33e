import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ErrorCodes, RpcSubjects, type CorrectionListResponse, type CorrectionRequestDto } from '@phoi-hop/contracts';
import { RpcCallError, RpcClient } from '@phoi-hop/messaging';
import { InternalToken } from '../common/caller.decorators';
import { gqlError } from '../common/gql-errors';
import { toRpcPayload } from '../common/rpc-payload';
import { CorrectionRequestFilterInput, PublishCorrectionInput, RefuseCorrectionInput, RequestCorrectionInput } from './correction.input';
import { CorrectionRequestConnectionModel, CorrectionRequestModel, CorrectionRequestPayloadModel } from './correction.model';

const PAGE_MAX = 100;

/** Press Law 2016 Art. 42: correction requests to outlets and their answers (the press service). */
@Resolver(() => CorrectionRequestModel)
export class CorrectionResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => CorrectionRequestModel, {
    nullable: true,
    description: 'A correction request the viewer’s agency is party to (requester, outlet, or an agency of its case); null otherwise',
  })
  async correctionRequest(@Args('id', { type: () => ID }) id: string, @InternalToken() token: string): Promise<CorrectionRequestDto | null> {
    try {
      return await this.rpc.request<CorrectionRequestDto>(RpcSubjects.press.correctionGet, { correctionId: id }, { token });
    } catch (error) {
      if (
        error instanceof RpcCallError &&
        (error.code === ErrorCodes.NOT_FOUND || (error.code === ErrorCodes.BAD_USER_INPUT && error.field === 'correctionId'))
      )
        return null;
      throw error;
    }
  }

  @Query(() => CorrectionRequestConnectionModel, { description: 'Correction requests the viewer’s agency is party to, newest first' })
  async correctionRequests(
    @InternalToken() token: string,
    @Args('filter', { type: () => CorrectionRequestFilterInput, nullable: true }) filter?: CorrectionRequestFilterInput,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20, description: `At most this many (1–${PAGE_MAX})` }) first = 20,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<CorrectionRequestConnectionModel> {
    if (!Number.isInteger(first) || first < 1 || first > PAGE_MAX)
      throw gqlError(ErrorCodes.BAD_USER_INPUT, `first must be between 1 and ${PAGE_MAX}`, 'first');
    const page = await this.rpc.request<CorrectionListResponse>(
      RpcSubjects.press.correctionList,
      { first, ...(after ? { after } : {}), ...(filter ? toRpcPayload(filter) : {}) },
      { token },
    );
    return { edges: page.edges, totalCount: page.totalCount, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } };
  }

  @Mutation(() => CorrectionRequestPayloadModel, {
    description: 'Ask an outlet to publish a correction by a deadline (Press Law Art. 42); with a case, the requesting agency must take part in it',
  })
  async requestCorrection(@Args('input') input: RequestCorrectionInput, @InternalToken() token: string): Promise<CorrectionRequestPayloadModel> {
    return { correctionRequest: await this.rpc.request<CorrectionRequestDto>(RpcSubjects.press.correctionRequest, toRpcPayload(input), { token }) };
  }

  @Mutation(() => CorrectionRequestPayloadModel, { description: 'The outlet says where and when it published the correction (users of the outlet’s agency)' })
  async publishCorrection(@Args('input') input: PublishCorrectionInput, @InternalToken() token: string): Promise<CorrectionRequestPayloadModel> {
    return { correctionRequest: await this.rpc.request<CorrectionRequestDto>(RpcSubjects.press.correctionPublish, toRpcPayload(input), { token }) };
  }

  @Mutation(() => CorrectionRequestPayloadModel, { description: 'The outlet refuses, with its reasons (users of the outlet’s agency)' })
  async refuseCorrection(@Args('input') input: RefuseCorrectionInput, @InternalToken() token: string): Promise<CorrectionRequestPayloadModel> {
    return { correctionRequest: await this.rpc.request<CorrectionRequestDto>(RpcSubjects.press.correctionRefuse, toRpcPayload(input), { token }) };
  }
}
