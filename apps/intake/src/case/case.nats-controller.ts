import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CaseGetRequest, CaseListRequest, CaseReportStatsRequest, CaseReportsRequest, type CaseReportStatsResponse, type CaseReportsResponse, CaseTransitionRequest, MergeCasesRequest, RejectDuplicateRequest, RpcSubjects, SplitReportRequest, WorkQueueRequest, type CaseDto, type CaseListResponse, type SplitReportResponse, type WorkQueueResponse, type Actor } from '@phoi-hop/contracts';
import { RpcActor } from '@phoi-hop/messaging';
import { CaseMergeService } from './case-merge.service';
import { CaseSplitService } from './case-split.service';
import { CaseTransitionService } from './case-transition.service';
import { CaseService } from './case.service';
import { WorkQueueService } from './work-queue.service';

@Controller()
export class CaseNatsController {
  constructor(
    private readonly cases: CaseService,
    private readonly transitions: CaseTransitionService,
    private readonly merges: CaseMergeService,
    private readonly splits: CaseSplitService,
    private readonly queues: WorkQueueService,
  ) {}

  @MessagePattern(RpcSubjects.intake.caseSplit)
  split(@RpcActor() actor: Actor, @Payload() request: SplitReportRequest): Promise<SplitReportResponse> {
    return this.splits.split(actor, request);
  }

  @MessagePattern(RpcSubjects.intake.caseMerge)
  merge(@RpcActor() actor: Actor, @Payload() request: MergeCasesRequest): Promise<CaseDto> {
    return this.merges.merge(actor, request);
  }

  @MessagePattern(RpcSubjects.intake.duplicateReject)
  rejectDuplicate(@RpcActor() actor: Actor, @Payload() request: RejectDuplicateRequest): Promise<CaseDto> {
    return this.merges.rejectDuplicate(actor, request);
  }

  @MessagePattern(RpcSubjects.intake.caseGet)
  get(@RpcActor() actor: Actor, @Payload() request: CaseGetRequest): Promise<CaseDto> {
    return this.cases.get(actor, request);
  }

  @MessagePattern(RpcSubjects.intake.caseReports)
  reports(@RpcActor() actor: Actor, @Payload() request: CaseReportsRequest): Promise<CaseReportsResponse> {
    return this.cases.reports(actor, request);
  }

  @MessagePattern(RpcSubjects.intake.caseReportStats)
  reportStats(@RpcActor() actor: Actor, @Payload() request: CaseReportStatsRequest): Promise<CaseReportStatsResponse> {
    return this.cases.reportStats(actor, request);
  }

  @MessagePattern(RpcSubjects.intake.caseTransition)
  transition(@RpcActor() actor: Actor, @Payload() request: CaseTransitionRequest): Promise<CaseDto> {
    return this.transitions.transition(actor, request);
  }

  @MessagePattern(RpcSubjects.intake.caseQueue)
  queue(@RpcActor() actor: Actor, @Payload() request: WorkQueueRequest): Promise<WorkQueueResponse> {
    return this.queues.queue(actor, request);
  }

  @MessagePattern(RpcSubjects.intake.caseList)
  list(@RpcActor() actor: Actor, @Payload() request: CaseListRequest): Promise<CaseListResponse> {
    return this.cases.list(actor, request);
  }
}
