import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CursorFields, ErrorCodes, RpcSubjects, decodeCursor, encodeCursor, type WorkItemDto, type WorkQueueResponse } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import type { CaseStatusEnum, SeverityEnum } from '../case/case.enums';
import { InternalToken } from '../common/caller.decorators';
import type { GqlContext } from '../common/gql-context';
import { gqlError } from '../common/gql-errors';
import { AgencyModel } from '../directory/agency.model';
import { WorkItemConnectionModel, WorkItemModel } from './work-queue.model';

const QUEUE_MAX = 200;

/** Where an item stands in the queue: soonest deadline first, those without one last, then by case number and the step. */
interface QueuePosition {
  deadline: string | null;
  caseNumber: string;
  /** Its kind and the action, consultation or case it is about: what makes it one step. */
  step: string;
}

function positionOf(item: WorkItemDto): QueuePosition {
  return { deadline: item.deadline, caseNumber: item.caseNumber, step: `${item.kind}:${item.actionId ?? item.consultationId ?? item.caseId}` };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The order both services answer in, made total by the step. */
function comparePositions(a: QueuePosition, b: QueuePosition): number {
  if (a.deadline !== b.deadline) return a.deadline === null ? 1 : b.deadline === null ? -1 : compareText(a.deadline, b.deadline);
  return compareText(a.caseNumber, b.caseNumber) || compareText(a.step, b.step);
}

const QUEUE_PAGE = {
  deadline: CursorFields.optional(CursorFields.instant),
  caseNumber: CursorFields.text(/^[A-Z0-9-]{1,40}$/),
  step: CursorFields.text(/^[A-Z_]{1,30}:[0-9a-f-]{36}$/),
} as const;

function cursorOf(item: WorkItemDto): string {
  const { deadline, caseNumber, step } = positionOf(item);
  return encodeCursor({ ...(deadline ? { deadline } : {}), caseNumber, step });
}

@Resolver(() => WorkItemConnectionModel)
export class WorkQueueResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => WorkItemConnectionModel, {
    description: `What the viewer’s agency owes: handling actions assigned to it and not done, opinions it owes in written consultations (Đ4.2), and for the lead agency’s coordinators the cases to triage and decide, soonest deadline first. first: 1–${QUEUE_MAX} (default 50); the pages reach the ${QUEUE_MAX} most urgent items, totalCount counts every one. Coordinators, officers, investigators, ethics officers.`,
  })
  async workQueue(
    @InternalToken() token: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50, description: `At most this many items (1–${QUEUE_MAX})` }) first: number,
    @Args('after', { type: () => String, nullable: true, description: 'endCursor of the previous page' }) after?: string,
  ): Promise<WorkItemConnectionModel> {
    if (!Number.isInteger(first) || first < 1 || first > QUEUE_MAX)
      throw gqlError(ErrorCodes.BAD_USER_INPUT, `first must be between 1 and ${QUEUE_MAX}`, 'first');
    const end = after ? decodeCursor(after, QUEUE_PAGE) : null;
    // The first page needs only `first` of each; a later one reads the most urgent QUEUE_MAX and pages through them.
    const asked = end ? QUEUE_MAX : first;
    const [cases, opinions] = await Promise.all([
      this.rpc.request<WorkQueueResponse>(RpcSubjects.intake.caseQueue, { first: asked }, { token }),
      this.rpc.request<WorkQueueResponse>(RpcSubjects.consultation.opinionQueue, { first: asked }, { token }),
    ]);
    const window = [...cases.items, ...opinions.items].sort((a, b) => comparePositions(positionOf(a), positionOf(b))).slice(0, QUEUE_MAX);
    const endPosition = end ? { deadline: end.deadline ?? null, caseNumber: end.caseNumber, step: end.step } : null;
    const rest = endPosition ? window.filter((item) => comparePositions(positionOf(item), endPosition) > 0) : window;
    const page = rest.slice(0, first);
    const totalCount = cases.totalCount + opinions.totalCount;
    // A first page read only `first` of each: more are owed when the count says so, within the QUEUE_MAX most urgent.
    const hasNextPage = end ? rest.length > first : page.length < Math.min(totalCount, QUEUE_MAX);
    const edges = page.map((item) => ({
      cursor: cursorOf(item),
      node: { ...item, caseStatus: item.caseStatus as CaseStatusEnum | null, severity: item.severity as SeverityEnum, owedByCode: item.owedBy },
    }));
    return { edges, totalCount, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}

@Resolver(() => WorkItemModel)
export class WorkItemResolver {
  @ResolveField(() => AgencyModel, { description: 'The agency that owes the step' })
  async owedBy(@Parent() item: WorkItemModel, @Context() context: GqlContext): Promise<AgencyModel> {
    return (
      (await context.loaders.agency.load(item.owedByCode)) ?? {
        code: item.owedByCode,
        name: item.owedByCode,
        kind: 'UNKNOWN',
        validTo: null,
        successorCode: null,
      }
    );
  }
}
