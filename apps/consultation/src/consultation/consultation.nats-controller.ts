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
  type Actor,
  type WorkQueueResponse,
} from '@phoi-hop/contracts';
import { RpcActor } from '@phoi-hop/messaging';
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
  open(@RpcActor() actor: Actor, @Payload() request: OpenConsultationRequest): Promise<ConsultationDto> {
    return this.consultations.open(actor, request);
  }

  @MessagePattern(RpcSubjects.consultation.get)
  get(@RpcActor() actor: Actor, @Payload() request: ConsultationGetRequest): Promise<ConsultationDto> {
    return this.consultations.get(actor, request.id);
  }

  @MessagePattern(RpcSubjects.consultation.list)
  list(@RpcActor() actor: Actor, @Payload() request: ConsultationListRequest): Promise<ConsultationDto[]> {
    return this.consultations.listForCase(actor, request.caseId);
  }

  @MessagePattern(RpcSubjects.consultation.opinionSubmit)
  submitOpinion(@RpcActor() actor: Actor, @Payload() request: SubmitOpinionRequest): Promise<ConsultationDto> {
    return this.consultations.submitOpinion(actor, request);
  }

  @MessagePattern(RpcSubjects.consultation.opinionQueue)
  queue(@RpcActor() actor: Actor, @Payload() request: WorkQueueRequest): Promise<WorkQueueResponse> {
    return this.opinionQueue.queue(actor, request);
  }

  @MessagePattern(RpcSubjects.consultation.meetingRecord)
  recordMeeting(@RpcActor() actor: Actor, @Payload() request: RecordMeetingRequest): Promise<ConsultationDto> {
    return this.consultations.recordMeeting(actor, request);
  }

  @MessagePattern(RpcSubjects.consultation.resolve)
  resolve(@RpcActor() actor: Actor, @Payload() request: ResolveConsultationRequest): Promise<ConsultationDto> {
    return this.consultations.resolve(actor, request);
  }
}
