import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DossierDocumentRequest, RpcSubjects, type Actor, type RenderedDocumentDto } from '@phoi-hop/contracts';
import { RpcActor } from '@phoi-hop/messaging';
import { DossierService } from './dossier.service';

@Controller()
export class DossierNatsController {
  constructor(private readonly dossiers: DossierService) {}

  @MessagePattern(RpcSubjects.reporting.dossierDocument)
  document(@RpcActor() actor: Actor, @Payload() request: DossierDocumentRequest): Promise<RenderedDocumentDto> {
    return this.dossiers.render(actor, request.caseId, request.format);
  }
}
