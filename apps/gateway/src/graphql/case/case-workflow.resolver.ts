import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { RpcSubjects, type CaseDto, type CaseTransitionCommand, type SplitReportResponse } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import { InternalToken } from '../common/caller.decorators';
import { withInputFieldNames } from '../common/gql-errors';
import { SeverityEnum } from './case.enums';
import { CaseModel } from './case.model';
import { SplitReportPayloadModel } from './case-payload.model';
import { toCaseModel } from './case.mapper';
import { CLIENT_REQUEST_ID_DESCRIPTION, IdempotencyKey, withClientRequestId } from '../common/idempotency';

/** The coordinator's moves on a case; the state machine in intake says which are legal (INVALID_STATE). */
@Resolver(() => CaseModel)
export class CaseWorkflowResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Mutation(() => CaseModel, { description: 'Triage an open case, optionally setting its severity (COORDINATOR)' })
  triageCase(
    @Args('id', { type: () => ID }) id: string,
    @InternalToken() token: string,
    @Args('severity', { type: () => SeverityEnum, nullable: true, description: 'Default: the case’s severity suggestion' }) severity?: SeverityEnum,
    @Args('assignedOfficers', { type: () => [String], nullable: true, description: 'Usernames of officers of agencies on the case' }) assignedOfficers?: string[],
  ): Promise<CaseModel> {
    return this.move(token, { caseId: id, command: 'TRIAGE', ...(severity ? { severity } : {}), ...(assignedOfficers ? { assignedOfficers } : {}) });
  }

  @Mutation(() => CaseModel, { description: 'Dismiss a case, with the reason (COORDINATOR)' })
  dismissCase(@Args('id', { type: () => ID }) id: string, @Args('reason') reason: string, @InternalToken() token: string): Promise<CaseModel> {
    return this.move(token, { caseId: id, command: 'DISMISS', reason });
  }

  @Mutation(() => CaseModel, { description: 'Reopen a closed or dismissed case, with the reason (COORDINATOR)' })
  reopenCase(@Args('id', { type: () => ID }) id: string, @Args('reason') reason: string, @InternalToken() token: string): Promise<CaseModel> {
    return this.move(token, { caseId: id, command: 'REOPEN', reason });
  }

  @Mutation(() => CaseModel, { description: 'Close a case whose handling actions are all done, with the outcome (COORDINATOR)' })
  closeCase(@Args('id', { type: () => ID }) id: string, @Args('outcome') outcome: string, @InternalToken() token: string): Promise<CaseModel> {
    // The transition carries the outcome as its `reason`; a refusal names the argument the client sent.
    return withInputFieldNames(this.move(token, { caseId: id, command: 'CLOSE', reason: outcome }), { reason: 'outcome' });
  }

  @Mutation(() => CaseModel, { description: 'Merge a case about the same content into another (COORDINATOR): its reports and agencies move, it becomes MERGED' })
  async mergeCases(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('intoCaseId', { type: () => ID }) intoCaseId: string,
    @Args('reason') reason: string,
    @InternalToken() token: string,
  ): Promise<CaseModel> {
    return toCaseModel(await this.rpc.request<CaseDto>(RpcSubjects.intake.caseMerge, { caseId, intoCaseId, reason }, { token }));
  }

  @Mutation(() => CaseModel, { description: 'Reject a suggested duplicate: different content (COORDINATOR)' })
  async rejectDuplicate(@Args('caseId', { type: () => ID }) caseId: string, @Args('duplicateCaseId', { type: () => ID }) duplicateCaseId: string, @InternalToken() token: string): Promise<CaseModel> {
    return toCaseModel(await this.rpc.request<CaseDto>(RpcSubjects.intake.duplicateReject, { caseId, duplicateCaseId }, { token }));
  }

  @Mutation(() => SplitReportPayloadModel, { description: 'Split a report about other content out of a case (COORDINATOR): it opens its own case, routed anew' })
  async splitReport(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('reportId', { type: () => ID }) reportId: string,
    @Args('reason') reason: string,
    @InternalToken() token: string,
    @IdempotencyKey() key: string | null,
    @Args('clientRequestId', { type: () => String, nullable: true, description: CLIENT_REQUEST_ID_DESCRIPTION }) clientRequestId?: string,
  ): Promise<SplitReportPayloadModel> {
    const request = withClientRequestId({ caseId, reportId, reason, ...(clientRequestId ? { clientRequestId } : {}) }, key);
    const result = await this.rpc.request<SplitReportResponse>(RpcSubjects.intake.caseSplit, request, { token });
    return { case: toCaseModel(result.case), newCase: toCaseModel(result.newCase) };
  }

  private async move(token: string, request: { caseId: string; command: CaseTransitionCommand; severity?: string; reason?: string }): Promise<CaseModel> {
    return toCaseModel(await this.rpc.request<CaseDto>(RpcSubjects.intake.caseTransition, request, { token }));
  }
}
