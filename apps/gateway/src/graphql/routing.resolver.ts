import { Args, Context, Field, InputType, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { RpcSubjects, type ExplainRoutingResponse } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import { ParticipantModel, ParticipantRoleEnum } from './case.model';
import { requireActor, type GqlContext } from './gql-context';

@InputType()
export class RoutingQuestionInput {
  @Field()
  categoryCode!: string;

  @Field({ nullable: true })
  localityCode?: string;

  @Field({ nullable: true })
  sectorCode?: string;

  @Field({ nullable: true, description: 'Text of the content, for keyword rules' })
  text?: string;

  @Field({ nullable: true, description: 'LOW, MEDIUM, HIGH or CRITICAL, for rules on severity (default: the category’s)' })
  severity?: string;

  @Field({ nullable: true, description: 'Route with the rules and reference data in force on this day (YYYY-MM-DD; default today)' })
  asOf?: string;
}

@ObjectType('RuleExplanation')
export class RuleExplanationModel {
  @Field()
  ruleId!: string;

  @Field()
  article!: string;

  @Field()
  matched!: boolean;

  @Field()
  reason!: string;

  @Field(() => String, { nullable: true })
  agencyCode!: string | null;
}

@ObjectType('RoutingExplanation')
export class RoutingExplanationModel {
  @Field(() => [ParticipantModel])
  participants!: ParticipantModel[];

  @Field(() => [RuleExplanationModel])
  rules!: RuleExplanationModel[];

  @Field(() => Int, { description: 'The version of the reference data used (0: as seeded)' })
  referenceVersion!: number;

  @Field({ description: 'The day routed for' })
  asOf!: string;
}

@Resolver()
export class RoutingResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => RoutingExplanationModel, { description: 'For a hypothetical case: who would be responsible, and why each rule matched or not (Đ6, Đ7)' })
  async explainRouting(@Args('input') input: RoutingQuestionInput, @Context() context: GqlContext): Promise<RoutingExplanationModel> {
    const { token } = requireActor(context, 'explainRouting');
    const request = JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
    const answer = await this.rpc.request<ExplainRoutingResponse>(RpcSubjects.directory.routingExplain, request, { token });
    return { ...answer, participants: answer.participants.map((p) => ({ ...p, role: p.role as ParticipantRoleEnum })) };
  }
}
