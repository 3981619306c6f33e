import type { AuditEntryDto } from '@phoi-hop/contracts';
import { decodeAuditCursor, encodeAuditCursor, mergeAuditPages } from './audit-trail.merge';

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
        page: { entries: [entry('intake', 9, '2026-01-01T10:00:03Z'), entry('intake', 8, '2026-01-01T10:00:01Z')], hasMore: false },
      },
      {
        source: 'directory' as const,
        page: { entries: [entry('directory', 5, '2026-01-01T10:00:02Z'), entry('directory', 4, '2026-01-01T10:00:00Z')], hasMore: false },
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
    const pages = [{ source: 'intake' as const, page: { entries: [entry('intake', 3, at), entry('intake', 7, at)], hasMore: false } }];
    expect(mergeAuditPages<Source>(pages, {}, 10).entries.map((e) => e.entry.seq)).toEqual([7, 3]);
  });

  it('ends the trail when every chain is exhausted', () => {
    const pages = [{ source: 'intake' as const, page: { entries: [entry('intake', 1, '2026-01-01T10:00:00Z')], hasMore: false } }];
    const result = mergeAuditPages<Source>(pages, { directory: 0 }, 5);
    expect(result).toMatchObject({ hasNextPage: false, next: null });
    expect(result.entries).toHaveLength(1);
  });

  it('keeps the position of a chain none of whose entries was shown, and exhausts a chain with nothing left', () => {
    const pages = [
      { source: 'intake' as const, page: { entries: [entry('intake', 4, '2026-01-01T10:00:05Z')], hasMore: true } },
      { source: 'directory' as const, page: { entries: [], hasMore: false } },
    ];
    const result = mergeAuditPages<Source>(pages, { intake: 5 }, 1);
    expect(result.next).toEqual({ intake: 4, directory: 0 });
    const untouched = mergeAuditPages<Source>(
      [
        { source: 'intake', page: { entries: [entry('intake', 4, '2026-01-01T10:00:05Z')], hasMore: false } },
        { source: 'directory', page: { entries: [entry('directory', 2, '2026-01-01T09:00:00Z')], hasMore: false } },
      ],
      { intake: 5, directory: 3 },
      1,
    );
    expect(untouched.next).toEqual({ intake: 0, directory: 3 });
  });
});

describe(decodeAuditCursor.name, () => {
  it('reads back what encodeAuditCursor wrote', () => {
    expect(decodeAuditCursor<Source>(encodeAuditCursor<Source>({ intake: 4, directory: 0 }), ['intake', 'directory'])).toEqual({ intake: 4, directory: 0 });
  });

  it.each([
    ['not base64 json', 'x%%'],
    ['unknown source', encodeAuditCursor({ press: 1 })],
    ['negative seq', encodeAuditCursor({ intake: -1 })],
    ['array', Buffer.from('[1]').toString('base64url')],
  ])('refuses a cursor that is %s', (_why, after) => {
    expect(decodeAuditCursor<Source>(after, ['intake', 'directory'])).toBeNull();
  });
});
