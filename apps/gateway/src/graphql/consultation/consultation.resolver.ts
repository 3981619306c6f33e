import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ErrorCodes, RpcSubjects, type ConsultationDto } from '@phoi-hop/contracts';
import { RpcCallError, RpcClient } from '@phoi-hop/messaging';
import { InternalToken } from '../common/caller.decorators';
import { toRpcPayload } from '../common/rpc-payload';
import { OpenConsultationInput, RecordMeetingInput, ResolveConsultationInput, SubmitOpinionInput } from './consultation.input';
import { ConsultationModel } from './consultation.model';
import { IdempotencyKey, withClientRequestId } from '../common/idempotency';

@Resolver(() => ConsultationModel)
export class ConsultationResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => ConsultationModel, { nullable: true, description: 'A consultation on a case the viewer may see (null otherwise)' })
  async consultation(@Args('id', { type: () => ID }) id: string, @InternalToken() token: string): Promise<ConsultationDto | null> {
    try {
      return await this.rpc.request<ConsultationDto>(RpcSubjects.consultation.get, { id }, { token });
    } catch (error) {
      // As for cases: not found, not visible and not an id all read the same.
      if (error instanceof RpcCallError && (error.code === ErrorCodes.NOT_FOUND || (error.code === ErrorCodes.BAD_USER_INPUT && error.field === 'id'))) return null;
      throw error;
    }
  }

  @Query(() => [ConsultationModel], { description: 'Every consultation held on a case, oldest first' })
  consultations(@Args('caseId', { type: () => ID }) caseId: string, @InternalToken() token: string): Promise<ConsultationDto[]> {
    return this.rpc.request<ConsultationDto[]>(RpcSubjects.consultation.list, { caseId }, { token });
  }

  @Mutation(() => ConsultationModel, { description: 'Consult the agencies on a case by a meeting or in writing (lead agency COORDINATOR, Đ4.2)' })
  openConsultation(@Args('input') input: OpenConsultationInput, @InternalToken() token: string, @IdempotencyKey() key: string | null): Promise<ConsultationDto> {
    return this.rpc.request<ConsultationDto>(RpcSubjects.consultation.open, toRpcPayload(withClientRequestId(input, key)), { token });
  }

  @Mutation(() => ConsultationModel, { description: 'An invited agency gives its written opinion' })
  submitOpinion(@Args('input') input: SubmitOpinionInput, @InternalToken() token: string, @IdempotencyKey() key: string | null): Promise<ConsultationDto> {
    return this.rpc.request<ConsultationDto>(RpcSubjects.consultation.opinionSubmit, toRpcPayload(withClientRequestId(input, key)), { token });
  }

  @Mutation(() => ConsultationModel, { description: 'Record a meeting: attendance, minutes and dissenting views' })
  recordMeeting(@Args('input') input: RecordMeetingInput, @InternalToken() token: string): Promise<ConsultationDto> {
    return this.rpc.request<ConsultationDto>(RpcSubjects.consultation.meetingRecord, toRpcPayload(input), { token });
  }

  @Mutation(() => ConsultationModel, { description: 'Resolve a consultation with the agreed handling plan' })
  resolveConsultation(@Args('input') input: ResolveConsultationInput, @InternalToken() token: string): Promise<ConsultationDto> {
    return this.rpc.request<ConsultationDto>(RpcSubjects.consultation.resolve, toRpcPayload(input), { token });
  }
}
