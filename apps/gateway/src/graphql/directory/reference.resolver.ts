import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ErrorCodes, RpcSubjects, type ReferenceRevisionDto } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import { InternalToken } from '../common/caller.decorators';
import { gqlError } from '../common/gql-errors';
import { toRpcPayload } from '../common/rpc-payload';
import { ReferenceKindEnum } from './directory.enums';
import { EditReferenceInput } from './reference.input';
import { toReferenceRevisionModel } from './reference.mapper';
import { ReferenceRevisionModel } from './reference.model';

@Resolver()
export class ReferenceResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Mutation(() => ReferenceRevisionModel, { description: 'Edit reference data or a responsibility rule as a version in force from a day (ADMIN); audited' })
  async editReference(@Args('input') input: EditReferenceInput, @InternalToken() token: string): Promise<ReferenceRevisionModel> {
    const { recordJson, ...rest } = input;
    const request = toRpcPayload({ ...rest, validFrom: input.validFrom ?? undefined, retire: input.retire ?? undefined, record: parseRecord(recordJson) });
    return toReferenceRevisionModel(await this.rpc.request<ReferenceRevisionDto>(RpcSubjects.directory.referenceEdit, request, { token }));
  }

  @Query(() => [ReferenceRevisionModel], { description: 'Every version of one record of reference data, oldest first' })
  async referenceHistory(@Args('kind', { type: () => ReferenceKindEnum }) kind: string, @Args('code') code: string, @InternalToken() token: string): Promise<ReferenceRevisionModel[]> {
    return (await this.rpc.request<ReferenceRevisionDto[]>(RpcSubjects.directory.referenceHistory, { kind, code }, { token })).map(toReferenceRevisionModel);
  }
}

/** The record a client sends as JSON text: an object, or undefined when none was sent. */
function parseRecord(recordJson: string | null | undefined): Record<string, unknown> | undefined {
  if (recordJson === undefined || recordJson === null) return undefined;
  if (recordJson.length > 50_000) throw gqlError(ErrorCodes.BAD_USER_INPUT, 'recordJson is too large', 'recordJson');
  let record: unknown;
  try {
    record = JSON.parse(recordJson);
  } catch {
    throw gqlError(ErrorCodes.BAD_USER_INPUT, 'recordJson is not JSON', 'recordJson');
  }
  if (!record || typeof record !== 'object' || Array.isArray(record)) throw gqlError(ErrorCodes.BAD_USER_INPUT, 'recordJson must be a JSON object', 'recordJson');
  return record as Record<string, unknown>;
}
