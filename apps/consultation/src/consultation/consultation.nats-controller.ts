import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ConsultationGetRequest,
  ConsultationListRequest,
  OpenConsultationRequest,
  RecordMeetingRequest,
  ResolveConsultationRequest,
  RpcSubjects,
  SubmitOpinionRequest,
  WorkQueueRequest,
  type ConsultationDto,
  type WorkQueueResponse,
} from '@phoi-hop/contracts';
import { ActorContext } from '@phoi-hop/auth';
import { ConsultationService } from './consultation.service';
import { OpinionQueueService } from './opinion-queue.service';

@Controller()
export class ConsultationNatsController {
  constructor(
    private readonly consultations: ConsultationService,
    private readonly opinionQueue: OpinionQueueService,
  ) {}

  // Đ4.2, Đ5.3: a meeting or a written consultation on a case.
  @MessagePattern(RpcSubjects.consultation.open)
  open(@Payload() request: OpenConsultationRequest): Promise<ConsultationDto> {
    return this.consultations.open(ActorContext.require(), request);
  }

  @MessagePattern(RpcSubjects.consultation.get)
  get(@Payload() request: ConsultationGetRequest): Promise<ConsultationDto> {
    return this.consultations.get(ActorContext.require(), request.id);
  }

  @MessagePattern(RpcSubjects.consultation.list)
  list(@Payload() request: ConsultationListRequest): Promise<ConsultationDto[]> {
    return this.consultations.listForCase(ActorContext.require(), request.caseId);
  }

  @MessagePattern(RpcSubjects.consultation.opinionSubmit)
  submitOpinion(@Payload() request: SubmitOpinionRequest): Promise<ConsultationDto> {
    return this.consultations.submitOpinion(ActorContext.require(), request);
  }

  @MessagePattern(RpcSubjects.consultation.opinionQueue)
  queue(@Payload() request: WorkQueueRequest): Promise<WorkQueueResponse> {
    return this.opinionQueue.queue(ActorContext.require(), request);
  }

  @MessagePattern(RpcSubjects.consultation.meetingRecord)
  recordMeeting(@Payload() request: RecordMeetingRequest): Promise<ConsultationDto> {
    return this.consultations.recordMeeting(ActorContext.require(), request);
  }

  @MessagePattern(RpcSubjects.consultation.resolve)
  resolve(@Payload() request: ResolveConsultationRequest): Promise<ConsultationDto> {
    return this.consultations.resolve(ActorContext.require(), request);
  }
}
