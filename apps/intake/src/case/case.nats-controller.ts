import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CaseGetRequest, CaseListRequest, CaseTransitionRequest, MergeCasesRequest, RejectDuplicateRequest, RpcSubjects, SplitReportRequest, WorkQueueRequest, type CaseDto, type CaseListResponse, type SplitReportResponse, type WorkQueueResponse } from '@phoi-hop/contracts';
import { ActorContext } from '@phoi-hop/auth';
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
  split(@Payload() request: SplitReportRequest): Promise<SplitReportResponse> {
    return this.splits.split(ActorContext.require(), request);
  }

  @MessagePattern(RpcSubjects.intake.caseMerge)
  merge(@Payload() request: MergeCasesRequest): Promise<CaseDto> {
    return this.merges.merge(ActorContext.require(), request);
  }

  @MessagePattern(RpcSubjects.intake.duplicateReject)
  rejectDuplicate(@Payload() request: RejectDuplicateRequest): Promise<CaseDto> {
    return this.merges.rejectDuplicate(ActorContext.require(), request);
  }

  @MessagePattern(RpcSubjects.intake.caseGet)
  get(@Payload() request: CaseGetRequest): Promise<CaseDto> {
    return this.cases.get(ActorContext.require(), request);
  }

  @MessagePattern(RpcSubjects.intake.caseTransition)
  transition(@Payload() request: CaseTransitionRequest): Promise<CaseDto> {
    return this.transitions.transition(ActorContext.require(), request);
  }

  @MessagePattern(RpcSubjects.intake.caseQueue)
  queue(@Payload() request: WorkQueueRequest): Promise<WorkQueueResponse> {
    return this.queues.queue(ActorContext.require(), request);
  }

  @MessagePattern(RpcSubjects.intake.caseList)
  list(@Payload() request: CaseListRequest): Promise<CaseListResponse> {
    return this.cases.list(ActorContext.require(), request);
  }
}
