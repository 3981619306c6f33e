import { Args, Context, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { ErrorCodes, RpcSubjects, type ReferenceRevisionDto } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import { gqlError } from './gql-errors';
import { requireActor, type GqlContext } from './gql-context';

@InputType({ description: 'A new version of one record of reference data (ADMIN)' })
export class EditReferenceInput {
  @Field({ description: 'AGENCY, LOCALITY, SECTOR, CATEGORY, RULE or SLA' })
  kind!: string;

  @Field({ description: 'The code of the record (a rule’s id; for SLA, the severity)' })
  code!: string;

  @Field({ nullable: true, description: 'The day the version takes effect (YYYY-MM-DD; default today, never in the past)' })
  validFrom?: string;

  @Field({ nullable: true, description: 'The record as JSON, shaped as in the seed files (apps/directory/seed/README.md); SLA: {"triageHours":…,"decisionHours":…}' })
  recordJson?: string;

  @Field({ nullable: true, description: 'Retire the locality, sector, category or rule from validFrom' })
  retire?: boolean;

  @Field()
  reason!: string;
}

@ObjectType('ReferenceRevision')
export class ReferenceRevisionModel {
  @Field(() => Int)
  id!: number;

  @Field()
  kind!: string;

  @Field(() => ID)
  code!: string;

  @Field()
  validFrom!: string;

  @Field(() => String, { nullable: true, description: 'The record as JSON; null when retired' })
  recordJson!: string | null;

  @Field()
  reason!: string;

  @Field(() => String, { nullable: true })
  actorAgency!: string | null;

  @Field()
  createdAt!: string;
}

const toModel = (r: ReferenceRevisionDto): ReferenceRevisionModel => ({ ...r, recordJson: r.record ? JSON.stringify(r.record) : null });

@Resolver()
export class ReferenceResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Mutation(() => ReferenceRevisionModel, { description: 'Edit reference data or a responsibility rule as a version in force from a day (ADMIN); audited' })
  async editReference(@Args('input') input: EditReferenceInput, @Context() context: GqlContext): Promise<ReferenceRevisionModel> {
    const { token } = requireActor(context, 'editReference');
    let record: unknown;
    if (input.recordJson !== undefined && input.recordJson !== null) {
      if (input.recordJson.length > 50_000) throw gqlError(ErrorCodes.BAD_USER_INPUT, 'recordJson is too large', 'recordJson');
      try {
        record = JSON.parse(input.recordJson);
      } catch {
        throw gqlError(ErrorCodes.BAD_USER_INPUT, 'recordJson is not JSON', 'recordJson');
      }
      if (!record || typeof record !== 'object' || Array.isArray(record)) throw gqlError(ErrorCodes.BAD_USER_INPUT, 'recordJson must be a JSON object', 'recordJson');
    }
    const request: Record<string, unknown> = { kind: input.kind, code: input.code, reason: input.reason };
    if (input.validFrom !== undefined && input.validFrom !== null) request['validFrom'] = input.validFrom;
    if (input.retire !== undefined && input.retire !== null) request['retire'] = input.retire;
    if (record) request['record'] = record;
    return toModel(await this.rpc.request<ReferenceRevisionDto>(RpcSubjects.directory.referenceEdit, request, { token }));
  }

  @Query(() => [ReferenceRevisionModel], { description: 'Every version of one record of reference data, oldest first' })
  async referenceHistory(@Args('kind') kind: string, @Args('code') code: string, @Context() context: GqlContext): Promise<ReferenceRevisionModel[]> {
    const { token } = requireActor(context, 'referenceHistory');
    return (await this.rpc.request<ReferenceRevisionDto[]>(RpcSubjects.directory.referenceHistory, { kind, code }, { token })).map(toModel);
  }
}
