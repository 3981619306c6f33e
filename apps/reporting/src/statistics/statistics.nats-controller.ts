import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RpcSubjects, StatisticsRequest, type StatisticsDto } from '@phoi-hop/contracts';
import { StatisticsService } from './statistics.service';

@Controller()
export class StatisticsNatsController {
  constructor(private readonly statistics: StatisticsService) {}

  @MessagePattern(RpcSubjects.reporting.statisticsPeriod)
  period(@Payload() request: StatisticsRequest): Promise<StatisticsDto> {
    return this.statistics.forPeriod(request.from, request.to, {
      ...(request.categoryCode ? { categoryCode: request.categoryCode } : {}),
      ...(request.localityCode ? { localityCode: request.localityCode } : {}),
      ...(request.agencyCode ? { agencyCode: request.agencyCode } : {}),
    });
  }
}
