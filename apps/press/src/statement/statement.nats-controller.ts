import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CorrectStatementRequest,
  DraftStatementRequest,
  PublishStatementRequest,
  RpcSubjects,
  StatementGetRequest,
  StatementListRequest,
  UpdateStatementDraftRequest,
  WithdrawStatementRequest,
  type Actor,
  type StatementDto,
  type StatementListResponse,
} from '@phoi-hop/contracts';
import { RpcActor } from '@phoi-hop/messaging';
import { StatementService } from './statement.service';

// Đ6.6–6.7: spokesperson statements on cases.
@Controller()
export class StatementNatsController {
  constructor(private readonly statements: StatementService) {}

  @MessagePattern(RpcSubjects.press.statementDraft)
  draft(@RpcActor() actor: Actor, @Payload() request: DraftStatementRequest): Promise<StatementDto> {
    return this.statements.draft(actor, request);
  }

  @MessagePattern(RpcSubjects.press.statementUpdateDraft)
  updateDraft(@RpcActor() actor: Actor, @Payload() request: UpdateStatementDraftRequest): Promise<StatementDto> {
    return this.statements.updateDraft(actor, request);
  }

  @MessagePattern(RpcSubjects.press.statementPublish)
  publish(@RpcActor() actor: Actor, @Payload() request: PublishStatementRequest): Promise<StatementDto> {
    return this.statements.publish(actor, request.statementId);
  }

  @MessagePattern(RpcSubjects.press.statementCorrect)
  correct(@RpcActor() actor: Actor, @Payload() request: CorrectStatementRequest): Promise<StatementDto> {
    return this.statements.correct(actor, request);
  }

  @MessagePattern(RpcSubjects.press.statementWithdraw)
  withdraw(@RpcActor() actor: Actor, @Payload() request: WithdrawStatementRequest): Promise<StatementDto> {
    return this.statements.withdraw(actor, request);
  }

  @MessagePattern(RpcSubjects.press.statementGet)
  get(@RpcActor() actor: Actor, @Payload() request: StatementGetRequest): Promise<StatementDto> {
    return this.statements.get(actor, request.statementId);
  }

  @MessagePattern(RpcSubjects.press.statementList)
  list(@RpcActor() actor: Actor, @Payload() request: StatementListRequest): Promise<StatementListResponse> {
    return this.statements.list(actor, request);
  }
}
