import { FileSystemBlobStore, RetentionScheduler } from '@phoi-hop/app-evidence';
import sharp from 'sharp';
import { SeededUsers, eventually, testPicture, type TestUser } from '@phoi-hop/testing';
import { caller, evidenceRows, newCase } from './support/evidence';
import { startPlatform, type Platform } from './support/platform';

const ADD_EXCERPT = `mutation($i: AddTextExcerptInput!) { addTextExcerpt(input: $i) { id sha256 } }`;
const REQUEST_UPLOAD = `mutation($i: RequestEvidenceUploadInput!) { requestEvidenceUpload(input: $i) { uploadUrl } }`;
const SIMILAR = `query($i: ID!) { similarEvidence(itemId: $i) { itemId source similarItemId similarCaseId similarSource distance } }`;
const CASE_SIMILAR = `query($c: ID!) { caseSimilarEvidence(caseId: $c) { itemId similarItemId } }`;
const INDICATORS = `query($c: ID!) { contentIndicators(caseId: $c) { id kind value normalizedValue origin itemId linkedCaseIds firstSeenAt lastSeenAt } }`;
const ADD_INDICATOR = `mutation($i: AddContentIndicatorInput!) { addContentIndicator(input: $i) { id kind normalizedValue origin linkedCaseIds } }`;
const REMOVE_INDICATOR = `mutation($i: RemoveContentIndicatorInput!) { removeContentIndicator(input: $i) { id } }`;
const ITEMS = `query($c: ID!) { evidenceItems(caseId: $c) { id sha256 purgedAt parts { role } legalHold { reason } } }`;
const CONTENT = `query($i: ID!) { evidenceContent(itemId: $i) { text } }`;
const HOLD = `mutation($i: LegalHoldInput!) { placeLegalHold(input: $i) { id } }`;
const RELEASE = `mutation($i: LegalHoldInput!) { releaseLegalHold(input: $i) { id } }`;
const DISMISS = `mutation($id: ID!, $r: String!) { dismissCase(id: $id, reason: $r) { status } }`;

/** What would name or locate a person: an indicator must have no place for any of it (DESIGN "Stance"). */
const IDENTITY = /name|identit|cccd|cmnd|passport|phone|address|birth|author|person|email|gender|national|suspect|account|owner|holder/i;

describe('evidence linked across cases (pictures, indicators) and its retention purge', () => {
  let platform: Platform;
  let api: ReturnType<typeof caller>;
  const lead = SeededUsers.stttLead;
  const lethuy = SeededUsers.lethuyOfficer;
  const donghoi = SeededUsers.donghoiOfficer;

  beforeAll(async () => {
    platform = await startPlatform();
    api = caller(platform);
  }, 60_000);

  afterAll(async () => {
    await platform?.stop();
  });

  async function upload(user: TestUser, caseId: string, bytes: Buffer, fileName: string): Promise<string> {
    const { requestEvidenceUpload } = await api.ok<{ requestEvidenceUpload: { uploadUrl: string } }>(user, REQUEST_UPLOAD, { i: { caseId, fileName } });
    const response = await fetch(requestEvidenceUpload.uploadUrl, { method: 'PUT', body: bytes, headers: { 'content-type': 'application/octet-stream' } });
    expect(response.status).toBe(201);
    return ((await response.json()) as { item: { id: string } }).item.id;
  }

  it('links the same picture reported in two cases, re-encoded and resized, and not a different one', async () => {
    const original = await testPicture(7);
    const caseA = await newCase(platform, lethuy);
    const caseB = await newCase(platform, donghoi, 'IMPERSONATION_SCAM', 'DONG_HOI');
    const a = await upload(lethuy, caseA, original, 'bai-dang.png');
    const near = await upload(donghoi, caseB, await sharp(original).resize(300).jpeg({ quality: 45 }).toBuffer(), 'anh.jpg');
    const far = await upload(donghoi, caseB, await testPicture(99), 'khac.png');
    const { similarEvidence } = await api.ok<{ similarEvidence: Array<Record<string, unknown>> }>(lead, SIMILAR, { i: a });
    expect(similarEvidence).toEqual([
      { itemId: a, source: 'ORIGINAL', similarItemId: near, similarCaseId: caseB, similarSource: 'ORIGINAL', distance: expect.any(Number) },
    ]);
    expect(similarEvidence[0]!['distance']).toBeLessThanOrEqual(10);
    expect((await api.ok<{ caseSimilarEvidence: unknown[] }>(lead, CASE_SIMILAR, { c: caseB })).caseSimilarEvidence).toEqual([
      { itemId: near, similarItemId: a },
    ]);
    // Lệ Thủy may not see Đồng Hới's case, so the link is not shown to it.
    expect((await api.ok<{ similarEvidence: unknown[] }>(lethuy, SIMILAR, { i: a })).similarEvidence).toEqual([]);
    expect(far).not.toBe(near);
  });

  it('links the cases whose posts print the same phone number and account, as each showed it, for those who may read them', async () => {
    const caseA = await newCase(platform, lethuy);
    const caseB = await newCase(platform, lethuy);
    const suffix = String(Date.now() % 1_000_000).padStart(6, '0');
    await api.ok(lethuy, ADD_EXCERPT, {
      i: { caseId: caseA, text: `Nhận hỗ trợ lũ lụt: gọi 0912 ${suffix.slice(0, 3)} ${suffix.slice(3)}, STK: 1903${suffix}` },
    });
    const { addTextExcerpt: b } = await api.ok<{ addTextExcerpt: { id: string } }>(lethuy, ADD_EXCERPT, {
      i: { caseId: caseB, text: `Liên hệ +84 912${suffix} để được hỗ trợ` },
    });
    const { contentIndicators } = await api.ok<{ contentIndicators: Array<Record<string, unknown>> }>(lead, INDICATORS, { c: caseA });
    expect(contentIndicators.map((i) => [i['kind'], i['normalizedValue'], i['origin'], i['linkedCaseIds']])).toEqual([
      ['BANK_ACCOUNT', `1903${suffix}`, 'DERIVED', []],
      ['PHONE', `+84912${suffix}`, 'DERIVED', [caseB]],
    ]);
    // A leader sees that the case exists, not what its evidence shows.
    expect((await api.ok<{ contentIndicators: unknown[] }>(SeededUsers.leader, INDICATORS, { c: caseA })).contentIndicators).toEqual([]);
    const added = await api.ok<{ addContentIndicator: Record<string, unknown> }>(lethuy, ADD_INDICATOR, {
      i: { itemId: b.id, kind: 'BANK_ACCOUNT', value: `1903 ${suffix}` },
    });
    expect(added.addContentIndicator).toMatchObject({ origin: 'OFFICER', normalizedValue: `1903${suffix}`, linkedCaseIds: [caseA] });
    await api.ok(lethuy, REMOVE_INDICATOR, { i: { indicatorId: added.addContentIndicator['id'], reason: 'Ghi nhầm, bài đăng không có số này' } });
    expect((await api.ok<{ contentIndicators: Array<{ kind: string }> }>(lead, INDICATORS, { c: caseB })).contentIndicators.map((i) => i.kind)).toEqual([
      'PHONE',
    ]);
    const reads = await evidenceRows(platform, `SELECT count(*)::int AS n FROM audit_log WHERE action = 'evidence.indicators-viewed' AND target_id = $1`, [
      caseA,
    ]);
    expect(reads[0]!['n']).toBe(1);
  });

  it('has no field for who is behind an indicator, in the API or in the table, and refuses fields it does not know', async () => {
    const typeFields = async (name: string) =>
      (
        await api.ok<{ __type: { fields: { name: string }[] | null; inputFields: { name: string }[] | null } }>(
          lead,
          `query($n: String!) { __type(name: $n) { fields { name } inputFields { name } } }`,
          { n: name },
        )
      ).__type;
    const apiFields: string[] = [];
    for (const type of ['ContentIndicator', 'AddContentIndicatorInput', 'RemoveContentIndicatorInput', 'SimilarEvidence']) {
      const found = await typeFields(type);
      apiFields.push(...[...(found.fields ?? []), ...(found.inputFields ?? [])].map((f) => `${type}.${f.name}`));
    }
    const columns = (
      await evidenceRows(
        platform,
        `SELECT table_name || '.' || column_name AS c FROM information_schema.columns WHERE table_schema = $1 AND table_name IN ('content_indicator', 'image_hash')`,
        [platform.env.schema('evidence')],
      )
    ).map((r) => r['c'] as string);
    expect(apiFields.length).toBeGreaterThan(20);
    expect(columns.length).toBeGreaterThan(12);
    expect([...apiFields, ...columns].filter((f) => IDENTITY.test(f.split('.')[1]!))).toEqual([]);

    const caseId = await newCase(platform, lethuy);
    const { addTextExcerpt } = await api.ok<{ addTextExcerpt: { id: string } }>(lethuy, ADD_EXCERPT, {
      i: { caseId, text: 'Bài đăng có số tài khoản trong ảnh.' },
    });
    const smuggled = await api.call(lethuy, ADD_INDICATOR, {
      i: { itemId: addTextExcerpt.id, kind: 'BANK_ACCOUNT', value: '0071000123456', holderName: 'Nguyễn Văn A' },
    });
    expect(smuggled.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await api.ok<{ contentIndicators: unknown[] }>(lead, INDICATORS, { c: caseId })).contentIndicators).toEqual([]);
  });

  it('purges the evidence of a case dismissed longer ago than the retention period, except what is on legal hold until released', async () => {
    const caseId = await newCase(platform, lethuy);
    const excerpt = async (text: string) =>
      (await api.ok<{ addTextExcerpt: { id: string; sha256: string } }>(lethuy, ADD_EXCERPT, { i: { caseId, text } })).addTextExcerpt;
    const held = await excerpt(`Bài đăng được phong tỏa ${Date.now()}`);
    const expired = await excerpt(`Bài đăng hết hạn lưu trữ ${Date.now()}`);
    await api.ok(lead, HOLD, { i: { itemId: held.id, reason: 'Công an đang điều tra, giữ nguyên chứng cứ' } });
    expect((await api.ok<{ dismissCase: { status: string } }>(lead, DISMISS, { id: caseId, r: 'Không thuộc thẩm quyền xử lý' })).dismissCase.status).toBe(
      'DISMISSED',
    );
    // The service learns of the dismissal from intake's event; the test then moves it 31 days into the past.
    await eventually(async () => (await evidenceRows(platform, `SELECT 1 FROM case_closure WHERE case_id = $1`, [caseId])).length === 1 || undefined);
    await evidenceRows(platform, `UPDATE case_closure SET closed_at = now() - interval '31 days' WHERE case_id = $1`, [caseId]);

    const purge = platform.evidence!.get(RetentionScheduler);
    const store = new FileSystemBlobStore(platform.evidenceDir);
    await purge.runNow();
    const items = async () =>
      (await api.ok<{ evidenceItems: Array<{ id: string; purgedAt: string | null; parts: unknown[] }> }>(lead, ITEMS, { c: caseId })).evidenceItems;
    expect((await items()).map((i) => [i.id, i.purgedAt !== null, i.parts.length])).toEqual([
      [held.id, false, 1],
      [expired.id, true, 0],
    ]);
    expect(await store.exists(expired.sha256)).toBe(false);
    expect((await api.call(lead, CONTENT, { i: expired.id })).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_STATE' });
    const [event] = await evidenceRows(
      platform,
      `SELECT envelope->'data' AS data FROM outbox WHERE subject = 'evt.evidence.item.purged' AND envelope->>'aggregateId' = $1`,
      [caseId],
    );
    expect(event!['data']).toMatchObject({ itemId: expired.id, sha256: expired.sha256, retentionDays: 30 });

    await purge.runNow();
    expect(await store.exists(held.sha256)).toBe(true);
    await api.ok(lead, RELEASE, { i: { itemId: held.id, reason: 'Công an đã kết thúc điều tra' } });
    await purge.runNow();
    expect((await items()).every((i) => i.purgedAt !== null)).toBe(true);
    expect(await store.exists(held.sha256)).toBe(false);
    const custody = await evidenceRows(
      platform,
      `SELECT action, target_id FROM audit_log WHERE action = 'evidence.purged' AND summary->>'caseId' = $1 ORDER BY seq`,
      [caseId],
    );
    expect(custody.map((r) => r['target_id'])).toEqual([expired.id, held.id]);
  });
});
