import { Args, Context, Int, Query, Resolver } from '@nestjs/graphql';
import { ErrorCodes, RpcSubjects, type AuditEntryDto, type AuditTrailResponse } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import { AuditTrailModel } from './audit.model';
import { gqlError } from './gql-errors';
import { requireActor, type GqlContext } from './gql-context';

/** Every service's own chain: the trail of a target merges them by time. */
const SOURCES = {
  intake: RpcSubjects.intake.auditTrail,
  directory: RpcSubjects.directory.auditTrail,
  consultation: RpcSubjects.consultation.auditTrail,
  notification: RpcSubjects.notification.auditTrail,
} as const;
type Source = keyof typeof SOURCES;
/** Per service: entries older than this seq are still to read; 0 means that chain is exhausted. */
type Cursor = Partial<Record<Source, number>>;

function decodeCursor(after: string | undefined): Cursor {
  if (!after) return {};
  try {
    const parsed = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as Cursor;
    for (const [key, value] of Object.entries(parsed)) {
      if (!(key in SOURCES) || !Number.isInteger(value) || (value as number) < 0) throw new Error('bad');
    }
    return parsed;
  } catch {
    throw gqlError(ErrorCodes.BAD_USER_INPUT, 'after is not a cursor of this trail', 'after');
  }
}

@Resolver(() => AuditTrailModel)
export class AuditResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => AuditTrailModel, { description: 'Audit entries about a case, agency or other target, newest first (AUDITOR, ADMIN)' })
  async auditTrail(
    @Context() context: GqlContext,
    @Args('targetId') targetId: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first = 20,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<AuditTrailModel> {
    const { token } = requireActor(context, 'auditTrail');
    if (!Number.isInteger(first) || first < 1 || first > 200) throw gqlError(ErrorCodes.BAD_USER_INPUT, 'first must be between 1 and 200', 'first');
    const cursor = decodeCursor(after);
    const sources = (Object.keys(SOURCES) as Source[]).filter((s) => cursor[s] !== 0);
    const pages = await Promise.all(
      sources.map(async (source) => {
        const page = await this.rpc.request<AuditTrailResponse>(SOURCES[source], { targetId, first, ...(cursor[source] ? { beforeSeq: cursor[source] } : {}) }, { token });
        return { source, page };
      }),
    );
    // Merge the services' chains by time; each keeps its own position in the cursor.
    const merged = pages.flatMap(({ source, page }) => page.entries.map((entry) => ({ source, entry })));
    merged.sort((a, b) => (a.entry.at < b.entry.at ? 1 : a.entry.at > b.entry.at ? -1 : b.entry.seq - a.entry.seq));
    const taken = merged.slice(0, first);
    const next: Cursor = { ...cursor };
    for (const { source, page } of pages) {
      const used = taken.filter((t) => t.source === source);
      const left = page.entries.length - used.length > 0 || page.hasMore;
      if (used.length > 0) next[source] = left ? used.at(-1)!.entry.seq : 0;
      else if (!left) next[source] = 0;
    }
    const hasNextPage = pages.some(({ source, page }) => page.entries.length > taken.filter((t) => t.source === source).length || page.hasMore);
    return {
      entries: taken.map(({ entry }) => toModel(entry)),
      hasNextPage,
      endCursor: hasNextPage ? Buffer.from(JSON.stringify(next)).toString('base64url') : null,
    };
  }
}

function toModel(entry: AuditEntryDto) {
  return { ...entry, summary: JSON.stringify(entry.summary) };
}
