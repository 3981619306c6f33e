import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ErrorCodes, RpcSubjects, type EvidenceContentDto, type EvidenceItemDto, type EvidencePackageDto, type PoliceReferralDto, type PublicSourceDto, type UploadTicketDto } from '@phoi-hop/contracts';
import { RpcCallError, RpcClient } from '@phoi-hop/messaging';
import { InternalToken } from '../common/caller.decorators';
import { toRpcPayload } from '../common/rpc-payload';
import {
  AddTextExcerptInput,
  CaptureWebPageInput,
  EditPublicSourceInput,
  ExportEvidencePackageInput,
  HandOverEvidencePackageInput,
  LegalHoldInput,
  RequestEvidenceUploadInput,
  RequestPoliceReferralInput,
  UpdatePoliceReferralInput,
} from './evidence.input';
import { EvidenceContentModel, EvidenceItemModel, EvidencePackageModel, EvidenceUploadTicketModel, PoliceReferralModel, PublicSourceModel } from './evidence.model';

/** Capturing a page (fetch, images, headless rendering) and packaging a case take longer than a lookup. */
const LONG_RPC_MS = 90_000;

@Resolver(() => EvidenceItemModel)
export class EvidenceResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => [EvidenceItemModel], { description: 'The evidence on a case, oldest first (Đ6.2)' })
  evidenceItems(@Args('caseId', { type: () => ID }) caseId: string, @InternalToken() token: string): Promise<EvidenceItemDto[]> {
    return this.rpc.request<EvidenceItemDto[]>(RpcSubjects.evidence.itemList, { caseId }, { token });
  }

  @Query(() => EvidenceItemModel, { nullable: true, description: 'An evidence item on a case the viewer may see (null otherwise)' })
  async evidenceItem(@Args('id', { type: () => ID }) id: string, @InternalToken() token: string): Promise<EvidenceItemDto | null> {
    try {
      return await this.rpc.request<EvidenceItemDto>(RpcSubjects.evidence.itemGet, { itemId: id }, { token });
    } catch (error) {
      if (error instanceof RpcCallError && (error.code === ErrorCodes.NOT_FOUND || (error.code === ErrorCodes.BAD_USER_INPUT && error.field === 'itemId'))) return null;
      throw error;
    }
  }

  @Query(() => EvidenceContentModel, { description: 'An item’s content: for the capturing agency, coordinators and investigators; every read is in the custody log' })
  evidenceContent(@Args('itemId', { type: () => ID }) itemId: string, @InternalToken() token: string): Promise<EvidenceContentDto> {
    return this.rpc.request<EvidenceContentDto>(RpcSubjects.evidence.itemContent, { itemId }, { token });
  }

  @Query(() => [EvidencePackageModel], { description: 'The signed packages exported for a case' })
  evidencePackages(@Args('caseId', { type: () => ID }) caseId: string, @InternalToken() token: string): Promise<EvidencePackageDto[]> {
    return this.rpc.request<EvidencePackageDto[]>(RpcSubjects.evidence.packageList, { caseId }, { token });
  }

  @Query(() => [PoliceReferralModel], { description: 'The police referrals of a case (restricted: coordinators and investigators)' })
  policeReferrals(@Args('caseId', { type: () => ID }) caseId: string, @InternalToken() token: string): Promise<PoliceReferralDto[]> {
    return this.rpc.request<PoliceReferralDto[]>(RpcSubjects.evidence.referralList, { caseId }, { token });
  }

  @Query(() => [PublicSourceModel], { description: 'The public sources (page, group, channel, account, website) the case’s reports point at, with the other cases showing them' })
  publicSources(@Args('caseId', { type: () => ID }) caseId: string, @InternalToken() token: string): Promise<PublicSourceDto[]> {
    return this.rpc.request<PublicSourceDto[]>(RpcSubjects.evidence.sourceList, { caseId }, { token });
  }

  @Mutation(() => PublicSourceModel, { description: 'Correct a public source’s kind or record the name it shows publicly (COORDINATOR)' })
  editPublicSource(@Args('input') input: EditPublicSourceInput, @InternalToken() token: string): Promise<PublicSourceDto> {
    return this.rpc.request<PublicSourceDto>(RpcSubjects.evidence.sourceEdit, toRpcPayload(input), { token });
  }

  @Mutation(() => EvidenceItemModel, { description: 'Keep a text excerpt of published content as evidence' })
  addTextExcerpt(@Args('input') input: AddTextExcerptInput, @InternalToken() token: string): Promise<EvidenceItemDto> {
    return this.rpc.request<EvidenceItemDto>(RpcSubjects.evidence.excerptAdd, toRpcPayload(input), { token });
  }

  @Mutation(() => EvidenceUploadTicketModel, { description: 'A short-lived, single-use address to upload one file (screenshot, picture, video, PDF) to' })
  requestEvidenceUpload(@Args('input') input: RequestEvidenceUploadInput, @InternalToken() token: string): Promise<UploadTicketDto> {
    return this.rpc.request<UploadTicketDto>(RpcSubjects.evidence.uploadRequest, toRpcPayload(input), { token });
  }

  @Mutation(() => EvidenceItemModel, { description: 'Capture a public page server-side: WARC, text and a full-page screenshot' })
  captureWebPage(@Args('input') input: CaptureWebPageInput, @InternalToken() token: string): Promise<EvidenceItemDto> {
    return this.rpc.request<EvidenceItemDto>(RpcSubjects.evidence.captureRequest, toRpcPayload(input), { token, timeoutMs: LONG_RPC_MS });
  }

  @Mutation(() => EvidenceItemModel, { description: 'Keep an item through every retention purge until released' })
  placeLegalHold(@Args('input') input: LegalHoldInput, @InternalToken() token: string): Promise<EvidenceItemDto> {
    return this.rpc.request<EvidenceItemDto>(RpcSubjects.evidence.holdPlace, toRpcPayload(input), { token });
  }

  @Mutation(() => EvidenceItemModel, { description: 'Release an item’s legal hold' })
  releaseLegalHold(@Args('input') input: LegalHoldInput, @InternalToken() token: string): Promise<EvidenceItemDto> {
    return this.rpc.request<EvidenceItemDto>(RpcSubjects.evidence.holdRelease, toRpcPayload(input), { token });
  }

  @Mutation(() => EvidencePackageModel, { description: 'Export a case’s evidence as a signed WACZ 1.1.1 package' })
  exportEvidencePackage(@Args('input') input: ExportEvidencePackageInput, @InternalToken() token: string): Promise<EvidencePackageDto> {
    return this.rpc.request<EvidencePackageDto>(RpcSubjects.evidence.packageExport, toRpcPayload(input), { token, timeoutMs: LONG_RPC_MS });
  }

  @Mutation(() => PoliceReferralModel, { description: 'Refer a REFER_TO_POLICE action of the decision to the police (lead agency COORDINATOR, Đ6.2)' })
  requestPoliceReferral(@Args('input') input: RequestPoliceReferralInput, @InternalToken() token: string): Promise<PoliceReferralDto> {
    return this.rpc.request<PoliceReferralDto>(RpcSubjects.evidence.referralRequest, toRpcPayload(input), { token });
  }

  @Mutation(() => PoliceReferralModel, { description: 'The police report the reference number, status and outcome of a referral' })
  updatePoliceReferral(@Args('input') input: UpdatePoliceReferralInput, @InternalToken() token: string): Promise<PoliceReferralDto> {
    return this.rpc.request<PoliceReferralDto>(RpcSubjects.evidence.referralUpdate, toRpcPayload(input), { token });
  }

  @Mutation(() => PoliceReferralModel, { description: 'Hand an evidence package over to the police (a custody transfer)' })
  handOverEvidencePackage(@Args('input') input: HandOverEvidencePackageInput, @InternalToken() token: string): Promise<PoliceReferralDto> {
    return this.rpc.request<PoliceReferralDto>(RpcSubjects.evidence.referralHandOver, toRpcPayload(input), { token });
  }
}
