import { applyRemovalPatch, platformOf, type RemovalRequestState } from './removal-request.rules';

const planned = new Date('2026-11-20T02:00:00Z');
const now = new Date('2026-11-22T02:00:00Z');
const empty: RemovalRequestState = { requestReference: null, sentAt: null, acknowledgedAt: null, effectedAt: null, outcome: null };

describe(applyRemovalPatch.name, () => {
  it('records the request step by step', () => {
    const sent = applyRemovalPatch(empty, { requestReference: ' CV-123/STTTT ', sentAt: '2026-11-20T03:00:00Z' }, planned, now);
    expect(sent).toMatchObject({ requestReference: 'CV-123/STTTT', sentAt: new Date('2026-11-20T03:00:00Z'), outcome: null });
    const acknowledged = applyRemovalPatch(sent, { acknowledgedAt: '2026-11-20T12:00:00+07:00' }, planned, now);
    expect(acknowledged).toMatchObject({ acknowledgedAt: new Date('2026-11-20T05:00:00Z'), sentAt: sent.sentAt });
    const removed = applyRemovalPatch(sent, { effectedAt: '2026-11-21T01:00:00Z', outcome: 'REMOVED' }, planned, now);
    expect(removed).toMatchObject({ outcome: 'REMOVED', effectedAt: new Date('2026-11-21T01:00:00Z'), requestReference: 'CV-123/STTTT' });
    expect(applyRemovalPatch(sent, { outcome: 'NO_RESPONSE' }, planned, now).outcome).toBe('NO_RESPONSE');
  });

  it.each([
    [{ acknowledgedAt: '2026-11-21T00:00:00Z' }, 'acknowledgedAt'],
    [{ outcome: 'REFUSED' as const }, 'outcome'],
    [{ sentAt: 'yesterday' }, 'sentAt'],
    [{ sentAt: '2026-11-23T02:00:00Z' }, 'sentAt'],
    [{ sentAt: '2026-11-19T02:00:00Z' }, 'sentAt'],
    [{ sentAt: '2026-11-21T00:00:00Z', acknowledgedAt: '2026-11-20T23:00:00Z' }, 'acknowledgedAt'],
    [{ sentAt: '2026-11-21T00:00:00Z', effectedAt: '2026-11-20T23:00:00Z', outcome: 'REMOVED' as const }, 'effectedAt'],
    [{ sentAt: '2026-11-21T00:00:00Z', outcome: 'REMOVED' as const }, 'effectedAt'],
    [{ sentAt: '2026-11-21T00:00:00Z', effectedAt: '2026-11-21T02:00:00Z', outcome: 'REFUSED' as const }, 'effectedAt'],
  ])('refuses %j (field %s)', (patch, field) => {
    expect(() => applyRemovalPatch(empty, patch, planned, now)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field }));
  });

  it('refuses to clear the sending of a request that already has an outcome', () => {
    const refused = applyRemovalPatch(empty, { sentAt: '2026-11-21T00:00:00Z', outcome: 'REFUSED' }, planned, now);
    expect(() => applyRemovalPatch(refused, { sentAt: null }, planned, now)).toThrow(expect.objectContaining({ field: 'outcome' }));
  });
});

describe(platformOf.name, () => {
  it.each([
    ['https://www.facebook.com/groups/x/posts/1', 'FACEBOOK'],
    ['https://m.facebook.com/story.php?id=1', 'FACEBOOK'],
    ['https://youtu.be/abc', 'YOUTUBE'],
    ['https://www.tiktok.com/@a/video/1', 'TIKTOK'],
    ['https://zalo.me/g/abc', 'ZALO'],
    ['https://notfacebook.com/x', 'OTHER'],
    ['not a url', 'OTHER'],
  ])('%s → %s', (url, platform) => {
    expect(platformOf(url)).toBe(platform);
  });
});
