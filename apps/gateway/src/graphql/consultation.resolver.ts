import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ErrorCodes, RpcSubjects, type ConsultationDto } from '@phoi-hop/contracts';
import { RpcCallError, RpcClient } from '@phoi-hop/messaging';
import { ConsultationModel, OpenConsultationInput, RecordMeetingInput, ResolveConsultationInput, SubmitOpinionInput } from './consultation.model';
import { requireActor, type GqlContext } from './gql-context';

/** GraphQL inputs are class instances with null prototypes; the services get plain JSON. */
const plain = (input: object): Record<string, unknown> => JSON.parse(JSON.stringify(input)) as Record<string, unknown>;

@Resolver(() => ConsultationModel)
export class ConsultationResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => ConsultationModel, { nullable: true, description: 'A consultation on a case the viewer may see (null otherwise)' })
  async consultation(@Args('id', { type: () => ID }) id: string, @Context() context: GqlContext): Promise<ConsultationDto | null> {
    const { token } = requireActor(context, 'consultation');
    try {
      return await this.rpc.request<ConsultationDto>(RpcSubjects.consultation.get, { id }, { token });
    } catch (error) {
      // As for cases: not found, not visible and not an id all read the same.
      if (error instanceof RpcCallError && (error.code === ErrorCodes.NOT_FOUND || (error.code === ErrorCodes.BAD_USER_INPUT && error.field === 'id'))) return null;
      throw error;
    }
  }

  @Query(() => [ConsultationModel], { description: 'Every consultation held on a case, oldest first' })
  consultations(@Args('caseId', { type: () => ID }) caseId: string, @Context() context: GqlContext): Promise<ConsultationDto[]> {
    const { token } = requireActor(context, 'consultations');
    return this.rpc.request<ConsultationDto[]>(RpcSubjects.consultation.list, { caseId }, { token });
  }

  @Mutation(() => ConsultationModel, { description: 'Consult the agencies on a case by a meeting or in writing (lead agency COORDINATOR, Đ4.2)' })
  openConsultation(@Args('input') input: OpenConsultationInput, @Context() context: GqlContext): Promise<ConsultationDto> {
    const { token } = requireActor(context, 'openConsultation');
    return this.rpc.request<ConsultationDto>(RpcSubjects.consultation.open, plain(input), { token });
  }

  @Mutation(() => ConsultationModel, { description: 'An invited agency gives its written opinion' })
  submitOpinion(@Args('input') input: SubmitOpinionInput, @Context() context: GqlContext): Promise<ConsultationDto> {
    const { token } = requireActor(context, 'submitOpinion');
    return this.rpc.request<ConsultationDto>(RpcSubjects.consultation.opinionSubmit, plain(input), { token });
  }

  @Mutation(() => ConsultationModel, { description: 'Record a meeting: attendance, minutes and dissenting views' })
  recordMeeting(@Args('input') input: RecordMeetingInput, @Context() context: GqlContext): Promise<ConsultationDto> {
    const { token } = requireActor(context, 'recordMeeting');
    return this.rpc.request<ConsultationDto>(RpcSubjects.consultation.meetingRecord, plain(input), { token });
  }

  @Mutation(() => ConsultationModel, { description: 'Resolve a consultation with the agreed handling plan' })
  resolveConsultation(@Args('input') input: ResolveConsultationInput, @Context() context: GqlContext): Promise<ConsultationDto> {
    const { token } = requireActor(context, 'resolveConsultation');
    return this.rpc.request<ConsultationDto>(RpcSubjects.consultation.resolve, plain(input), { token });
  }
}
