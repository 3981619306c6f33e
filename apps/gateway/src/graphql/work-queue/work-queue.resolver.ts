import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ErrorCodes, RpcSubjects, type WorkItemDto, type WorkQueueResponse } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import type { CaseStatusEnum, SeverityEnum } from '../case/case.enums';
import { InternalToken } from '../common/caller.decorators';
import type { GqlContext } from '../common/gql-context';
import { gqlError } from '../common/gql-errors';
import { AgencyModel } from '../directory/agency.model';
import { WorkItemModel, WorkQueueModel } from './work-queue.model';

const QUEUE_MAX = 200;

/** Soonest deadline first, those without one last, then by case number: the order both services answer in. */
function byDeadline(a: WorkItemDto, b: WorkItemDto): number {
  if (a.deadline !== b.deadline) return a.deadline === null ? 1 : b.deadline === null ? -1 : a.deadline < b.deadline ? -1 : 1;
  return a.caseNumber < b.caseNumber ? -1 : a.caseNumber > b.caseNumber ? 1 : 0;
}

@Resolver(() => WorkQueueModel)
export class WorkQueueResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => WorkQueueModel, {
    description:
      'What the viewer’s agency owes: handling actions assigned to it and not done, opinions it owes in written consultations (Đ4.2), and for the lead agency’s coordinators the cases to triage and decide. Coordinators, officers, investigators, ethics officers.',
  })
  async workQueue(
    @InternalToken() token: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50, description: `At most this many items (1–${QUEUE_MAX})` }) first: number,
  ): Promise<WorkQueueModel> {
    if (!Number.isInteger(first) || first < 1 || first > QUEUE_MAX) throw gqlError(ErrorCodes.BAD_USER_INPUT, `first must be between 1 and ${QUEUE_MAX}`, 'first');
    const [cases, opinions] = await Promise.all([
      this.rpc.request<WorkQueueResponse>(RpcSubjects.intake.caseQueue, { first }, { token }),
      this.rpc.request<WorkQueueResponse>(RpcSubjects.consultation.opinionQueue, { first }, { token }),
    ]);
    const items = [...cases.items, ...opinions.items].sort(byDeadline).slice(0, first);
    return {
      totalCount: cases.totalCount + opinions.totalCount,
      items: items.map((item) => ({ ...item, caseStatus: item.caseStatus as CaseStatusEnum | null, severity: item.severity as SeverityEnum, owedByCode: item.owedBy })),
    };
  }
}

@Resolver(() => WorkItemModel)
export class WorkItemResolver {
  @ResolveField(() => AgencyModel, { description: 'The agency that owes the step' })
  async owedBy(@Parent() item: WorkItemModel, @Context() context: GqlContext): Promise<AgencyModel> {
    return (await context.loaders.agency.load(item.owedByCode)) ?? { code: item.owedByCode, name: item.owedByCode, kind: 'UNKNOWN', validTo: null, successorCode: null };
  }
}
