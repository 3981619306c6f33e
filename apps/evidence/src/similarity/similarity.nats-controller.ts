import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { EvidenceItemGetRequest, EvidenceListRequest, RpcSubjects, type Actor, type SimilarEvidenceDto } from '@phoi-hop/contracts';
import { RpcActor } from '@phoi-hop/messaging';
import { SimilarityService } from './similarity.service';

@Controller()
export class SimilarityNatsController {
  constructor(private readonly similarity: SimilarityService) {}

  @MessagePattern(RpcSubjects.evidence.itemSimilar)
  forItem(@RpcActor() actor: Actor, @Payload() request: EvidenceItemGetRequest): Promise<SimilarEvidenceDto[]> {
    return this.similarity.forItem(actor, request.itemId);
  }

  @MessagePattern(RpcSubjects.evidence.caseSimilar)
  forCase(@RpcActor() actor: Actor, @Payload() request: EvidenceListRequest): Promise<SimilarEvidenceDto[]> {
    return this.similarity.forCase(actor, request.caseId);
  }
}
