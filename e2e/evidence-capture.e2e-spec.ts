import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import yauzl, { type Entry } from 'yauzl';
import { WARCParser } from 'warcio';
import { FileSystemBlobStore, IntegrityScheduler, type LookupFunction } from '@phoi-hop/app-evidence';
import { SeededUsers, eventually } from '@phoi-hop/testing';
import { ITEM_FIELDS, caller, evidenceRows, newCase } from './support/evidence';
import { startPlatform, type Platform } from './support/platform';

const CAPTURE = `mutation($i: CaptureWebPageInput!) { captureWebPage(input: $i) { ${ITEM_FIELDS} } }`;
const CONTENT = `query($i: ID!) { evidenceContent(itemId: $i) { text downloads { role url sha256 } } }`;
const EXPORT = `mutation($i: ExportEvidencePackageInput!) { exportEvidencePackage(input: $i) { id sha256 sizeBytes keyId itemCount downloadUrl } }`;
const ADD_EXCERPT = `mutation($i: AddTextExcerptInput!) { addTextExcerpt(input: $i) { id sha256 } }`;
const REQUEST_UPLOAD = `mutation($i: RequestEvidenceUploadInput!) { requestEvidenceUpload(input: $i) { uploadUrl } }`;

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const root = path.resolve(__dirname, '..');
const sha256 = (bytes: Buffer | Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Thông báo giả mạo</title></head>
<body><h1>UBND huyện thông báo</h1><p>Người dân nộp phí 200.000 đồng để nhận hàng cứu trợ.</p><img src="/anh.png" alt="ảnh"><script>document.write('x')</script></body></html>`;
/** A public-looking address the test's DNS gives public.example.vn; connections to it reach the local server. */
const PUBLIC_IP = '93.184.216.34';

/**
 * Server-side capture (Đ6.2) with the SSRF protections on (no test allowance): the test's DNS makes
 * names resolve to loopback, private, metadata and mapped addresses, and a public-looking address
 * whose connections reach a local server (which redirects, serves the page and its image).
 */
describe('capturing a page, packaging the evidence, checking its integrity', () => {
  let platform: Platform;
  let api: ReturnType<typeof caller>;
  let server: http.Server;
  let port: number;
  const hits: string[] = [];

  const answers: Record<string, { address: string; family: 4 | 6 }> = {
    'public.example.vn': { address: PUBLIC_IP, family: 4 },
    'loopback.example.vn': { address: '127.0.0.1', family: 4 },
    'private.example.vn': { address: '10.0.0.1', family: 4 },
    'metadata.example.vn': { address: '169.254.169.254', family: 4 },
    'mapped.example.vn': { address: '::ffff:127.0.0.1', family: 6 },
  };
  const lookup: LookupFunction = (hostname, options, callback) => {
    const answer = answers[hostname];
    if (!answer) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '');
    if (options.all) return callback(null, [answer]);
    callback(null, answer.address, answer.family);
  };

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      hits.push(request.url ?? '');
      const redirect = (location: string) => response.writeHead(302, { location }).end();
      if (request.url === '/start') return redirect('/trang');
      if (request.url === '/trang') return response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      if (request.url === '/anh.png') return response.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
      if (request.url === '/to-loopback') return redirect(`http://127.0.0.1:${port}/secret`);
      if (request.url === '/to-metadata') return redirect('http://169.254.169.254/latest/meta-data/');
      if (request.url === '/to-private-name') return redirect('http://private.example.vn/secret');
      if (request.url === '/loop') return redirect('/loop');
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    platform = await startPlatform({
      evidence: {
        capture: { allowPrivateAddresses: false, timeoutMs: 20_000, maxBytes: 1024 * 1024, maxRedirects: 5, chromiumPath: HAS_CHROMIUM ? CHROMIUM : null },
      },
      captureNetwork: { lookup, connectVia: (address, p) => (address === PUBLIC_IP ? { host: '127.0.0.1', port } : { host: address, port: p }) },
      rpcTimeoutMs: 60_000,
    });
    api = caller(platform);
    execFileSync(process.execPath, [path.join(root, 'tools/build.mjs'), '--quiet'], { cwd: root, stdio: 'inherit' });
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
    await new Promise((resolve) => server?.close(resolve));
  });

  let caseId: string;
  let capture: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  it('stores a page reached through a redirect, with its image, as WARC, text and screenshot; every hash verifies', async () => {
    caseId = await newCase(platform, SeededUsers.lethuyOfficer);
    const result = await api.call(SeededUsers.lethuyOfficer, CAPTURE, { i: { caseId, url: 'http://public.example.vn/start' } });
    expect(result.errors).toBeUndefined();
    capture = result.data!['captureWebPage'];
    expect(capture).toMatchObject({
      kind: 'WEB_CAPTURE',
      mimeType: 'application/warc',
      capturedByAgency: 'UBND_LE_THUY',
      toolName: 'phoi-hop-evidence capture',
      sourceUrl: 'http://public.example.vn/start',
    });
    expect(capture['parts'].map((p: { role: string }) => p.role).sort()).toEqual(HAS_CHROMIUM ? ['SCREENSHOT', 'TEXT', 'WARC'] : ['TEXT', 'WARC']);
    expect(capture['screenshotStatus']).toBe(HAS_CHROMIUM ? 'TAKEN' : 'UNAVAILABLE');
    if (!HAS_CHROMIUM) expect(capture['screenshotNote']).toMatch(/Chromium/);

    const { evidenceContent } = await api.ok<{ evidenceContent: { text: string; downloads: { role: string; url: string; sha256: string }[] } }>(
      SeededUsers.lethuyOfficer,
      CONTENT,
      { i: capture['id'] },
    );
    expect(evidenceContent.text).toContain('Người dân nộp phí 200.000 đồng để nhận hàng cứu trợ.');
    expect(evidenceContent.text).not.toContain('document.write');
    const parts: Record<string, Buffer> = {};
    for (const download of evidenceContent.downloads) {
      const bytes = Buffer.from(await (await fetch(download.url)).arrayBuffer());
      const recorded = capture['parts'].find((p: { role: string }) => p.role === download.role);
      expect({ role: download.role, sha256: sha256(bytes), size: bytes.length }).toEqual({
        role: download.role,
        sha256: recorded.sha256,
        size: recorded.sizeBytes,
      });
      parts[download.role] = bytes;
    }
    expect(capture['sha256']).toBe(sha256(parts['WARC']!));
    if (HAS_CHROMIUM) expect(parts['SCREENSHOT']!.subarray(1, 4).toString()).toBe('PNG');

    // The WARC holds the redirect, the page and its image (request and response each) and the capture's metadata.
    const records: { type: string; url: string; status?: number; payload: Uint8Array }[] = [];
    for await (const record of new WARCParser([new Uint8Array(parts['WARC']!)])) {
      const payload = await record.readFully(true);
      records.push({
        type: record.warcType ?? '',
        url: record.warcTargetURI ?? '',
        status: record.httpHeaders?.statusCode === undefined ? undefined : Number(record.httpHeaders.statusCode),
        payload,
      });
    }
    expect(records.map((r) => `${r.type} ${r.url} ${r.type === 'response' ? r.status : ''}`.trim())).toEqual([
      'warcinfo',
      'request http://public.example.vn/start',
      'response http://public.example.vn/start 302',
      'request http://public.example.vn/trang',
      'response http://public.example.vn/trang 200',
      'request http://public.example.vn/anh.png',
      'response http://public.example.vn/anh.png 200',
      'metadata http://public.example.vn/trang',
    ]);
    expect(sha256(records[6]!.payload)).toBe(sha256(PNG));
    expect(Buffer.from(records[4]!.payload).toString('utf8')).toBe(PAGE);
    expect(JSON.parse(Buffer.from(records[7]!.payload).toString('utf8'))).toMatchObject({
      finalUrl: 'http://public.example.vn/trang',
      redirects: [{ url: 'http://public.example.vn/start', status: 302 }],
    });
  }, 90_000);

  it.each([
    ['loopback', 'http://127.0.0.1/'],
    ['a private address', 'http://10.0.0.1/'],
    ['IPv4-mapped loopback', 'http://[::ffff:127.0.0.1]/'],
    ['the metadata service', 'http://169.254.169.254/latest/meta-data/'],
    ['a name resolving to loopback', 'http://loopback.example.vn/'],
    ['a name resolving to a private address', 'http://private.example.vn/'],
    ['a name resolving to the metadata service', 'http://metadata.example.vn/'],
    ['a name resolving to IPv4-mapped loopback', 'http://mapped.example.vn/'],
    ['a public page redirecting to loopback', 'http://public.example.vn/to-loopback'],
    ['a public page redirecting to the metadata service', 'http://public.example.vn/to-metadata'],
    ['a public page redirecting to a name of a private address', 'http://public.example.vn/to-private-name'],
    ['more than 5 redirects', 'http://public.example.vn/loop'],
    ['a port other than 80 and 443', 'http://public.example.vn:8080/'],
  ])('refuses %s with BAD_USER_INPUT and stores nothing', async (_name, url) => {
    const target = await newCase(platform, SeededUsers.lethuyOfficer);
    const result = await api.call(SeededUsers.lethuyOfficer, CAPTURE, { i: { caseId: target, url } });
    expect({ data: result.data?.['captureWebPage'] ?? null, error: result.errors?.[0]?.extensions }).toEqual({
      data: null,
      error: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'url' }),
    });
    expect(await evidenceRows(platform, `SELECT id FROM evidence_item WHERE case_id = $1`, [target])).toEqual([]);
    expect(hits).not.toContain('/secret');
  });

  describe('a signed WACZ package of the case', () => {
    let file: string;
    let pkg: { id: string; sha256: string; keyId: string; itemCount: number; downloadUrl: string };
    let publicKey: string;
    const verifyCli = (target: string, ...options: string[]) =>
      spawnSync(process.execPath, [path.join(root, 'dist/tools/evidence/verify.js'), target, ...options], { encoding: 'utf8' });

    beforeAll(async () => {
      await api.ok(SeededUsers.lethuyOfficer, ADD_EXCERPT, { i: { caseId, text: 'Bài đăng kêu gọi nộp phí nhận cứu trợ.' } });
      const { requestEvidenceUpload } = await api.ok<{ requestEvidenceUpload: { uploadUrl: string } }>(SeededUsers.lethuyOfficer, REQUEST_UPLOAD, {
        i: { caseId, fileName: 'anh chụp màn hình.png' },
      });
      expect((await fetch(requestEvidenceUpload.uploadUrl, { method: 'PUT', body: PNG, headers: { 'content-type': 'application/octet-stream' } })).status).toBe(
        201,
      );
      pkg = (await api.ok<{ exportEvidencePackage: typeof pkg }>(SeededUsers.stttLead, EXPORT, { i: { caseId } })).exportEvidencePackage;
      const bytes = Buffer.from(await (await fetch(pkg.downloadUrl)).arrayBuffer());
      expect(sha256(bytes)).toBe(pkg.sha256);
      file = path.join(tmpdir(), `evidence-${pkg.id}.wacz`);
      await writeFile(file, bytes);
    }, 60_000);

    afterAll(async () => {
      if (file) await rm(file, { force: true });
    });

    it('is read by an independent reader: every hash in datapackage.json matches, WARCs stored, signature valid', async () => {
      expect(pkg.itemCount).toBe(3);
      const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(file, { lazyEntries: true }, (e, z) => (e ? reject(e) : resolve(z!))));
      const contents = new Map<string, { bytes: Buffer; entry: Entry }>();
      await new Promise<void>((resolve, reject) => {
        zip.on('entry', (entry: Entry) =>
          zip.openReadStream(entry, (error, stream) => {
            if (error) return reject(error);
            const chunks: Buffer[] = [];
            stream!
              .on('data', (c: Buffer) => chunks.push(c))
              .on('end', () => {
                contents.set(entry.fileName, { bytes: Buffer.concat(chunks), entry });
                zip.readEntry();
              });
          }),
        );
        zip.on('end', resolve);
        zip.readEntry();
      });
      const datapackage = JSON.parse(contents.get('datapackage.json')!.bytes.toString('utf8'));
      expect(datapackage).toMatchObject({ profile: 'data-package', wacz_version: '1.1.1' });
      const paths = datapackage.resources.map((r: { path: string }) => r.path);
      expect(paths).toEqual(
        expect.arrayContaining([`archive/${capture['id']}.warc`, 'pages/pages.jsonl', 'indexes/index.cdx', 'custody/custody-log.jsonl', 'evidence/items.json']),
      );
      expect(paths.some((p: string) => p.startsWith('files/') && p.endsWith('.png'))).toBe(true);
      for (const resource of datapackage.resources as { path: string; hash: string; bytes: number }[]) {
        const found = contents.get(resource.path)!;
        expect({ path: resource.path, hash: `sha256:${sha256(found.bytes)}`, bytes: found.bytes.length }).toEqual({
          path: resource.path,
          hash: resource.hash,
          bytes: resource.bytes,
        });
        if (resource.path.endsWith('.warc')) expect({ path: resource.path, method: found.entry.compressionMethod }).toEqual({ path: resource.path, method: 0 });
      }
      const warc = contents.get(`archive/${capture['id']}.warc`)!.bytes;
      expect(sha256(warc)).toBe(capture['sha256']);
      const types: string[] = [];
      for await (const record of new WARCParser([new Uint8Array(warc)])) types.push(record.warcType ?? '');
      expect(types.filter((t) => t === 'response')).toHaveLength(3);
      expect(contents.get('pages/pages.jsonl')!.bytes.toString('utf8').split('\n')[0]).toBe('{"format":"json-pages-1.0","id":"pages","title":"All Pages"}');
      const digest = JSON.parse(contents.get('datapackage-digest.json')!.bytes.toString('utf8'));
      expect(digest.hash).toBe(`sha256:${sha256(contents.get('datapackage.json')!.bytes)}`);
      expect(digest.signedData).toMatchObject({ hash: digest.hash, keyId: pkg.keyId });
      publicKey = digest.signedData.publicKey;
      const key = createPublicKey({ key: Buffer.from(digest.signedData.publicKey, 'base64'), format: 'der', type: 'spki' });
      expect(verify('sha256', Buffer.from(digest.hash), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(digest.signedData.signature, 'base64'))).toBe(true);
      const custody = contents
        .get('custody/custody-log.jsonl')!
        .bytes.toString('utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).action);
      expect(custody).toEqual(
        expect.arrayContaining(['evidence.captured', 'evidence.viewed', 'evidence.downloaded', 'evidence.excerpt-added', 'evidence.uploaded']),
      );
    });

    it('passes evidence:verify, and fails it after one byte is changed, naming the file', async () => {
      const good = verifyCli(file);
      expect({ status: good.status, out: good.stdout, err: good.stderr }).toEqual({
        status: 0,
        err: '',
        out: expect.stringMatching(/^OK .* signature of key .*custody entries\n$/),
      });

      // The key the package names: trusted under its id it passes; a rotated-in key of that id does not.
      const keys = `${file}.keys.json`;
      await writeFile(keys, JSON.stringify({ [pkg.keyId]: publicKey, 'qb-2027-1': 'another key' }));
      expect(verifyCli(file, '--trusted-keys', keys).status).toBe(0);
      await writeFile(
        keys,
        JSON.stringify({
          [pkg.keyId]: createPublicKey(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey)
            .export({ type: 'spki', format: 'der' })
            .toString('base64'),
        }),
      );
      const untrusted = verifyCli(file, '--trusted-keys', keys);
      await rm(keys, { force: true });
      expect({ status: untrusted.status, out: untrusted.stdout }).toEqual({
        status: 1,
        out: expect.stringContaining(`datapackage-digest.json: key ${pkg.keyId} is not a trusted key of that id`),
      });

      // Flip one byte in the middle of the (uncompressed) WARC's data inside the zip.
      const zipBytes = await readFile(file);
      const offset = await new Promise<number>((resolve, reject) =>
        yauzl.open(file, { lazyEntries: true }, (error, zip) => {
          if (error) return reject(error);
          zip!.on('entry', (entry: Entry) => {
            if (entry.fileName !== `archive/${capture['id']}.warc`) return zip!.readEntry();
            const nameLength = zipBytes.readUInt16LE(entry.relativeOffsetOfLocalHeader + 26);
            const extraLength = zipBytes.readUInt16LE(entry.relativeOffsetOfLocalHeader + 28);
            zip!.close();
            resolve(entry.relativeOffsetOfLocalHeader + 30 + nameLength + extraLength + Math.floor(entry.uncompressedSize / 2));
          });
          zip!.readEntry();
        }),
      );
      zipBytes[offset] = zipBytes[offset]! ^ 0x01;
      const tampered = `${file}.tampered.wacz`;
      await writeFile(tampered, zipBytes);
      const bad = verifyCli(tampered);
      await rm(tampered, { force: true });
      expect({ status: bad.status, out: bad.stdout }).toEqual({
        status: 1,
        out: expect.stringContaining(`FAILED  ${tampered}: archive/${capture['id']}.warc: sha256 or size differs`),
      });
    });
  });

  it('finds a byte flipped in storage and a missing blob, raising each once as an event', async () => {
    const integrity = platform.evidence!.get(IntegrityScheduler);
    const store = new FileSystemBlobStore(platform.evidenceDir);
    const text = capture['parts'].find((p: { role: string }) => p.role === 'TEXT');
    const blob = store.pathOf(text.sha256);
    const bytes = await readFile(blob);
    bytes[0] = bytes[0]! ^ 0xff;
    await writeFile(blob, bytes);
    const warc = store.pathOf(capture['sha256']);
    await rm(warc);

    // Two runs (the one due since the service started and one asked for now), then one more.
    expect(await integrity.runNow()).toBeGreaterThanOrEqual(1);
    expect(await integrity.runNow()).toBe(1);
    const nc = await connect({ servers: platform.env.natsUrl });
    try {
      const jsm = await jetstreamManager(nc);
      const subject = `${platform.env.subjectPrefix}evt.evidence.integrity.failed`;
      const published = async () =>
        ((await jsm.streams.info(platform.env.streamName, { subjects_filter: subject })).state.subjects as Record<string, number> | undefined)?.[subject] ?? 0;
      await eventually(async () => ((await published()) >= 2 ? true : undefined));
      // A third run finds the same two problems and raises nothing new.
      expect(await integrity.runNow()).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await published()).toBe(2);
    } finally {
      await nc.close();
    }
    const findings = await evidenceRows(platform, `SELECT sha256, failure FROM integrity_finding WHERE resolved_at IS NULL ORDER BY failure`);
    expect(findings).toEqual([
      { sha256: text.sha256, failure: 'MISMATCH' },
      { sha256: capture['sha256'], failure: 'MISSING' },
    ]);
    const item = await evidenceRows(platform, `SELECT integrity_status FROM evidence_item WHERE id = $1`, [capture['id']]);
    expect(item).toEqual([{ integrity_status: 'FAILED' }]);
    const checks = await evidenceRows(
      platform,
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'evidence.integrity-checked' AND summary->>'caseId' = $1`,
      [caseId],
    );
    expect(checks[0]!['n']).toBeGreaterThanOrEqual(3);
  });
});
