import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddTextExcerptRequest,
  CaptureWebPageRequest,
  EvidenceItemGetRequest,
  EvidenceListRequest,
  LegalHoldRequest,
  RequestUploadRequest,
  RpcSubjects,
  type Actor,
  type EvidenceContentDto,
  type EvidenceItemDto,
  type UploadTicketDto,
} from '@phoi-hop/contracts';
import { RpcActor } from '@phoi-hop/messaging';
import { CaptureService } from '../capture/capture.service';
import { UploadService } from '../upload/upload.service';
import { ItemService } from './item.service';

@Controller()
export class ItemNatsController {
  constructor(
    private readonly items: ItemService,
    private readonly uploads: UploadService,
    private readonly captures: CaptureService,
  ) {}

  @MessagePattern(RpcSubjects.evidence.itemList)
  list(@RpcActor() actor: Actor, @Payload() request: EvidenceListRequest): Promise<EvidenceItemDto[]> {
    return this.items.list(actor, request.caseId);
  }

  @MessagePattern(RpcSubjects.evidence.itemGet)
  get(@RpcActor() actor: Actor, @Payload() request: EvidenceItemGetRequest): Promise<EvidenceItemDto> {
    return this.items.get(actor, request.itemId);
  }

  @MessagePattern(RpcSubjects.evidence.itemContent)
  content(@RpcActor() actor: Actor, @Payload() request: EvidenceItemGetRequest): Promise<EvidenceContentDto> {
    return this.items.content(actor, request.itemId);
  }

  @MessagePattern(RpcSubjects.evidence.excerptAdd)
  addExcerpt(@RpcActor() actor: Actor, @Payload() request: AddTextExcerptRequest): Promise<EvidenceItemDto> {
    return this.items.addExcerpt(actor, request);
  }

  @MessagePattern(RpcSubjects.evidence.uploadRequest)
  requestUpload(@RpcActor() actor: Actor, @Payload() request: RequestUploadRequest): Promise<UploadTicketDto> {
    return this.uploads.requestTicket(actor, request);
  }

  // Đ6.2: the page as it was published, fetched server-side.
  @MessagePattern(RpcSubjects.evidence.captureRequest)
  capture(@RpcActor() actor: Actor, @Payload() request: CaptureWebPageRequest): Promise<EvidenceItemDto> {
    return this.captures.capture(actor, request);
  }

  @MessagePattern(RpcSubjects.evidence.holdPlace)
  placeHold(@RpcActor() actor: Actor, @Payload() request: LegalHoldRequest): Promise<EvidenceItemDto> {
    return this.items.placeHold(actor, request);
  }

  @MessagePattern(RpcSubjects.evidence.holdRelease)
  releaseHold(@RpcActor() actor: Actor, @Payload() request: LegalHoldRequest): Promise<EvidenceItemDto> {
    return this.items.releaseHold(actor, request);
  }
}
