import { createHash } from 'node:crypto';
import http from 'node:http';
import type { Actor, Role } from '@phoi-hop/contracts';
import { mayCallOperation, mayReadEvidenceContent, stableUserId } from '@phoi-hop/auth';
import { SeededUsers, eventually, type TestUser } from '@phoi-hop/testing';
import { ITEM_FIELDS, caller, evidenceRows, newCase, storedFiles } from './support/evidence';
import { startPlatform, type Platform } from './support/platform';

const ADD_EXCERPT = `mutation($i: AddTextExcerptInput!) { addTextExcerpt(input: $i) { ${ITEM_FIELDS} } }`;
const ITEMS = `query($c: ID!) { evidenceItems(caseId: $c) { id contentWithheld sourceUrl note } }`;
const CONTENT = `query($i: ID!) { evidenceContent(itemId: $i) { itemId text sourceUrl downloads { role url sha256 } } }`;
const REQUEST_UPLOAD = `mutation($i: RequestEvidenceUploadInput!) { requestEvidenceUpload(input: $i) { ticketId uploadUrl expiresAt maxBytes allowedMimeTypes } }`;
const CASE = `query($id: ID!) { case(id: $id) { id } }`;

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** A Windows executable's header, named as a picture. */
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(5_000, 7)]);

const stttOfficer: TestUser = { username: 'stttt.officer', agencyCode: 'STTTT', roles: ['OFFICER'] };
const admin: TestUser = { username: 'admin', agencyCode: 'STTTT', roles: ['ADMIN'] };
const actorOf = (user: TestUser): Actor => ({ userId: stableUserId(user.username), username: user.username, agencyCode: user.agencyCode, roles: user.roles as Role[] });

describe('evidence items on a case', () => {
  let platform: Platform;
  let api: ReturnType<typeof caller>;

  beforeAll(async () => {
    platform = await startPlatform();
    api = caller(platform);
    await platform.addUser(stttOfficer);
  }, 60_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('keeps a text excerpt with its hash, size, type, who, agency, server time and tool', async () => {
    const caseId = await newCase(platform, SeededUsers.lethuyOfficer);
    const text = 'Trang giả mạo UBND huyện Lệ Thủy kêu gọi nộp phí nhận hỗ trợ lũ lụt qua tài khoản cá nhân.';
    const before = Date.now();
    const { addTextExcerpt: item } = await api.ok(SeededUsers.lethuyOfficer, ADD_EXCERPT, { i: { caseId, text, sourceUrl: 'https://facebook.com/trang-gia-mao/posts/1' } });
    expect(item).toMatchObject({
      caseId,
      kind: 'TEXT_EXCERPT',
      sha256: sha256(text),
      sizeBytes: Buffer.byteLength(text),
      mimeType: 'text/plain; charset=utf-8',
      capturedBy: stableUserId(SeededUsers.lethuyOfficer.username),
      capturedByAgency: 'UBND_LE_THUY',
      toolName: 'phoi-hop-evidence text-excerpt',
      contentWithheld: false,
      parts: [{ role: 'TEXT', sha256: sha256(text), sizeBytes: Buffer.byteLength(text), mimeType: 'text/plain; charset=utf-8' }],
    });
    expect(item.capturedAt).toMatch(/Z$/);
    expect(Date.parse(item.capturedAt)).toBeGreaterThanOrEqual(before - 1000);
    const [row] = await evidenceRows(platform, `SELECT count(*)::int AS n FROM audit_log WHERE action = 'evidence.excerpt-added' AND target_id = $1`, [item.id]);
    expect(row!['n']).toBe(1);
  });

  it('shows content only as the policy table says, and audits every read of it (each role)', async () => {
    const caseId = await newCase(platform, SeededUsers.lethuyOfficer);
    const text = 'Nội dung bài đăng lừa đảo được trích lại làm chứng cứ.';
    const { addTextExcerpt: item } = await api.ok(SeededUsers.lethuyOfficer, ADD_EXCERPT, { i: { caseId, text, sourceUrl: 'https://example.vn/lua-dao', note: 'ghi chú nội bộ' } });
    const users: TestUser[] = [...Object.values(SeededUsers), stttOfficer, admin];
    const readers: string[] = [];
    for (const user of users) {
      const actor = actorOf(user);
      const listed = await api.call<{ evidenceItems: { id: string; contentWithheld: boolean; sourceUrl: string | null; note: string | null }[] }>(user, ITEMS, { c: caseId });
      const content = await api.call<{ evidenceContent: { text: string; downloads: unknown[] } }>(user, CONTENT, { i: item.id });
      const outcome = { user: user.username, listed: listed.data?.evidenceItems ?? listed.errors?.[0]?.extensions?.['code'], content: content.data?.evidenceContent?.text ?? content.errors?.[0]?.extensions?.['code'] };
      const policy = mayCallOperation(actor, 'evidenceContent');
      const seesCase = policy && !!(await api.call<{ case: unknown }>(user, CASE, { id: caseId })).data?.case;
      const mayRead = seesCase && mayReadEvidenceContent(actor, 'UBND_LE_THUY');
      if (mayRead) readers.push(actor.userId);
      expect(outcome).toEqual({
        user: user.username,
        listed: !policy ? 'FORBIDDEN' : !seesCase ? 'NOT_FOUND' : [{ id: item.id, contentWithheld: !mayRead, sourceUrl: mayRead ? 'https://example.vn/lua-dao' : null, note: mayRead ? 'ghi chú nội bộ' : null }],
        content: !policy ? 'FORBIDDEN' : !seesCase ? 'NOT_FOUND' : mayRead ? text : 'FORBIDDEN',
      });
    }
    // The capturing agency, the coordinator and the police investigator read it; a leader only sees that it exists.
    expect(readers.sort()).toEqual(['lethuy.officer', 'stttt.lead', 'ca.officer'].map(stableUserId).sort());
    const views = await evidenceRows(platform, `SELECT actor_user_id FROM audit_log WHERE action = 'evidence.viewed' AND target_id = $1 ORDER BY actor_user_id`, [item.id]);
    expect(views.map((v) => v['actor_user_id'])).toEqual([...readers].sort());
  });

  it('downloads a part through its short-lived address, as a download in the custody log', async () => {
    const caseId = await newCase(platform, SeededUsers.lethuyOfficer);
    const { addTextExcerpt: item } = await api.ok(SeededUsers.lethuyOfficer, ADD_EXCERPT, { i: { caseId, text: 'Bài viết cần lưu giữ nguyên văn.' } });
    const { evidenceContent } = await api.ok<{ evidenceContent: { downloads: { url: string; sha256: string }[] } }>(SeededUsers.stttLead, CONTENT, { i: item.id });
    const response = await fetch(evidenceContent.downloads[0]!.url);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect({ status: response.status, sha: sha256(bytes), header: response.headers.get('x-content-sha256') }).toEqual({ status: 200, sha: item.sha256, header: item.sha256 });
    // A changed signature character (not the last one, whose low bits base64url may ignore).
    const url = evidenceContent.downloads[0]!.url;
    const at = url.length - 10;
    const tampered = `${url.slice(0, at)}${url[at] === 'A' ? 'B' : 'A'}${url.slice(at + 1)}`;
    expect(await fetch(tampered).then((r) => r.status)).toBe(404);
    const downloads = await evidenceRows(platform, `SELECT actor_agency FROM audit_log WHERE action = 'evidence.downloaded' AND target_id = $1`, [item.id]);
    expect(downloads).toEqual([{ actor_agency: 'STTTT' }]);
  });

  it('derives the public source of reported URLs and links the cases that show it, as far as the viewer may see them', async () => {
    const page = `trangGiaMao${Date.now()}`;
    const first = await newCase(platform, SeededUsers.lethuyOfficer, 'IMPERSONATION_SCAM', 'LE_THUY', `https://www.facebook.com/${page}/posts/1`);
    const second = await newCase(platform, SeededUsers.donghoiOfficer, 'IMPERSONATION_SCAM', 'DONG_HOI', `https://m.facebook.com/${page}/posts/2`);
    const SOURCES = `query($c: ID!) { publicSources(caseId: $c) { id platform kind handle url caseIds } }`;
    const expected = (caseIds: string[]) => [{ id: expect.any(String), platform: 'FACEBOOK', kind: 'PAGE', handle: page.toLowerCase(), url: `https://www.facebook.com/${page.toLowerCase()}`, caseIds }];
    const seen = await eventually(async () => {
      const { publicSources } = await api.ok<{ publicSources: { caseIds: string[] }[] }>(SeededUsers.stttLead, SOURCES, { c: first });
      return publicSources[0]?.caseIds.length === 2 ? publicSources : undefined;
    });
    expect(seen).toEqual(expected([first, second]));
    // The reporting district sees its own case, not that another district's case shows the same page.
    expect((await api.ok<{ publicSources: unknown[] }>(SeededUsers.lethuyOfficer, SOURCES, { c: first })).publicSources).toEqual(expected([first]));
    const fields = (await api.ok<{ __type: { fields: { name: string }[] } }>(SeededUsers.stttLead, `{ __type(name: "PublicSource") { fields { name } } }`)).__type.fields.map((f) => f.name);
    // Exactly the public fields (the name the source itself shows included): a new field must be reviewed against the stance.
    expect(fields.sort()).toEqual(['caseIds', 'displayName', 'firstSeenAt', 'handle', 'id', 'kind', 'lastSeenAt', 'platform', 'url']);
    const edited = await api.ok<{ editPublicSource: { displayName: string } }>(SeededUsers.stttLead, `mutation($i: EditPublicSourceInput!) { editPublicSource(input: $i) { displayName } }`, { i: { sourceId: (seen[0] as unknown as { id: string }).id, displayName: 'UBND huyện Lệ Thủy (giả mạo)' } });
    expect(edited.editPublicSource.displayName).toBe('UBND huyện Lệ Thủy (giả mạo)');
    const audits = await evidenceRows(platform, `SELECT summary FROM audit_log WHERE action = 'source.edited'`);
    expect(audits.map((a) => a['summary'])).toEqual([{ before: { kind: 'PAGE', displayName: null }, after: { kind: 'PAGE', displayName: 'UBND huyện Lệ Thủy (giả mạo)' } }]);
  });

  describe('uploads', () => {
    let caseId: string;
    const ticket = async (fileName: string) =>
      (await api.ok<{ requestEvidenceUpload: { uploadUrl: string; ticketId: string; maxBytes: number } }>(SeededUsers.lethuyOfficer, REQUEST_UPLOAD, { i: { caseId, fileName } })).requestEvidenceUpload;
    const put = (url: string, body: Buffer) => fetch(url, { method: 'PUT', body, headers: { 'content-type': 'application/octet-stream' } });
    const items = async () => (await evidenceRows(platform, `SELECT id, kind, mime_type, name_mismatch, sha256 FROM evidence_item WHERE case_id = $1 ORDER BY captured_at`, [caseId])).map((r) => ({ ...r }));

    beforeAll(async () => {
      caseId = await newCase(platform, SeededUsers.lethuyOfficer);
    });

    it('streams an upload into storage while hashing, records it as the bytes are, once per address', async () => {
      const { uploadUrl, maxBytes } = await ticket('anh-chup-man-hinh.png');
      expect(maxBytes).toBe(1024 * 1024);
      const response = await put(uploadUrl, PNG);
      const body = (await response.json()) as { item: { sha256: string; mimeType: string; sizeBytes: number; kind: string; fileName: string; nameMismatch: boolean } };
      expect({ status: response.status, item: body.item }).toEqual({
        status: 201,
        item: expect.objectContaining({ kind: 'FILE', sha256: sha256(PNG), sizeBytes: PNG.length, mimeType: 'image/png', fileName: 'anh-chup-man-hinh.png', nameMismatch: false }),
      });
      expect((await storedFiles(platform)).blobs.some((f) => f.endsWith(sha256(PNG)))).toBe(true);
      // Single use: the same address again is refused and stores nothing more.
      const again = await put(uploadUrl, PDF);
      expect(again.status).toBe(410);
      expect((await items()).filter((i) => i['kind'] === 'FILE')).toHaveLength(1);
    });

    it('records bytes that are not what their name claims as what they are', async () => {
      const { uploadUrl } = await ticket('bang-chung.jpg');
      const response = await put(uploadUrl, PDF);
      expect(response.status).toBe(201);
      expect((await items()).find((i) => i['sha256'] === sha256(PDF))).toMatchObject({ mime_type: 'application/pdf', name_mismatch: true });
    });

    it('refuses a type off the allow-list, over the size limit, or cut off halfway, leaving no blob and no row', async () => {
      const before = { items: await items(), files: await storedFiles(platform) };

      const exe = await put((await ticket('anh.png')).uploadUrl, EXE);
      expect({ status: exe.status, body: await exe.json() }).toEqual({ status: 415, body: { code: 'BAD_USER_INPUT', message: expect.stringContaining('application/x-msdownload is not an allowed type') } });

      const huge = Buffer.concat([PNG, Buffer.alloc(1024 * 1024, 1)]);
      const tooLarge = await put((await ticket('lon.png')).uploadUrl, huge).catch((error: Error) => ({ status: `connection closed: ${error.message}` }));
      expect([413, 'connection closed: fetch failed']).toContain(tooLarge.status);

      const cut = await ticket('video.mp4');
      await new Promise<void>((resolve) => {
        const request = http.request(cut.uploadUrl, { method: 'PUT', headers: { 'content-type': 'application/octet-stream', 'content-length': String(200_000) } });
        request.on('error', () => resolve());
        request.on('response', () => resolve());
        request.write(Buffer.concat([PNG, Buffer.alloc(100_000, 3)]));
        setTimeout(() => {
          request.destroy();
          resolve();
        }, 300);
      });
      // Each attempt is in the custody log as refused, and its ticket is used up.
      await eventually(async () => {
        const rows = await evidenceRows(platform, `SELECT outcome FROM upload_ticket WHERE case_id = $1 AND outcome LIKE 'REFUSED%'`, [caseId]);
        return rows.length === 3 ? rows : undefined;
      });
      const refusals = await evidenceRows(platform, `SELECT count(*)::int AS n FROM audit_log WHERE action = 'evidence.upload-refused' AND summary->>'caseId' = $1`, [caseId]);
      expect(refusals[0]!['n']).toBe(3);
      expect({ items: await items(), files: await storedFiles(platform) }).toEqual(before);
    });

    it('refuses an address it did not sign', async () => {
      const response = await put(`http://127.0.0.1:${(platform.evidence!.getHttpServer().address() as { port: number }).port}/evidence/uploads/not-a-token`, PNG);
      expect(response.status).toBe(404);
    });
  });
});
