import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import yauzl, { type Entry } from 'yauzl';
import { IntegrityScheduler, RetentionScheduler, S3BlobStore, TimestampService } from '@phoi-hop/app-evidence';
import { SeededUsers, eventually, startLocalS3, startLocalTsa, type LocalS3, type LocalTsa } from '@phoi-hop/testing';
import { verifyTimeStampToken } from '@phoi-hop/timestamping';
import { caller, evidenceRows, newCase } from './support/evidence';
import { startPlatform, type Platform } from './support/platform';

const TIMESTAMP_FIELDS = 'timestamp { status timestampedAt tsaName serialNumber attempts lastError }';
const ADD_EXCERPT = `mutation($i: AddTextExcerptInput!) { addTextExcerpt(input: $i) { id sha256 integrityStatus ${TIMESTAMP_FIELDS} } }`;
const ITEM = `query($id: ID!) { evidenceItem(id: $id) { id integrityStatus ${TIMESTAMP_FIELDS} } }`;
const REQUEST_UPLOAD = `mutation($i: RequestEvidenceUploadInput!) { requestEvidenceUpload(input: $i) { uploadUrl } }`;
const HOLD = `mutation($i: LegalHoldInput!) { placeLegalHold(input: $i) { id } }`;
const DISMISS = `mutation($id: ID!, $r: String!) { dismissCase(id: $id, reason: $r) { status } }`;
const EXPORT = `mutation($i: ExportEvidencePackageInput!) { exportEvidencePackage(input: $i) { id sha256 itemCount downloadUrl } }`;

const root = path.resolve(__dirname, '..');
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

type Item = { id: string; sha256: string; integrityStatus: string; timestamp: Record<string, unknown> | null };

/** Every file of a zip, by name. */
async function unzip(file: string): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(file, { lazyEntries: true }, (e, z) => (e ? reject(e) : resolve(z!))));
  const contents = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: Entry) =>
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream!.on('data', (c: Buffer) => chunks.push(c)).on('end', () => (contents.set(entry.fileName, Buffer.concat(chunks)), zip.readEntry()));
      }),
    );
    zip.on('end', resolve);
    zip.readEntry();
  });
  return contents;
}

/**
 * Evidence kept in S3-compatible object storage (a local s3rver) with every item's hash timestamped
 * by an RFC 3161 authority (a local `openssl ts`): what is stored where, a TSA that fails, the
 * integrity job on the bucket, and the tokens in an exported package verified offline.
 */
describe('evidence on object storage, with trusted timestamps', () => {
  let platform: Platform;
  let api: ReturnType<typeof caller>;
  let s3: LocalS3;
  let tsa: LocalTsa;
  let otherTsa: LocalTsa;
  let store: S3BlobStore;
  const bucket = `evidence-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    [s3, tsa, otherTsa] = await Promise.all([startLocalS3(), startLocalTsa(), startLocalTsa()]);
    await s3.createBucket(bucket);
    store = new S3BlobStore(s3.client, { bucket, prefix: 'evidence/' });
    platform = await startPlatform({
      evidence: { timestamping: { url: tsa.url, trustedCertsPem: tsa.caCertPem, timeoutMs: 5_000, retryIntervalMs: 50 } },
      evidenceDeps: { blobStore: store },
    });
    api = caller(platform);
  }, 90_000);

  afterAll(async () => {
    await platform?.stop();
    await Promise.all([s3?.close(), tsa?.close(), otherTsa?.close()]);
  });

  const excerpt = async (caseId: string, text: string): Promise<Item> =>
    (await api.ok<{ addTextExcerpt: Item }>(SeededUsers.lethuyOfficer, ADD_EXCERPT, { i: { caseId, text } })).addTextExcerpt;
  const item = async (id: string): Promise<Item> => (await api.ok<{ evidenceItem: Item }>(SeededUsers.lethuyOfficer, ITEM, { id })).evidenceItem;

  it('keeps an excerpt in the bucket at its content address, with a verified timestamp of its hash', async () => {
    const caseId = await newCase(platform, SeededUsers.lethuyOfficer);
    const text = `Bài đăng giả mạo thông báo cứu trợ ${randomUUID()}`;
    const before = Date.now();
    const added = await excerpt(caseId, text);
    expect(added.sha256).toBe(sha256(text));
    expect(added.timestamp).toEqual({
      status: 'VERIFIED',
      timestampedAt: expect.any(String),
      tsaName: tsa.tsaName,
      serialNumber: expect.stringMatching(/^[0-9a-f]+$/),
      attempts: 1,
      lastError: null,
    });
    expect(Date.parse(added.timestamp!['timestampedAt'] as string)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 - 1000);
    const keys = await s3.keys(bucket);
    expect(keys).toContain(`evidence/sha256/${added.sha256.slice(0, 2)}/${added.sha256.slice(2, 4)}/${added.sha256}`);
    expect(keys.filter((k) => !k.startsWith('evidence/sha256/'))).toEqual([]);
    // The stored token stands on its own: an independent check of its imprint, signature and chain.
    const [row] = await evidenceRows(platform, `SELECT token, status FROM evidence_timestamp WHERE id = $1`, [added.id]);
    expect(await verifyTimeStampToken(row!['token'], { sha256: added.sha256, trustedCertsPem: tsa.caCertPem })).toMatchObject({ valid: true, chained: true });
    const audit = await evidenceRows(platform, `SELECT action, summary FROM audit_log WHERE target_id = $1 ORDER BY seq`, [added.id]);
    expect(audit.map((a) => a['action'])).toEqual(['evidence.excerpt-added', 'evidence.timestamped']);
    expect(audit[1]!['summary']).toMatchObject({ caseId, sha256: added.sha256, tsaName: tsa.tsaName });
  });

  it('streams an upload into the bucket and timestamps it once it is recorded', async () => {
    const caseId = await newCase(platform, SeededUsers.lethuyOfficer);
    const { requestEvidenceUpload } = await api.ok<{ requestEvidenceUpload: { uploadUrl: string } }>(SeededUsers.lethuyOfficer, REQUEST_UPLOAD, {
      i: { caseId, fileName: 'anh.png' },
    });
    const response = await fetch(requestEvidenceUpload.uploadUrl, { method: 'PUT', body: PNG, headers: { 'content-type': 'application/octet-stream' } });
    expect(response.status).toBe(201);
    const uploaded = ((await response.json()) as { item: Item }).item;
    expect(uploaded).toMatchObject({ sha256: sha256(PNG), timestamp: { status: 'VERIFIED', tsaName: tsa.tsaName } });
    expect(await store.rehash(sha256(PNG))).toBe(sha256(PNG));
  });

  it.each([
    ['answers HTTP errors', 'http-error' as const, 'HTTP 503'],
    ['drops the connection', 'drop' as const, 'fetch failed'],
  ])('keeps the item when the TSA %s, and timestamps it on a later try', async (_name, mode, reason) => {
    const caseId = await newCase(platform, SeededUsers.lethuyOfficer);
    tsa.setMode(mode);
    let added: Item;
    try {
      added = await excerpt(caseId, `Nội dung cần dấu thời gian ${randomUUID()}`);
    } finally {
      tsa.setMode('ok');
    }
    expect(added.timestamp).toEqual({
      status: 'FAILED',
      timestampedAt: null,
      tsaName: null,
      serialNumber: null,
      attempts: 1,
      lastError: expect.stringContaining(reason),
    });
    expect(await store.exists(added.sha256)).toBe(true);
    const timestamps = platform.evidence!.get(TimestampService);
    await eventually(async () => {
      await timestamps.retryDue();
      expect((await item(added.id)).timestamp).toMatchObject({ status: 'VERIFIED', attempts: 2, lastError: null, tsaName: tsa.tsaName });
      return true;
    });
  });

  it('re-hashes the bucket’s objects in the integrity job and finds one changed', async () => {
    const caseId = await newCase(platform, SeededUsers.lethuyOfficer);
    const added = await excerpt(caseId, `Sẽ bị sửa trong kho ${randomUUID()}`);
    await s3.client.send(new PutObjectCommand({ Bucket: bucket, Key: store.objectKey(added.sha256), Body: Buffer.from('đã bị sửa') }));
    const integrity = platform.evidence!.get(IntegrityScheduler);
    expect(await integrity.runNow()).toBeGreaterThanOrEqual(1);
    expect(
      await evidenceRows(platform, `SELECT failure, actual_sha256 FROM integrity_finding WHERE sha256 = $1 AND resolved_at IS NULL`, [added.sha256]),
    ).toEqual([{ failure: 'MISMATCH', actual_sha256: sha256('đã bị sửa') }]);
    expect((await item(added.id)).integrityStatus).toBe('FAILED');
  });

  it('exports the tokens with the items, and evidence:verify checks them offline against the TSA’s certificate', async () => {
    const caseId = await newCase(platform, SeededUsers.lethuyOfficer);
    const first = await excerpt(caseId, `Trích đoạn thứ nhất ${randomUUID()}`);
    const second = await excerpt(caseId, `Trích đoạn thứ hai ${randomUUID()}`);
    const pkg = (await api.ok<{ exportEvidencePackage: { downloadUrl: string; sha256: string } }>(SeededUsers.stttLead, EXPORT, { i: { caseId } }))
      .exportEvidencePackage;
    const bytes = Buffer.from(await (await fetch(pkg.downloadUrl)).arrayBuffer());
    expect(sha256(bytes)).toBe(pkg.sha256);
    const file = path.join(tmpdir(), `evidence-ts-${randomUUID()}.wacz`);
    const ca = `${file}.tsa.pem`;
    const otherCa = `${file}.other.pem`;
    await writeFile(file, bytes);
    await writeFile(ca, tsa.caCertPem);
    await writeFile(otherCa, otherTsa.caCertPem);
    const verifyCli = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(root, 'dist/tools/evidence/verify.js'), file, ...args], { encoding: 'utf8' });
    try {
      const contents = await unzip(file);
      const datapackage = JSON.parse(contents.get('datapackage.json')!.toString('utf8')) as { resources: { path: string; hash: string }[] };
      for (const it of [first, second]) {
        const token = contents.get(`timestamps/${it.id}.tst`)!;
        expect(datapackage.resources).toContainEqual(expect.objectContaining({ path: `timestamps/${it.id}.tst`, hash: `sha256:${sha256(token)}` }));
        expect(await verifyTimeStampToken(token, { sha256: it.sha256, trustedCertsPem: tsa.caCertPem })).toMatchObject({ valid: true });
      }
      const good = verifyCli('--tsa-certs', ca);
      expect({ status: good.status, out: good.stdout, err: good.stderr }).toEqual({
        status: 0,
        err: '',
        out: expect.stringContaining('2 timestamps chained to --tsa-certs'),
      });
      expect(verifyCli().stdout).toContain('2 timestamps (signatures only');
      const untrusted = verifyCli('--tsa-certs', otherCa);
      expect({ status: untrusted.status, out: untrusted.stdout }).toEqual({
        status: 1,
        out: expect.stringContaining(`timestamps/${first.id}.tst: the RFC 3161 timestamp does not verify: the signing certificate does not chain`),
      });
    } finally {
      await Promise.all([file, ca, otherCa].map((f) => rm(f, { force: true })));
    }
  });

  it('purges expired evidence from the bucket with its timestamp (a failed one is asked no more); a held item keeps both', async () => {
    const caseId = await newCase(platform, SeededUsers.lethuyOfficer);
    const held = await excerpt(caseId, `Bài đăng được phong tỏa ${randomUUID()}`);
    const expired = await excerpt(caseId, `Bài đăng hết hạn lưu trữ ${randomUUID()}`);
    tsa.setMode('http-error');
    const unstamped = await excerpt(caseId, `Bài đăng chưa có dấu thời gian ${randomUUID()}`);
    expect([held.timestamp?.['status'], expired.timestamp?.['status'], unstamped.timestamp?.['status']]).toEqual(['VERIFIED', 'VERIFIED', 'FAILED']);
    const asked = (sha: string) => tsa.queries.filter((q) => q.includes(Buffer.from(sha, 'hex'))).length;
    try {
      await api.ok(SeededUsers.stttLead, HOLD, { i: { itemId: held.id, reason: 'Công an đang điều tra, giữ nguyên chứng cứ' } });
      await api.ok(SeededUsers.stttLead, DISMISS, { id: caseId, r: 'Không thuộc thẩm quyền xử lý' });
      // The service learns of the dismissal from intake's event; the test then moves it 31 days into the past.
      await eventually(async () => (await evidenceRows(platform, `SELECT 1 FROM case_closure WHERE case_id = $1`, [caseId])).length === 1 || undefined);
      await evidenceRows(platform, `UPDATE case_closure SET closed_at = now() - interval '31 days' WHERE case_id = $1`, [caseId]);

      await platform.evidence!.get(RetentionScheduler).runNow();

      expect(await store.exists(held.sha256)).toBe(true);
      expect(await store.exists(expired.sha256)).toBe(false);
      expect(await store.exists(unstamped.sha256)).toBe(false);
      const timestamps = await evidenceRows(platform, `SELECT id, status FROM evidence_timestamp WHERE id = ANY($1::uuid[])`, [
        [held.id, expired.id, unstamped.id],
      ]);
      expect(timestamps).toEqual([{ id: held.id, status: 'VERIFIED' }]);
      expect((await item(held.id)).timestamp).toMatchObject({ status: 'VERIFIED', tsaName: tsa.tsaName });
      expect((await item(expired.id)).timestamp).toBeNull();
    } finally {
      tsa.setMode('ok');
    }
    // The authority is back, and still no timestamp of the purged content is asked for.
    const before = asked(unstamped.sha256);
    await platform.evidence!.get(TimestampService).retryDue();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(asked(unstamped.sha256)).toBe(before);
    expect((await item(unstamped.id)).timestamp).toBeNull();
  });
});
