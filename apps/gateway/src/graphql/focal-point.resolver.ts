import { Args, Context, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { RpcSubjects, type FocalPointDto } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import { requireActor, type GqlContext } from './gql-context';

@ObjectType('FocalPoint', { description: 'Đ4.3: an officer an agency assigns to this work (work contact only)' })
export class FocalPointModel {
  @Field(() => ID)
  id!: string;

  @Field()
  agencyCode!: string;

  @Field()
  displayName!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  workPhone!: string | null;

  @Field(() => String, { nullable: true })
  workEmail!: string | null;

  @Field(() => ID, { nullable: true, description: 'Who stands in when this officer is away' })
  deputyId!: string | null;

  @Field()
  active!: boolean;
}

@InputType()
export class FocalPointInput {
  @Field()
  agencyCode!: string;

  @Field(() => ID, { nullable: true, description: 'Absent: add a new focal point' })
  id?: string;

  @Field()
  displayName!: string;

  @Field()
  title!: string;

  @Field({ nullable: true })
  workPhone?: string;

  @Field({ nullable: true })
  workEmail?: string;

  @Field(() => ID, { nullable: true })
  deputyId?: string;

  @Field({ nullable: true })
  active?: boolean;
}

@Resolver(() => FocalPointModel)
export class FocalPointResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => [FocalPointModel], { description: "An agency's focal-point officers (Đ4.3)" })
  focalPoints(@Args('agencyCode') agencyCode: string, @Context() context: GqlContext): Promise<FocalPointDto[]> {
    const { token } = requireActor(context, 'focalPoints');
    return this.rpc.request<FocalPointDto[]>(RpcSubjects.directory.focalPointList, { agencyCode }, { token });
  }

  @Mutation(() => FocalPointModel, { description: 'Add or change a focal point (ADMIN, COORDINATOR)' })
  setFocalPoint(@Args('input') input: FocalPointInput, @Context() context: GqlContext): Promise<FocalPointDto> {
    const { token } = requireActor(context, 'setFocalPoint');
    const request = JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
    return this.rpc.request<FocalPointDto>(RpcSubjects.directory.focalPointSet, request, { token });
  }
}
