import type { AuditEntryDto } from '@phoi-hop/contracts';
import { decodeCursor, encodeCursor } from '@phoi-hop/contracts';
import { auditCursorShape, edgeCursors, mergeAuditPages } from './audit-trail.merge';

type Source = 'intake' | 'directory';

function entry(service: Source, seq: number, at: string): AuditEntryDto {
  return {
    service,
    seq,
    id: `${service}-${seq}`,
    at,
    actorUserId: null,
    actorAgency: null,
    action: 'x',
    targetType: 'case',
    targetId: 't',
    summary: {},
    traceId: null,
    hash: 'h',
  };
}

describe(mergeAuditPages.name, () => {
  it('merges the chains newest first and takes only the first entries', () => {
    const pages = [
      {
        source: 'intake' as const,
        page: { entries: [entry('intake', 9, '2026-01-01T10:00:03Z'), entry('intake', 8, '2026-01-01T10:00:01Z')], hasMore: false, totalCount: 0 },
      },
      {
        source: 'directory' as const,
        page: { entries: [entry('directory', 5, '2026-01-01T10:00:02Z'), entry('directory', 4, '2026-01-01T10:00:00Z')], hasMore: false, totalCount: 0 },
      },
    ];
    const result = mergeAuditPages<Source>(pages, {}, 3);
    expect(result.entries.map((e) => e.entry.id)).toEqual(['intake-9', 'directory-5', 'intake-8']);
    expect(result.hasNextPage).toBe(true);
    // intake is exhausted (both shown, no more); directory resumes before seq 5.
    expect(result.next).toEqual({ intake: 0, directory: 5 });
  });

  it('orders entries of the same instant by their position in the chain, later first', () => {
    const at = '2026-01-01T10:00:00Z';
    const pages = [{ source: 'intake' as const, page: { entries: [entry('intake', 3, at), entry('intake', 7, at)], hasMore: false, totalCount: 0 } }];
    expect(mergeAuditPages<Source>(pages, {}, 10).entries.map((e) => e.entry.seq)).toEqual([7, 3]);
  });

  it('ends the trail when every chain is exhausted', () => {
    const pages = [{ source: 'intake' as const, page: { entries: [entry('intake', 1, '2026-01-01T10:00:00Z')], hasMore: false, totalCount: 0 } }];
    const result = mergeAuditPages<Source>(pages, { directory: 0 }, 5);
    expect(result).toMatchObject({ hasNextPage: false, next: null });
    expect(result.entries).toHaveLength(1);
  });

  it('keeps the position of a chain none of whose entries was shown, and exhausts a chain with nothing left', () => {
    const pages = [
      { source: 'intake' as const, page: { entries: [entry('intake', 4, '2026-01-01T10:00:05Z')], hasMore: true, totalCount: 0 } },
      { source: 'directory' as const, page: { entries: [], hasMore: false, totalCount: 0 } },
    ];
    const result = mergeAuditPages<Source>(pages, { intake: 5 }, 1);
    expect(result.next).toEqual({ intake: 4, directory: 0 });
    const untouched = mergeAuditPages<Source>(
      [
        { source: 'intake', page: { entries: [entry('intake', 4, '2026-01-01T10:00:05Z')], hasMore: false, totalCount: 0 } },
        { source: 'directory', page: { entries: [entry('directory', 2, '2026-01-01T09:00:00Z')], hasMore: false, totalCount: 0 } },
      ],
      { intake: 5, directory: 3 },
      1,
    );
    expect(untouched.next).toEqual({ intake: 0, directory: 3 });
  });
});

describe(auditCursorShape.name, () => {
  const shape = auditCursorShape<Source>(['intake', 'directory']);

  it('reads back a trail cursor through the one codec', () => {
    expect(decodeCursor(encodeCursor({ intake: 4, directory: 0 }), shape)).toEqual({ intake: 4, directory: 0 });
  });

  it.each([
    ['not base64 json', 'x%%'],
    ['unknown source', encodeCursor({ press: 1 })],
    ['negative seq', encodeCursor({ intake: -1 })],
    ['array', Buffer.from('[1]').toString('base64url')],
  ])('refuses a cursor that is %s with BAD_USER_INPUT on after', (_why, after) => {
    expect(() => decodeCursor(after, shape)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }));
  });
});

describe(edgeCursors.name, () => {
  it('continues each entry’s own chain below it and keeps the others where the page found them', () => {
    const entries = [
      { source: 'intake' as const, entry: entry('intake', 9, '2026-01-01T10:00:09Z') },
      { source: 'directory' as const, entry: entry('directory', 3, '2026-01-01T10:00:08Z') },
      { source: 'intake' as const, entry: entry('intake', 8, '2026-01-01T10:00:07Z') },
    ];
    expect(edgeCursors<Source>(entries, { directory: 4 })).toEqual([
      { directory: 4, intake: 9 },
      { directory: 3, intake: 9 },
      { directory: 3, intake: 8 },
    ]);
  });
});
