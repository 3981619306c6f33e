import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RpcSubjects, type DecideCaseResponse, type HandlingActionDetailDto } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import { toCaseModel } from '../case/case.mapper';
import { InternalToken } from '../common/caller.decorators';
import { toRpcPayload } from '../common/rpc-payload';
import { DecideCaseInput, UpdateHandlingActionInput, UpdateRemovalRequestInput } from './decision.input';
import { HandlingActionModel } from './decision.model';
import { DecideCasePayloadModel } from './decision-payload.model';
import { toHandlingActionModel } from './handling-action.mapper';
import { IdempotencyKey, withClientRequestId } from '../common/idempotency';

@Resolver()
export class DecisionResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Mutation(() => DecideCasePayloadModel, {
    description: 'Decide a case with a statement of reasons and plan its handling (COORDINATOR); restrictive actions need grounds (Đ3.2)',
  })
  async decideCase(
    @Args('input') input: DecideCaseInput,
    @InternalToken() token: string,
    @IdempotencyKey() key: string | null,
  ): Promise<DecideCasePayloadModel> {
    const result = await this.rpc.request<DecideCaseResponse>(RpcSubjects.intake.caseDecide, toRpcPayload(withClientRequestId(input, key)), { token });
    // The case as the viewer now sees it holds the decision and its actions in full.
    const decision = result.case.decisions.find((d) => d.id === result.decisionId);
    const shown = new Map(result.case.actions.map((a) => [a.id, a]));
    const actions = result.actions.map((planned) => shown.get(planned.id));
    if (!decision || actions.some((a) => a === undefined)) throw new Error(`decideCase: the case does not show its decision ${result.decisionId} in full`);
    return {
      case: toCaseModel(result.case),
      decisionId: result.decisionId,
      decision,
      // In the order the decision planned them, each as the case shows it.
      actions: actions.map((action) => toHandlingActionModel(action!)),
    };
  }

  @Mutation(() => HandlingActionModel, { description: 'The assignee reports progress or the result of a handling action; returns the action as updated' })
  async updateHandlingAction(@Args('input') input: UpdateHandlingActionInput, @InternalToken() token: string): Promise<HandlingActionModel> {
    return toHandlingActionModel(await this.rpc.request<HandlingActionDetailDto>(RpcSubjects.intake.actionUpdate, toRpcPayload(input), { token }));
  }

  @Mutation(() => HandlingActionModel, {
    description: 'The assignee records a removal request’s progress: reference, sent, acknowledged, taken effect, outcome; returns the action as updated',
  })
  async updateRemovalRequest(@Args('input') input: UpdateRemovalRequestInput, @InternalToken() token: string): Promise<HandlingActionModel> {
    // Explicit nulls stay (they clear a field); fields left out are not sent.
    return toHandlingActionModel(await this.rpc.request<HandlingActionDetailDto>(RpcSubjects.intake.removalUpdate, toRpcPayload(input), { token }));
  }
}
