import { Args, Query, Resolver } from '@nestjs/graphql';
import { RpcSubjects, type ExplainRoutingResponse } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import type { ParticipantRoleEnum } from '../case/case.enums';
import { InternalToken } from '../common/caller.decorators';
import { toRpcPayload } from '../common/rpc-payload';
import { RoutingQuestionInput } from './routing.input';
import { RoutingExplanationModel } from './routing.model';

@Resolver()
export class RoutingResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => RoutingExplanationModel, { description: 'For a hypothetical case: who would be responsible, and why each rule matched or not (Đ6, Đ7)' })
  async explainRouting(@Args('input') input: RoutingQuestionInput, @InternalToken() token: string): Promise<RoutingExplanationModel> {
    const answer = await this.rpc.request<ExplainRoutingResponse>(RpcSubjects.directory.routingExplain, toRpcPayload(input), { token });
    return { ...answer, participants: answer.participants.map((p) => ({ ...p, role: p.role as ParticipantRoleEnum })) };
  }
}
