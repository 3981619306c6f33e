import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ReplyAttachmentDownloadRequest,
  RequestReplyUploadRequest,
  RpcSubjects,
  type Actor,
  type ReplyAttachmentDownloadDto,
  type ReplyUploadTicketDto,
} from '@phoi-hop/contracts';
import { RpcActor } from '@phoi-hop/messaging';
import { AttachmentService } from './attachment.service';

@Controller()
export class AttachmentNatsController {
  constructor(private readonly attachments: AttachmentService) {}

  @MessagePattern(RpcSubjects.press.replyRequestUpload)
  requestUpload(@RpcActor() actor: Actor, @Payload() request: RequestReplyUploadRequest): Promise<ReplyUploadTicketDto> {
    return this.attachments.requestUpload(actor, request);
  }

  @MessagePattern(RpcSubjects.press.replyAttachmentDownload)
  downloadLink(@RpcActor() actor: Actor, @Payload() request: ReplyAttachmentDownloadRequest): Promise<ReplyAttachmentDownloadDto> {
    return this.attachments.downloadLink(actor, request);
  }
}
