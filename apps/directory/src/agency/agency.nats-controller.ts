import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AgencyGetManyRequest, ReorganizeAgenciesRequest, RpcSubjects, type AgencyDto, type ReorganizeAgenciesResponse, type Actor } from '@phoi-hop/contracts';
import { RpcActor } from '@phoi-hop/messaging';
import { AgencyService } from './agency.service';

@Controller()
export class AgencyNatsController {
  constructor(private readonly agencies: AgencyService) {}

  @MessagePattern(RpcSubjects.directory.agencyList)
  list(): Promise<AgencyDto[]> {
    return this.agencies.list();
  }

  @MessagePattern(RpcSubjects.directory.agencyReorganize)
  reorganize(@RpcActor() actor: Actor, @Payload() request: ReorganizeAgenciesRequest): Promise<ReorganizeAgenciesResponse> {
    return this.agencies.reorganize(actor, request);
  }

  @MessagePattern(RpcSubjects.directory.agencyGetMany)
  getMany(@Payload() request: AgencyGetManyRequest): Promise<AgencyDto[]> {
    return this.agencies.getMany(request.codes);
  }
}
