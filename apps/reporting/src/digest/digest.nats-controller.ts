import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddDigestFeedRequest,
  DailyDigestRequest,
  DigestDocumentLinkRequest,
  DisableDigestFeedRequest,
  ReportDigestItemRequest,
  RpcSubjects,
  SetDigestKeywordsRequest,
  UpdateDigestFeedRequest,
  type Actor,
  type DailyDigestDto,
  type DigestDocumentLinkDto,
  type DigestFeedDto,
  type DigestKeywordsDto,
  type ReportDigestItemResponse,
} from '@phoi-hop/contracts';
import { RpcActor } from '@phoi-hop/messaging';
import { DigestLinks } from './digest-links';
import { DigestService } from './digest.service';

@Controller()
export class DigestNatsController {
  constructor(
    private readonly digest: DigestService,
    private readonly links: DigestLinks,
  ) {}

  @MessagePattern(RpcSubjects.reporting.digestFeedList)
  feeds(): Promise<DigestFeedDto[]> {
    return this.digest.listFeeds();
  }

  @MessagePattern(RpcSubjects.reporting.digestFeedAdd)
  addFeed(@Payload() request: AddDigestFeedRequest, @RpcActor() actor: Actor): Promise<DigestFeedDto> {
    return this.digest.addFeed(actor, request);
  }

  @MessagePattern(RpcSubjects.reporting.digestFeedUpdate)
  updateFeed(@Payload() request: UpdateDigestFeedRequest, @RpcActor() actor: Actor): Promise<DigestFeedDto> {
    return this.digest.updateFeed(actor, request);
  }

  @MessagePattern(RpcSubjects.reporting.digestFeedDisable)
  disableFeed(@Payload() request: DisableDigestFeedRequest, @RpcActor() actor: Actor): Promise<DigestFeedDto> {
    return this.digest.disableFeed(actor, request);
  }

  @MessagePattern(RpcSubjects.reporting.digestKeywordsGet)
  keywords(): Promise<DigestKeywordsDto> {
    return this.digest.keywords();
  }

  @MessagePattern(RpcSubjects.reporting.digestKeywordsSet)
  setKeywords(@Payload() request: SetDigestKeywordsRequest, @RpcActor() actor: Actor): Promise<DigestKeywordsDto> {
    return this.digest.setKeywords(actor, request);
  }

  @MessagePattern(RpcSubjects.reporting.digestDay)
  day(@Payload() request: DailyDigestRequest): Promise<DailyDigestDto> {
    return this.digest.day(request);
  }

  @MessagePattern(RpcSubjects.reporting.digestDocumentLink)
  documentLink(@Payload() request: DigestDocumentLinkRequest, @RpcActor() actor: Actor): Promise<DigestDocumentLinkDto> {
    return this.links.documentLink(actor, request.day);
  }

  @MessagePattern(RpcSubjects.reporting.digestItemReport)
  reportItem(@Payload() request: ReportDigestItemRequest, @RpcActor() actor: Actor): Promise<ReportDigestItemResponse> {
    return this.digest.reportItem(actor, request);
  }
}
