import { Args, Context, Field, InputType, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { RpcSubjects, type ReorganizeAgenciesResponse } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import { AgencyModel } from './case.model';
import { requireActor, type GqlContext } from './gql-context';

@InputType()
export class NewAgencyInputModel {
  @Field()
  name!: string;

  @Field({ description: 'DEPARTMENT, PEOPLES_COMMITTEE, PARTY_COMMITTEE, POLICE, PRESS_ORGAN, ASSOCIATION or OFFICE' })
  kind!: string;

  @Field({ nullable: true })
  parentCode?: string;
}

@InputType()
export class ReorganizeAgenciesInput {
  @Field({ description: 'YYYY-MM-DD: the successor takes over from this day' })
  effectiveDate!: string;

  @Field(() => [String])
  retire!: string[];

  @Field()
  successorCode!: string;

  @Field(() => NewAgencyInputModel, { nullable: true, description: 'To create the successor' })
  newSuccessor?: NewAgencyInputModel;

  @Field({ description: 'Why (the decision that reorganised the agencies)' })
  reason!: string;
}

@ObjectType('ReorganizeAgenciesPayload')
export class ReorganizeAgenciesPayloadModel {
  @Field(() => [AgencyModel])
  retired!: AgencyModel[];

  @Field(() => AgencyModel)
  successor!: AgencyModel;
}

@Resolver()
export class AgencyResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Mutation(() => ReorganizeAgenciesPayloadModel, { description: 'Merge or rename agencies from a date; their open cases move to the successor (ADMIN)' })
  async reorganizeAgencies(@Args('input') input: ReorganizeAgenciesInput, @Context() context: GqlContext): Promise<ReorganizeAgenciesPayloadModel> {
    const { token } = requireActor(context, 'reorganizeAgencies');
    const request = JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
    return this.rpc.request<ReorganizeAgenciesResponse>(RpcSubjects.directory.agencyReorganize, request, { token });
  }
}
