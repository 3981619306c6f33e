import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  ErrorCodes,
  RpcSubjects,
  type ComplaintDto,
  type ComplaintRespondentDto,
  type ComplaintStatus,
  type ReplyAttachmentDownloadDto,
  type ReplyUploadTicketDto,
} from '@phoi-hop/contracts';
import { RpcCallError, RpcClient } from '@phoi-hop/messaging';
import { InternalToken } from '../common/caller.decorators';
import { toRpcPayload } from '../common/rpc-payload';
import {
  CompletePressComplaintInput,
  DecidePressAppealInput,
  FilePressComplaintInput,
  IssuePressRulingInput,
  LodgePressAppealInput,
  ReissuePressReplyLinkInput,
  ReplyToPressComplaintInput,
  RequestPressReplyUploadInput,
} from './press.input';
import { ComplaintStatusEnum } from './press.enums';
import { PressComplaintModel, PressComplaintRespondentModel, PressReplyAttachmentDownloadModel, PressReplyUploadTicketModel } from './press.model';

/** Đ6.3: press-ethics complaints, the right of reply, rulings and appeals (the press service). */
@Resolver(() => PressComplaintModel)
export class PressResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => PressComplaintModel, { nullable: true, description: 'A press-ethics complaint the viewer may see (null otherwise)' })
  async pressComplaint(@Args('id', { type: () => ID }) id: string, @InternalToken() token: string): Promise<ComplaintDto | null> {
    try {
      return await this.rpc.request<ComplaintDto>(RpcSubjects.press.complaintGet, { complaintId: id }, { token });
    } catch (error) {
      if (error instanceof RpcCallError && (error.code === ErrorCodes.NOT_FOUND || (error.code === ErrorCodes.BAD_USER_INPUT && error.field === 'complaintId')))
        return null;
      throw error;
    }
  }

  @Query(() => [PressComplaintModel], { description: 'Press-ethics complaints the viewer may see, newest first (at most 200)' })
  pressComplaints(
    @InternalToken() token: string,
    @Args('caseId', { type: () => ID, nullable: true }) caseId?: string,
    @Args('status', { type: () => ComplaintStatusEnum, nullable: true }) status?: ComplaintStatus,
  ): Promise<ComplaintDto[]> {
    return this.rpc.request<ComplaintDto[]>(RpcSubjects.press.complaintList, { ...(caseId ? { caseId } : {}), ...(status ? { status } : {}) }, { token });
  }

  @Query(() => PressComplaintRespondentModel, {
    description: 'Restricted: the name and work contact of the journalist a complaint is about (ETHICS_OFFICER; audited)',
  })
  pressComplaintRespondent(@Args('complaintId', { type: () => ID }) complaintId: string, @InternalToken() token: string): Promise<ComplaintRespondentDto> {
    return this.rpc.request<ComplaintRespondentDto>(RpcSubjects.press.respondentGet, { complaintId }, { token });
  }

  @Mutation(() => PressComplaintModel, { description: 'An agency files a press-ethics complaint (Đ6.3); judged admissible or closed with reasons' })
  filePressComplaint(@Args('input') input: FilePressComplaintInput, @InternalToken() token: string): Promise<ComplaintDto> {
    return this.rpc.request<ComplaintDto>(RpcSubjects.press.complaintFile, toRpcPayload(input), { token });
  }

  @Mutation(() => PressComplaintModel, { description: 'The article, rules, account and respondent of a complaint opened from a case action' })
  completePressComplaint(@Args('input') input: CompletePressComplaintInput, @InternalToken() token: string): Promise<ComplaintDto> {
    return this.rpc.request<ComplaintDto>(RpcSubjects.press.complaintComplete, toRpcPayload(input), { token });
  }

  @Mutation(() => PressComplaintModel, { description: 'The outlet’s reply, by a user of the outlet’s agency (the right of reply)' })
  replyToPressComplaint(@Args('input') input: ReplyToPressComplaintInput, @InternalToken() token: string): Promise<ComplaintDto> {
    return this.rpc.request<ComplaintDto>(RpcSubjects.press.replySubmit, toRpcPayload(input), { token });
  }

  @Mutation(() => PressReplyUploadTicketModel, {
    description: 'An address to PUT one file of the outlet’s coming reply to (a user of the outlet, while the reply is awaited); reply with its attachment id',
  })
  requestPressReplyUpload(@Args('input') input: RequestPressReplyUploadInput, @InternalToken() token: string): Promise<ReplyUploadTicketDto> {
    return this.rpc.request<ReplyUploadTicketDto>(RpcSubjects.press.replyRequestUpload, toRpcPayload(input), { token });
  }

  @Query(() => PressReplyAttachmentDownloadModel, {
    description: 'A short-lived download address of a reply’s file, for whoever may read the complaint (each download is audited)',
  })
  pressReplyAttachmentDownload(
    @Args('attachmentId', { type: () => ID }) attachmentId: string,
    @InternalToken() token: string,
  ): Promise<ReplyAttachmentDownloadDto> {
    return this.rpc.request<ReplyAttachmentDownloadDto>(RpcSubjects.press.replyAttachmentDownload, { attachmentId }, { token });
  }

  @Mutation(() => PressComplaintModel, {
    description: 'The ethics board rules, citing the rules (ETHICS_OFFICER of the press association; REPLY_WINDOW_OPEN before the reply or the window’s end)',
  })
  issuePressRuling(@Args('input') input: IssuePressRulingInput, @InternalToken() token: string): Promise<ComplaintDto> {
    return this.rpc.request<ComplaintDto>(RpcSubjects.press.rulingIssue, toRpcPayload(input), { token });
  }

  @Mutation(() => PressComplaintModel, {
    description:
      'Sends the journalist or the editor a fresh one-time reply link by e-mail (ETHICS_OFFICER of the press association); INVALID_STATE once the reply window has closed',
  })
  reissuePressReplyLink(@Args('input') input: ReissuePressReplyLinkInput, @InternalToken() token: string): Promise<ComplaintDto> {
    return this.rpc.request<ComplaintDto>(RpcSubjects.press.replyLinkReissue, toRpcPayload(input), { token });
  }

  @Mutation(() => PressComplaintModel, { description: 'The complaining agency or the outlet appeals a ruling on stated grounds' })
  lodgePressAppeal(@Args('input') input: LodgePressAppealInput, @InternalToken() token: string): Promise<ComplaintDto> {
    return this.rpc.request<ComplaintDto>(RpcSubjects.press.appealLodge, toRpcPayload(input), { token });
  }

  @Mutation(() => PressComplaintModel, { description: 'A reviewer who took no part in the ruling decides the appeal: UPHELD, OVERTURNED or RETURNED' })
  decidePressAppeal(@Args('input') input: DecidePressAppealInput, @InternalToken() token: string): Promise<ComplaintDto> {
    return this.rpc.request<ComplaintDto>(RpcSubjects.press.appealDecide, toRpcPayload(input), { token });
  }
}
