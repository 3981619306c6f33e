import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { ErrorCodes, RpcSubjects, type AuditEntryDto, type AuditTrailResponse } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import { InternalToken } from '../common/caller.decorators';
import { gqlError } from '../common/gql-errors';
import { decodeAuditCursor, encodeAuditCursor, mergeAuditPages, type AuditCursor } from './audit-trail.merge';
import { AuditEntryModel, AuditTrailModel } from './audit.model';

/** Every service's own chain: the trail of a target merges them by time. */
const SOURCES = {
  intake: RpcSubjects.intake.auditTrail,
  directory: RpcSubjects.directory.auditTrail,
  consultation: RpcSubjects.consultation.auditTrail,
  notification: RpcSubjects.notification.auditTrail,
  evidence: RpcSubjects.evidence.auditTrail,
  reporting: RpcSubjects.reporting.auditTrail,
} as const;
type Source = keyof typeof SOURCES;
const SOURCE_NAMES = Object.keys(SOURCES) as Source[];

@Resolver(() => AuditTrailModel)
export class AuditResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => AuditTrailModel, { description: 'Audit entries about a case, agency or other target, newest first (AUDITOR, ADMIN)' })
  async auditTrail(
    @InternalToken() token: string,
    @Args('targetId') targetId: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first = 20,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<AuditTrailModel> {
    if (!Number.isInteger(first) || first < 1 || first > 200) throw gqlError(ErrorCodes.BAD_USER_INPUT, 'first must be between 1 and 200', 'first');
    const cursor: AuditCursor<Source> | null = after ? decodeAuditCursor(after, SOURCE_NAMES) : {};
    if (!cursor) throw gqlError(ErrorCodes.BAD_USER_INPUT, 'after is not a cursor of this trail', 'after');
    const pages = await Promise.all(
      SOURCE_NAMES.filter((source) => cursor[source] !== 0).map(async (source) => ({
        source,
        page: await this.rpc.request<AuditTrailResponse>(
          SOURCES[source],
          { targetId, first, ...(cursor[source] ? { beforeSeq: cursor[source] } : {}) },
          { token },
        ),
      })),
    );
    const merged = mergeAuditPages(pages, cursor, first);
    return {
      entries: merged.entries.map(({ entry }) => toAuditEntryModel(entry)),
      hasNextPage: merged.hasNextPage,
      endCursor: merged.next ? encodeAuditCursor(merged.next) : null,
    };
  }
}

function toAuditEntryModel(entry: AuditEntryDto): AuditEntryModel {
  return { ...entry, summary: JSON.stringify(entry.summary) };
}
