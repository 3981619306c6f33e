import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DecideCaseRequest,
  RpcSubjects,
  UpdateHandlingActionRequest,
  UpdateRemovalRequestRequest,
  type DecideCaseResponse,
  type HandlingActionDetailDto,
  type Actor,
} from '@phoi-hop/contracts';
import { RpcActor } from '@phoi-hop/messaging';
import { CaseDecisionService } from './case-decision.service';
import { HandlingActionService } from './handling-action.service';

@Controller()
export class DecisionNatsController {
  constructor(
    private readonly decisions: CaseDecisionService,
    private readonly actions: HandlingActionService,
  ) {}

  @MessagePattern(RpcSubjects.intake.actionUpdate)
  updateAction(@RpcActor() actor: Actor, @Payload() request: UpdateHandlingActionRequest): Promise<HandlingActionDetailDto> {
    return this.actions.update(actor, request);
  }

  @MessagePattern(RpcSubjects.intake.removalUpdate)
  updateRemoval(@RpcActor() actor: Actor, @Payload() request: UpdateRemovalRequestRequest): Promise<HandlingActionDetailDto> {
    return this.actions.updateRemoval(actor, request);
  }

  // Đ5, Đ3.2: decide with a statement of reasons; restrictive actions only on grounds.
  @MessagePattern(RpcSubjects.intake.caseDecide)
  decide(@RpcActor() actor: Actor, @Payload() request: DecideCaseRequest): Promise<DecideCaseResponse> {
    return this.decisions.decide(actor, request);
  }
}
