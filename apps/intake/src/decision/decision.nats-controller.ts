import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DecideCaseRequest, RpcSubjects, UpdateHandlingActionRequest, UpdateRemovalRequestRequest, type DecideCaseResponse, type HandlingActionDto } from '@phoi-hop/contracts';
import { ActorContext } from '@phoi-hop/auth';
import { CaseDecisionService } from './case-decision.service';
import { HandlingActionService } from './handling-action.service';

@Controller()
export class DecisionNatsController {
  constructor(
    private readonly decisions: CaseDecisionService,
    private readonly actions: HandlingActionService,
  ) {}

  @MessagePattern(RpcSubjects.intake.actionUpdate)
  updateAction(@Payload() request: UpdateHandlingActionRequest): Promise<HandlingActionDto> {
    return this.actions.update(ActorContext.require(), request);
  }

  @MessagePattern(RpcSubjects.intake.removalUpdate)
  updateRemoval(@Payload() request: UpdateRemovalRequestRequest): Promise<HandlingActionDto> {
    return this.actions.updateRemoval(ActorContext.require(), request);
  }

  // Đ5, Đ3.2: decide with a statement of reasons; restrictive actions only on grounds.
  @MessagePattern(RpcSubjects.intake.caseDecide)
  decide(@Payload() request: DecideCaseRequest): Promise<DecideCaseResponse> {
    return this.decisions.decide(ActorContext.require(), request);
  }
}
