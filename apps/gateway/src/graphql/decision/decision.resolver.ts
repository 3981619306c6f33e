import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RpcSubjects, type DecideCaseResponse, type HandlingActionDto } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import { toCaseModel } from '../case/case.mapper';
import { InternalToken } from '../common/caller.decorators';
import { toRpcPayload } from '../common/rpc-payload';
import { DecideCaseInput, UpdateHandlingActionInput, UpdateRemovalRequestInput } from './decision.input';
import { HandlingActionModel } from './decision.model';
import { DecideCasePayloadModel } from './decision-payload.model';
import { IdempotencyKey, withClientRequestId } from '../common/idempotency';

@Resolver()
export class DecisionResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Mutation(() => DecideCasePayloadModel, { description: 'Decide a case with a statement of reasons and plan its handling (COORDINATOR); restrictive actions need grounds (Đ3.2)' })
  async decideCase(@Args('input') input: DecideCaseInput, @InternalToken() token: string, @IdempotencyKey() key: string | null): Promise<DecideCasePayloadModel> {
    const result = await this.rpc.request<DecideCaseResponse>(RpcSubjects.intake.caseDecide, toRpcPayload(withClientRequestId(input, key)), { token });
    return { case: toCaseModel(result.case), decisionId: result.decisionId, actions: result.actions };
  }

  @Mutation(() => HandlingActionModel, { description: 'The assignee reports progress or the result of a handling action' })
  updateHandlingAction(@Args('input') input: UpdateHandlingActionInput, @InternalToken() token: string): Promise<HandlingActionDto> {
    return this.rpc.request<HandlingActionDto>(RpcSubjects.intake.actionUpdate, toRpcPayload(input), { token });
  }

  @Mutation(() => HandlingActionModel, { description: 'The assignee records a removal request’s progress: reference, sent, acknowledged, taken effect, outcome' })
  updateRemovalRequest(@Args('input') input: UpdateRemovalRequestInput, @InternalToken() token: string): Promise<HandlingActionDto> {
    // Explicit nulls stay (they clear a field); fields left out are not sent.
    return this.rpc.request<HandlingActionDto>(RpcSubjects.intake.removalUpdate, toRpcPayload(input), { token });
  }
}
