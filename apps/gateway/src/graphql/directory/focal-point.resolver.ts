import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RpcSubjects, type FocalPointDto } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import { InternalToken } from '../common/caller.decorators';
import { toRpcPayload } from '../common/rpc-payload';
import { FocalPointInput } from './focal-point.input';
import { FocalPointModel } from './focal-point.model';

@Resolver(() => FocalPointModel)
export class FocalPointResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => [FocalPointModel], { description: "An agency's focal-point officers (Đ4.3)" })
  focalPoints(@Args('agencyCode') agencyCode: string, @InternalToken() token: string): Promise<FocalPointDto[]> {
    return this.rpc.request<FocalPointDto[]>(RpcSubjects.directory.focalPointList, { agencyCode }, { token });
  }

  @Mutation(() => FocalPointModel, { description: 'Add or change a focal point (ADMIN, COORDINATOR)' })
  setFocalPoint(@Args('input') input: FocalPointInput, @InternalToken() token: string): Promise<FocalPointDto> {
    return this.rpc.request<FocalPointDto>(RpcSubjects.directory.focalPointSet, toRpcPayload(input), { token });
  }
}
