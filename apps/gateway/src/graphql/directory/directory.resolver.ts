import { Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RpcSubjects, type Actor, type AgencyDto, type UserDto } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import { CurrentActor, InternalToken } from '../common/caller.decorators';
import type { GqlContext } from '../common/gql-context';
import { AgencyModel } from './agency.model';
import { MeModel } from './me.model';

@Resolver(() => MeModel)
export class DirectoryResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => [AgencyModel], { description: 'Agencies of the province (Đ6), with validity and successor' })
  agencies(@InternalToken() token: string): Promise<AgencyDto[]> {
    return this.rpc.request<AgencyDto[]>(RpcSubjects.directory.agencyList, {}, { token });
  }

  @Query(() => MeModel, { description: 'The signed-in user' })
  async me(@CurrentActor() actor: Actor, @InternalToken() token: string): Promise<MeModel> {
    // A machine client is its API key, which the gateway already knows.
    if (actor.apiKeyId) return { id: actor.apiKeyId, username: actor.username, displayName: actor.username, roles: actor.roles, agencyCode: actor.agencyCode };
    const user = await this.rpc.request<UserDto>(RpcSubjects.directory.userGet, { username: actor.username }, { token });
    return { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, agencyCode: user.agencyCode };
  }

  @ResolveField(() => AgencyModel, { nullable: true })
  agency(@Parent() me: MeModel, @Context() context: GqlContext): Promise<AgencyDto | null> {
    return context.loaders.agency.load(me.agencyCode);
  }
}
