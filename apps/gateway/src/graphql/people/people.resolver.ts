import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { CaseStatusChangeDto, DecisionDto } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import { CaseStatusChangeModel } from '../case/case.model';
import type { GqlContext } from '../common/gql-context';
import { ConsultationModel, ResolutionModel } from '../consultation/consultation.model';
import { DecisionModel } from '../decision/decision.model';
import { AgencyModel } from '../directory/agency.model';
import { PersonModel } from './person.model';
import { peopleLoader } from './people.loader';

@Resolver(() => PersonModel)
export class PersonResolver {
  @ResolveField(() => AgencyModel)
  async agency(@Parent() person: PersonModel, @Context() context: GqlContext): Promise<AgencyModel> {
    return (await context.loaders.agency.load(person.agencyCode)) ?? { code: person.agencyCode, name: person.agencyCode, kind: 'UNKNOWN', validTo: null, successorCode: null };
  }
}

/** Who changed a case's status, as a person (batched). */
@Resolver(() => CaseStatusChangeModel)
export class StatusChangePersonResolver {
  constructor(private readonly rpc: RpcClient) {}

  @ResolveField(() => PersonModel, { nullable: true, description: 'Who made the change; null for the platform itself (deadlines, consultation events) and for changes recorded before people were' })
  async by(@Parent() change: CaseStatusChangeModel, @Context() context: GqlContext): Promise<PersonModel | null> {
    const { byUserId } = change as CaseStatusChangeModel & Partial<Pick<CaseStatusChangeDto, 'byUserId'>>;
    return byUserId ? peopleLoader(context, this.rpc).load(byUserId) : null;
  }
}

/** Who decided, as a person (batched). */
@Resolver(() => DecisionModel)
export class DecisionPersonResolver {
  constructor(private readonly rpc: RpcClient) {}

  @ResolveField(() => PersonModel, { nullable: true, description: 'The coordinator who decided; null if the directory no longer knows them' })
  async decidedBy(@Parent() decision: DecisionModel, @Context() context: GqlContext): Promise<PersonModel | null> {
    const { decidedBy } = decision as DecisionModel & Partial<Pick<DecisionDto, 'decidedBy'>>;
    return decidedBy ? peopleLoader(context, this.rpc).load(decidedBy) : null;
  }
}

/** Who opened a consultation and who resolved it, as people (batched); `openedBy` and `resolvedBy` hold their user ids. */
@Resolver(() => ConsultationModel)
export class ConsultationPersonResolver {
  constructor(private readonly rpc: RpcClient) {}

  @ResolveField(() => PersonModel, { nullable: true, description: 'The coordinator who opened it; null if the directory no longer knows them' })
  async openedByPerson(@Parent() consultation: ConsultationModel, @Context() context: GqlContext): Promise<PersonModel | null> {
    return consultation.openedBy ? peopleLoader(context, this.rpc).load(consultation.openedBy) : null;
  }
}

@Resolver(() => ResolutionModel)
export class ResolutionPersonResolver {
  constructor(private readonly rpc: RpcClient) {}

  @ResolveField(() => PersonModel, { nullable: true, description: 'The coordinator who resolved it; null if the directory no longer knows them' })
  async resolvedByPerson(@Parent() resolution: ResolutionModel, @Context() context: GqlContext): Promise<PersonModel | null> {
    return resolution.resolvedBy ? peopleLoader(context, this.rpc).load(resolution.resolvedBy) : null;
  }
}
