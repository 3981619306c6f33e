import { Args, Query, Resolver } from '@nestjs/graphql';
import { RpcSubjects, type StatisticsDto } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import { InternalToken } from '../common/caller.decorators';
import { toRpcPayload } from '../common/rpc-payload';
import { StatisticsInput } from './statistics.input';
import { StatisticsModel } from './statistics.model';

@Resolver(() => StatisticsModel)
export class ReportingResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => StatisticsModel, { description: 'Statistics of a period for dashboards and reports (leaders, coordinators, auditors)' })
  statistics(@Args('input') input: StatisticsInput, @InternalToken() token: string): Promise<StatisticsDto> {
    return this.rpc.request<StatisticsDto>(RpcSubjects.reporting.statisticsPeriod, toRpcPayload(input), { token });
  }
}
