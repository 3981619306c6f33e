import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AgencyGetManyRequest, ReorganizeAgenciesRequest, RpcSubjects, type AgencyDto, type ReorganizeAgenciesResponse } from '@phoi-hop/contracts';
import { ActorContext } from '@phoi-hop/auth';
import { AgencyService } from './agency.service';

@Controller()
export class AgencyNatsController {
  constructor(private readonly agencies: AgencyService) {}

  @MessagePattern(RpcSubjects.directory.agencyList)
  list(): Promise<AgencyDto[]> {
    return this.agencies.list();
  }

  @MessagePattern(RpcSubjects.directory.agencyReorganize)
  reorganize(@Payload() request: ReorganizeAgenciesRequest): Promise<ReorganizeAgenciesResponse> {
    return this.agencies.reorganize(ActorContext.require(), request);
  }

  @MessagePattern(RpcSubjects.directory.agencyGetMany)
  getMany(@Payload() request: AgencyGetManyRequest): Promise<AgencyDto[]> {
    return this.agencies.getMany(request.codes);
  }
}
