import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RpcSubjects, type ReorganizeAgenciesResponse } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import { InternalToken } from '../common/caller.decorators';
import { toRpcPayload } from '../common/rpc-payload';
import { ReorganizeAgenciesInput } from './agency.input';
import { ReorganizeAgenciesPayloadModel } from './agency.model';

@Resolver()
export class AgencyResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Mutation(() => ReorganizeAgenciesPayloadModel, { description: 'Merge or rename agencies from a date; their open cases move to the successor (ADMIN)' })
  reorganizeAgencies(@Args('input') input: ReorganizeAgenciesInput, @InternalToken() token: string): Promise<ReorganizeAgenciesPayloadModel> {
    return this.rpc.request<ReorganizeAgenciesResponse>(RpcSubjects.directory.agencyReorganize, toRpcPayload(input), { token });
  }
}
