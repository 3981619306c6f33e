import { Args, Info, Int, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ErrorCodes, RpcSubjects, decodeCursor, encodeCursor, type AuditEntryDto, type AuditTrailResponse } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import { InternalToken } from '../common/caller.decorators';
import { gqlError } from '../common/gql-errors';
import { selectsField } from '../common/connection';
import { auditCursorShape, edgeCursors, mergeAuditPages, type AuditCursor } from './audit-trail.merge';
import { AuditEntryConnectionModel, AuditEntryModel } from './audit.model';

/** Every service's own chain: the trail of a target merges them by time. */
const SOURCES = {
  intake: RpcSubjects.intake.auditTrail,
  directory: RpcSubjects.directory.auditTrail,
  consultation: RpcSubjects.consultation.auditTrail,
  notification: RpcSubjects.notification.auditTrail,
  evidence: RpcSubjects.evidence.auditTrail,
  press: RpcSubjects.press.auditTrail,
  reporting: RpcSubjects.reporting.auditTrail,
} as const;
type Source = keyof typeof SOURCES;
const SOURCE_NAMES = Object.keys(SOURCES) as Source[];

const TRAIL_PAGE = auditCursorShape(SOURCE_NAMES);
const TRAIL_PAGE_MAX = 200;

@Resolver(() => AuditEntryConnectionModel)
export class AuditResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => AuditEntryConnectionModel, {
    description: `Audit entries about a case, agency or other target, newest first (AUDITOR, ADMIN); first: 1–${TRAIL_PAGE_MAX} (default 20)`,
  })
  async auditTrail(
    @InternalToken() token: string,
    @Info() info: GraphQLResolveInfo,
    @Args('targetId', { description: 'The id of the case, agency or other target (1–200 characters)' }) targetId: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first = 20,
    @Args('after', { type: () => String, nullable: true, description: 'endCursor of the previous page' }) after?: string,
  ): Promise<AuditEntryConnectionModel> {
    if (!Number.isInteger(first) || first < 1 || first > TRAIL_PAGE_MAX)
      throw gqlError(ErrorCodes.BAD_USER_INPUT, `first must be between 1 and ${TRAIL_PAGE_MAX}`, 'first');
    const cursor = after ? (decodeCursor(after, TRAIL_PAGE) as AuditCursor<Source>) : {};
    // An exhausted chain still counts its entries when the query asks how many there are.
    const counted = selectsField(info, 'totalCount');
    const asked = SOURCE_NAMES.filter((source) => cursor[source] !== 0 || counted);
    const answers = await Promise.all(
      asked.map(async (source) => ({
        source,
        page: await this.rpc.request<AuditTrailResponse>(
          SOURCES[source],
          cursor[source] === 0 ? { targetId, first: 1 } : { targetId, first, ...(cursor[source] ? { beforeSeq: cursor[source] } : {}) },
          { token },
        ),
      })),
    );
    const pages = answers.filter(({ source }) => cursor[source] !== 0);
    const merged = mergeAuditPages(pages, cursor, first);
    const cursors = edgeCursors(merged.entries, cursor);
    const edges = merged.entries.map(({ entry }, i) => ({ node: toAuditEntryModel(entry), cursor: encodeCursor(cursors[i]!) }));
    return {
      edges,
      totalCount: answers.reduce((sum, { page }) => sum + page.totalCount, 0),
      pageInfo: { hasNextPage: merged.hasNextPage, endCursor: merged.next ? encodeCursor(merged.next) : (edges.at(-1)?.cursor ?? null) },
    };
  }
}

function toAuditEntryModel(entry: AuditEntryDto): AuditEntryModel {
  return { ...entry, summary: JSON.stringify(entry.summary) };
}
