import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AgencyGetManyRequest, RpcSubjects, type AgencyDto } from '@phoi-hop/contracts';
import { AgencyService } from './agency.service';

@Controller()
export class AgencyNatsController {
  constructor(private readonly agencies: AgencyService) {}

  @MessagePattern(RpcSubjects.directory.agencyList)
  list(): Promise<AgencyDto[]> {
    return this.agencies.list();
  }

  @MessagePattern(RpcSubjects.directory.agencyGetMany)
  getMany(@Payload() request: AgencyGetManyRequest): Promise<AgencyDto[]> {
    return this.agencies.getMany(request.codes);
  }
}
