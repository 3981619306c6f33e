import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RpcSubjects, type ContentIndicatorDto, type SimilarEvidenceDto } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import { InternalToken } from '../common/caller.decorators';
import { toRpcPayload } from '../common/rpc-payload';
import { AddContentIndicatorInput, RemoveContentIndicatorInput } from './evidence-links.input';
import { ContentIndicatorModel, SimilarEvidenceModel } from './evidence-links.model';

/** What links evidence across cases: the same picture, and the same indicators printed in the content. */
@Resolver()
export class EvidenceLinksResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => [SimilarEvidenceModel], { description: 'Pictures of an item that look like pictures in other cases the viewer may see, nearest first' })
  similarEvidence(@Args('itemId', { type: () => ID }) itemId: string, @InternalToken() token: string): Promise<SimilarEvidenceDto[]> {
    return this.rpc.request<SimilarEvidenceDto[]>(RpcSubjects.evidence.itemSimilar, { itemId }, { token });
  }

  @Query(() => [SimilarEvidenceModel], { description: 'Pictures of a case’s evidence that look like pictures in other cases the viewer may see' })
  caseSimilarEvidence(@Args('caseId', { type: () => ID }) caseId: string, @InternalToken() token: string): Promise<SimilarEvidenceDto[]> {
    return this.rpc.request<SimilarEvidenceDto[]>(RpcSubjects.evidence.caseSimilar, { caseId }, { token });
  }

  @Query(() => [ContentIndicatorModel], {
    description: 'Indicators the case’s evidence shows, with the other cases showing them (restricted like the content; every read is audited)',
  })
  contentIndicators(@Args('caseId', { type: () => ID }) caseId: string, @InternalToken() token: string): Promise<ContentIndicatorDto[]> {
    return this.rpc.request<ContentIndicatorDto[]>(RpcSubjects.evidence.indicatorList, { caseId }, { token });
  }

  @Mutation(() => ContentIndicatorModel, { description: 'Record an indicator an item shows (a domain, phone number, bank account or e-mail), as shown' })
  addContentIndicator(@Args('input') input: AddContentIndicatorInput, @InternalToken() token: string): Promise<ContentIndicatorDto> {
    return this.rpc.request<ContentIndicatorDto>(RpcSubjects.evidence.indicatorAdd, toRpcPayload(input), { token });
  }

  @Mutation(() => ContentIndicatorModel, { description: 'Remove an indicator recorded by mistake, with the reason (in the custody log)' })
  removeContentIndicator(@Args('input') input: RemoveContentIndicatorInput, @InternalToken() token: string): Promise<ContentIndicatorDto> {
    return this.rpc.request<ContentIndicatorDto>(RpcSubjects.evidence.indicatorRemove, toRpcPayload(input), { token });
  }
}
