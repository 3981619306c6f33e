import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/gql-context';
import { AgencyModel } from '../directory/agency.model';
import { ParticipantHistoryModel, ParticipantModel } from './participant.model';

async function agencyOf(code: string, context: GqlContext): Promise<AgencyModel> {
  const agency = await context.loaders.agency.load(code);
  return agency ?? { code, name: code, kind: null, validTo: null, successorCode: null };
}

@Resolver(() => ParticipantHistoryModel)
export class ParticipantHistoryResolver {
  @ResolveField(() => AgencyModel)
  async agency(@Parent() participant: ParticipantHistoryModel, @Context() context: GqlContext): Promise<AgencyModel> {
    return agencyOf(participant.agencyCode, context);
  }
}

@Resolver(() => ParticipantModel)
export class ParticipantResolver {
  @ResolveField(() => AgencyModel)
  async agency(@Parent() participant: ParticipantModel, @Context() context: GqlContext): Promise<AgencyModel> {
    return agencyOf(participant.agencyCode, context);
  }
}
