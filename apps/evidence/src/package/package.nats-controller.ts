import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { EvidenceListRequest, ExportPackageRequest, RpcSubjects, type Actor, type EvidencePackageDto } from '@phoi-hop/contracts';
import { RpcActor } from '@phoi-hop/messaging';
import { PackageService } from './package.service';

@Controller()
export class PackageNatsController {
  constructor(private readonly packages: PackageService) {}

  @MessagePattern(RpcSubjects.evidence.packageExport)
  export(@RpcActor() actor: Actor, @Payload() request: ExportPackageRequest): Promise<EvidencePackageDto> {
    return this.packages.export(actor, request.caseId);
  }

  @MessagePattern(RpcSubjects.evidence.packageList)
  list(@RpcActor() actor: Actor, @Payload() request: EvidenceListRequest): Promise<EvidencePackageDto[]> {
    return this.packages.list(actor, request.caseId);
  }
}
