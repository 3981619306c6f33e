import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  RpcSubjects,
  StatementOfReasonsRequest,
  TransparencyReportRequest,
  type Actor,
  type StatementOfReasonsDto,
  type TransparencyReportDto,
} from '@phoi-hop/contracts';
import { RpcActor } from '@phoi-hop/messaging';
import { StatementOfReasonsService } from './statement-of-reasons.service';
import { TransparencyService } from './transparency.service';

@Controller()
export class TransparencyNatsController {
  constructor(
    private readonly transparency: TransparencyService,
    private readonly statements: StatementOfReasonsService,
  ) {}

  @MessagePattern(RpcSubjects.reporting.transparencyReport)
  report(@Payload() request: TransparencyReportRequest): Promise<TransparencyReportDto> {
    return this.transparency.report(request.from, request.to);
  }

  // DSA-shaped statements of reasons of a case's decisions (intake applies the reader's access).
  @MessagePattern(RpcSubjects.reporting.statementOfReasons)
  statementsOfReasons(@RpcActor() actor: Actor, @Payload() request: StatementOfReasonsRequest): Promise<StatementOfReasonsDto[]> {
    return this.statements.forCase(actor, request.caseId, request.decisionId ?? null);
  }
}
