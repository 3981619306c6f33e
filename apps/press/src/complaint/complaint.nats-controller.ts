import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CompleteComplaintRequest,
  ComplaintGetRequest,
  ComplaintListRequest,
  DecideAppealRequest,
  FileComplaintRequest,
  IssueRulingRequest,
  LodgeAppealRequest,
  ReissueReplyLinkRequest,
  RpcSubjects,
  SubmitReplyRequest,
  type Actor,
  type ComplaintDto,
  type ComplaintRespondentDto,
} from '@phoi-hop/contracts';
import { RpcActor } from '@phoi-hop/messaging';
import { ReplyLinkService } from '../reply/reply-link.service';
import { ReplyService } from '../reply/reply.service';
import { RulingService } from '../ruling/ruling.service';
import { ComplaintService } from './complaint.service';

@Controller()
export class ComplaintNatsController {
  constructor(
    private readonly complaints: ComplaintService,
    private readonly replies: ReplyService,
    private readonly replyLinks: ReplyLinkService,
    private readonly rulings: RulingService,
  ) {}

  @MessagePattern(RpcSubjects.press.complaintFile)
  file(@RpcActor() actor: Actor, @Payload() request: FileComplaintRequest): Promise<ComplaintDto> {
    return this.complaints.file(actor, request);
  }

  @MessagePattern(RpcSubjects.press.complaintComplete)
  complete(@RpcActor() actor: Actor, @Payload() request: CompleteComplaintRequest): Promise<ComplaintDto> {
    return this.complaints.complete(actor, request);
  }

  @MessagePattern(RpcSubjects.press.complaintGet)
  get(@RpcActor() actor: Actor, @Payload() request: ComplaintGetRequest): Promise<ComplaintDto> {
    return this.complaints.get(actor, request.complaintId);
  }

  @MessagePattern(RpcSubjects.press.complaintList)
  list(@RpcActor() actor: Actor, @Payload() request: ComplaintListRequest): Promise<ComplaintDto[]> {
    return this.complaints.list(actor, request);
  }

  @MessagePattern(RpcSubjects.press.respondentGet)
  respondent(@RpcActor() actor: Actor, @Payload() request: ComplaintGetRequest): Promise<ComplaintRespondentDto> {
    return this.complaints.respondent(actor, request.complaintId);
  }

  @MessagePattern(RpcSubjects.press.replySubmit)
  reply(@RpcActor() actor: Actor, @Payload() request: SubmitReplyRequest): Promise<ComplaintDto> {
    return this.replies.replyAsOutlet(actor, request);
  }

  @MessagePattern(RpcSubjects.press.replyLinkReissue)
  reissueLink(@RpcActor() actor: Actor, @Payload() request: ReissueReplyLinkRequest): Promise<ComplaintDto> {
    return this.replyLinks.reissue(actor, request);
  }

  @MessagePattern(RpcSubjects.press.rulingIssue)
  rule(@RpcActor() actor: Actor, @Payload() request: IssueRulingRequest): Promise<ComplaintDto> {
    return this.rulings.issue(actor, request);
  }

  @MessagePattern(RpcSubjects.press.appealLodge)
  appeal(@RpcActor() actor: Actor, @Payload() request: LodgeAppealRequest): Promise<ComplaintDto> {
    return this.rulings.lodgeAppeal(actor, request);
  }

  @MessagePattern(RpcSubjects.press.appealDecide)
  decideAppeal(@RpcActor() actor: Actor, @Payload() request: DecideAppealRequest): Promise<ComplaintDto> {
    return this.rulings.decideAppeal(actor, request);
  }
}
