import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  RpcSubjects,
  type DailyDigestDto,
  type DigestDocumentLinkDto,
  type DigestFeedDto,
  type DigestKeywordsDto,
  type ReportDigestItemResponse,
} from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import { InternalToken } from '../common/caller.decorators';
import { toRpcPayload } from '../common/rpc-payload';
import { DateScalar } from '../common/scalars';
import {
  AddDigestFeedInput,
  DailyDigestDocumentInput,
  DisableDigestFeedInput,
  ReportDigestItemInput,
  SetDigestKeywordsInput,
  UpdateDigestFeedInput,
} from './digest.input';
import { DailyDigestModel, DigestDocumentModel, DigestFeedModel, DigestKeywordsModel, ReportDigestItemPayload } from './digest.model';

/** Reporting an item waits for intake (routing, deduplication). */
const REPORT_RPC_MS = 15_000;

@Resolver(() => DailyDigestModel)
export class DigestResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => [DigestFeedModel], { description: 'The digest’s news feeds with their health (lead agency coordinators)' })
  digestFeeds(@InternalToken() token: string): Promise<DigestFeedDto[]> {
    return this.rpc.request<DigestFeedDto[]>(RpcSubjects.reporting.digestFeedList, {}, { token });
  }

  @Query(() => DigestKeywordsModel, { description: 'The lead agency’s keywords of the digest' })
  digestKeywords(@InternalToken() token: string): Promise<DigestKeywordsDto> {
    return this.rpc.request<DigestKeywordsDto>(RpcSubjects.reporting.digestKeywordsGet, {}, { token });
  }

  @Query(() => DailyDigestModel, { description: 'Đ6.1: the daily media digest of a province day (default today), for leaders and coordinators' })
  dailyDigest(@Args('day', { type: () => DateScalar, nullable: true }) day: string | undefined, @InternalToken() token: string): Promise<DailyDigestDto> {
    return this.rpc.request<DailyDigestDto>(RpcSubjects.reporting.digestDay, day ? { day } : {}, { token });
  }

  @Query(() => DigestDocumentModel, { description: 'A short-lived download address of the day’s digest as .docx' })
  dailyDigestDocument(@Args('input') input: DailyDigestDocumentInput, @InternalToken() token: string): Promise<DigestDocumentLinkDto> {
    return this.rpc.request<DigestDocumentLinkDto>(RpcSubjects.reporting.digestDocumentLink, toRpcPayload(input), { token });
  }

  @Mutation(() => DigestFeedModel, { description: 'Add a public news feed to the digest (lead agency COORDINATOR)' })
  addDigestFeed(@Args('input') input: AddDigestFeedInput, @InternalToken() token: string): Promise<DigestFeedDto> {
    return this.rpc.request<DigestFeedDto>(RpcSubjects.reporting.digestFeedAdd, toRpcPayload(input), { token });
  }

  @Mutation(() => DigestFeedModel, { description: 'Rename, move, re-time, enable or disable a feed' })
  updateDigestFeed(@Args('input') input: UpdateDigestFeedInput, @InternalToken() token: string): Promise<DigestFeedDto> {
    return this.rpc.request<DigestFeedDto>(RpcSubjects.reporting.digestFeedUpdate, toRpcPayload(input), { token });
  }

  @Mutation(() => DigestFeedModel, { description: 'Stop polling a feed; its items stay in their digests' })
  disableDigestFeed(@Args('input') input: DisableDigestFeedInput, @InternalToken() token: string): Promise<DigestFeedDto> {
    return this.rpc.request<DigestFeedDto>(RpcSubjects.reporting.digestFeedDisable, toRpcPayload(input), { token });
  }

  @Mutation(() => DigestKeywordsModel, { description: 'Replace the digest’s keywords (lead agency COORDINATOR)' })
  setDigestKeywords(@Args('input') input: SetDigestKeywordsInput, @InternalToken() token: string): Promise<DigestKeywordsDto> {
    return this.rpc.request<DigestKeywordsDto>(RpcSubjects.reporting.digestKeywordsSet, toRpcPayload(input), { token });
  }

  @Mutation(() => ReportDigestItemPayload, {
    description: 'Report a digest item to intake as a report of the coordinator’s agency (monitoring feeds as an intake channel)',
  })
  reportDigestItem(@Args('input') input: ReportDigestItemInput, @InternalToken() token: string): Promise<ReportDigestItemResponse> {
    return this.rpc.request<ReportDigestItemResponse>(RpcSubjects.reporting.digestItemReport, toRpcPayload(input), { token, timeoutMs: REPORT_RPC_MS });
  }
}
