import { createHash } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { connect, type Msg, type NatsConnection } from '@nats-io/transport-node';
import { Client } from 'pg';
import { EventSubjects, RpcSubjects, type EventEnvelope, type UserChangedEvent } from '@phoi-hop/contracts';
import { RpcCallError, RpcClient } from '@phoi-hop/messaging';
import { SeededUsers, eventually, graphqlRequest, type GraphQLResponse, type TestUser } from '@phoi-hop/testing';
import { startPlatform, type Platform } from './support/platform';

const ADMIN: TestUser = { username: 'admin', agencyCode: 'STTTT', roles: ['ADMIN'] };
const USER_FIELDS = 'id username displayName agencyCode roles active disabledAt disabledReason';
const CREATE_USER = `mutation($i: CreateUserInput!) { createUser(input: $i) { ${USER_FIELDS} } }`;
const UPDATE_USER = `mutation($u: String!, $i: UpdateUserInput!) { updateUser(username: $u, input: $i) { ${USER_FIELDS} } }`;
const DISABLE_USER = `mutation($u: String!, $r: String!) { disableUser(username: $u, reason: $r) { ${USER_FIELDS} } }`;
const ENABLE_USER = `mutation($u: String!) { enableUser(username: $u) { ${USER_FIELDS} } }`;
const USERS = `query($a: String, $f: Int, $after: String) { users(agencyCode: $a, first: $f, after: $after) { edges { cursor node { username active } } pageInfo { hasNextPage endCursor } } }`;
const KEY_FIELDS = 'id name agencyCode scopes createdAt createdBy lastUsedAt expiresAt revokedAt revokedReason';
const CREATE_KEY = `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret apiKey { ${KEY_FIELDS} } } }`;
const API_KEYS = `query($a: String) { apiKeys(agencyCode: $a) { ${KEY_FIELDS} } }`;
const REVOKE_KEY = `mutation($id: ID!, $r: String!) { revokeApiKey(id: $id, reason: $r) { ${KEY_FIELDS} } }`;
const SUBMIT = `mutation($i: SubmitReportInput!) { submitReport(input: $i) { case { id reports(first: 1) { edges { node { reporterAgencyCode } } } } } }`;
const AGENCIES = '{ agencies { code } }';
const ME = '{ me { id username roles agency { code } } }';

type Key = { id: string; name: string; agencyCode: string; scopes: string[]; createdBy: string; lastUsedAt: string | null; revokedAt: string | null };

const codeOf = (result: GraphQLResponse<unknown>) => result.errors?.[0]?.extensions?.['code'] ?? 'OK';
const report = () => ({
  url: `https://example.vn/gia-mao/${Math.random()}`,
  excerpt: `Trang giả mạo Sở Y tế kêu gọi chuyển tiền ${Math.random()}`,
  categoryCode: 'IMPERSONATION_SCAM',
  localityCode: 'DONG_HOI',
});

/** Users and roles, refusing unknown or disabled users, API keys for machine clients. */
describe('identity and access', () => {
  let platform: Platform;
  let nc: NatsConnection;
  let rpc: RpcClient;
  let db: Client;
  let admin: string;
  let schema: string;
  let otherGateway: string;

  const gql = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, token?: string) =>
    graphqlRequest<T>(platform.graphqlUrl, query, variables, token);
  const withKey = <T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown>,
    secret: string,
    header: 'authorization' | 'x-api-key' = 'authorization',
  ) => graphqlRequest<T>(platform.graphqlUrl, query, variables, undefined, { [header]: header === 'authorization' ? `ApiKey ${secret}` : secret });
  const nats = <T>(subject: Parameters<RpcClient['request']>[0], data: unknown, token: string) =>
    rpc.request<T>(subject, data, { token }).then(
      () => ({ code: 'OK', message: '' }),
      (error: RpcCallError) => ({ code: error.code, message: error.message }),
    );
  const count = async (sql: string) => Number((await db.query<{ n: string }>(sql.replace(/\$schema/g, `"${schema}"`))).rows[0]!.n);
  const state = async () => ({
    users: await count('SELECT count(*) AS n FROM $schema.app_user'),
    keys: await count('SELECT count(*) AS n FROM $schema.api_key'),
    audit: await count('SELECT count(*) AS n FROM $schema.audit_log'),
    outbox: await count('SELECT count(*) AS n FROM $schema.outbox'),
  });

  beforeAll(async () => {
    platform = await startPlatform();
    nc = await connect({ servers: platform.env.natsUrl });
    rpc = new RpcClient(nc, { subjectPrefix: platform.env.subjectPrefix, rpcTimeoutMs: 5000, serviceName: 'e2e' });
    db = new Client({ connectionString: platform.env.databaseUrl });
    await db.connect();
    schema = platform.env.schema('directory');
    admin = await platform.env.token(ADMIN);
    otherGateway = await platform.startGatewayReplica();
  });

  afterAll(async () => {
    await db?.end();
    await nc?.close();
    await platform?.stop();
  });

  it('lets an admin add a user, who can then work with the roles and agency of the directory', async () => {
    const changes: EventEnvelope<UserChangedEvent>[] = [];
    const events = nc.subscribe(`${platform.env.subjectPrefix}${EventSubjects.directory.userChanged}`, {
      callback: (_e, m: Msg) => void changes.push(m.json()),
    });
    const created = await gql<{ createUser: { username: string; roles: string[]; active: boolean } }>(
      CREATE_USER,
      { i: { username: 'syt.new', displayName: 'Ngô Văn M (tài khoản thử)', agencyCode: 'SYT', roles: ['OFFICER'] } },
      admin,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createUser).toMatchObject({ username: 'syt.new', roles: ['OFFICER'], active: true });
    // The token claims ADMIN of another agency: the directory's OFFICER of SYT is what counts.
    const token = await platform.env.token({ username: 'syt.new', agencyCode: 'STTTT', roles: ['ADMIN'] });
    const me = await gql<{ me: { username: string; roles: string[]; agency: { code: string } } }>(ME, {}, token);
    expect(me.data!.me).toMatchObject({ username: 'syt.new', roles: ['OFFICER'], agency: { code: 'SYT' } });
    const submitted = await gql<{ submitReport: { case: { reports: { edges: { node: { reporterAgencyCode: string } }[] } } } }>(SUBMIT, { i: report() }, token);
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.submitReport.case.reports.edges[0]!.node.reporterAgencyCode).toBe('SYT');
    expect(codeOf(await gql(CREATE_USER, { i: { username: 'syt.other', displayName: 'Không được', agencyCode: 'SYT', roles: ['OFFICER'] } }, token))).toBe(
      'FORBIDDEN',
    );

    const trail = await gql<{ auditTrail: { totalCount: number; edges: { node: { action: string; actorAgency: string | null } }[] } }>(
      'query { auditTrail(targetId: "syt.new", first: 5) { totalCount edges { node { action actorAgency } } } }',
      {},
      admin,
    );
    expect(trail.data!.auditTrail.edges.map((e) => e.node)).toEqual([{ action: 'user.created', actorAgency: 'STTTT' }]);
    expect(trail.data!.auditTrail.totalCount).toBe(1);
    await eventually(() => (changes.some((e) => e.data.username === 'syt.new' && e.data.change === 'CREATED') ? true : undefined));
    events.unsubscribe();

    const page = await gql<{ users: { edges: { node: { username: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
      USERS,
      { a: 'SYT', f: 1 },
      admin,
    );
    expect(page.data!.users.edges.map((e) => e.node.username)).toEqual(['syt.new']);
    const next = await gql<{ users: { edges: { node: { username: string } }[] } }>(
      USERS,
      { a: 'SYT', f: 5, after: page.data!.users.pageInfo.endCursor },
      admin,
    );
    expect(next.data!.users.edges.map((e) => e.node.username)).toEqual(['syt.officer']);
  });

  it('changes roles and agency consistently: an investigator belongs to the police', async () => {
    await gql(CREATE_USER, { i: { username: 'ca.new', displayName: 'Lý Văn N (tài khoản thử)', agencyCode: 'CA', roles: ['OFFICER'] } }, admin);
    const promoted = await gql<{ updateUser: { roles: string[] } }>(UPDATE_USER, { u: 'ca.new', i: { roles: ['OFFICER', 'INVESTIGATOR'] } }, admin);
    expect(promoted.data!.updateUser.roles).toEqual(['OFFICER', 'INVESTIGATOR']);
    const moved = await gql(UPDATE_USER, { u: 'ca.new', i: { agencyCode: 'SYT' } }, admin);
    expect(moved.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'roles' });
    const token = await platform.env.token({ username: 'ca.new', agencyCode: 'CA', roles: ['OFFICER'] });
    expect((await gql<{ me: { roles: string[] } }>(ME, {}, token)).data!.me.roles).toEqual(['OFFICER', 'INVESTIGATOR']);
  });

  it('refuses a disabled user at the gateway and directly on NATS, and lets them back in when enabled', async () => {
    const user: TestUser = { username: 'lethuy.temp', agencyCode: 'UBND_LE_THUY', roles: ['OFFICER'] };
    await gql(CREATE_USER, { i: { ...user, displayName: 'Trịnh Thị P (tài khoản thử)' } }, admin);
    const token = await platform.env.token(user);
    expect(codeOf(await gql(AGENCIES, {}, token))).toBe('OK');
    // Another gateway replica, which does not see the mutation, knows the user too.
    expect(codeOf(await graphqlRequest(otherGateway, AGENCIES, {}, token))).toBe('OK');
    // The services know the user too (and cache them).
    expect(await nats(RpcSubjects.intake.caseList, { first: 1 }, token)).toEqual({ code: 'OK', message: '' });
    expect(await nats(RpcSubjects.directory.agencyList, {}, token)).toEqual({ code: 'OK', message: '' });

    const disabled = await gql<{ disableUser: { active: boolean; disabledReason: string } }>(DISABLE_USER, { u: user.username, r: 'Chuyển công tác' }, admin);
    expect(disabled.data!.disableUser).toMatchObject({ active: false, disabledReason: 'Chuyển công tác' });
    const refused = await gql(AGENCIES, {}, token);
    expect(refused.errors?.[0]).toMatchObject({ message: 'User is disabled', extensions: { code: 'UNAUTHENTICATED' } });
    expect(await nats(RpcSubjects.directory.agencyList, {}, token)).toEqual({ code: 'UNAUTHENTICATED', message: 'User is disabled' });
    // Intake had the user cached; the user.changed event drops it well within the 30 s cache period.
    const started = Date.now();
    await eventually(async () => ((await nats(RpcSubjects.intake.caseList, { first: 1 }, token)).code === 'UNAUTHENTICATED' ? true : undefined), 10_000);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await nats(RpcSubjects.intake.reportSubmit, report(), token)).toEqual({ code: 'UNAUTHENTICATED', message: 'User is disabled' });
    await eventually(async () => (codeOf(await graphqlRequest(otherGateway, AGENCIES, {}, token)) === 'UNAUTHENTICATED' ? true : undefined), 10_000);

    const metrics = await (await fetch(platform.graphqlUrl.replace('/graphql', '/metrics'))).text();
    expect(metrics).toMatch(/phoihop_auth_failures_total\{[^}]*service="gateway"[^}]*reason="User is disabled"[^}]*\} [1-9]/);
    expect(metrics).not.toContain(token);

    expect((await gql<{ enableUser: { active: boolean } }>(ENABLE_USER, { u: user.username }, admin)).data!.enableUser.active).toBe(true);
    expect(codeOf(await gql(AGENCIES, {}, token))).toBe('OK');
    await eventually(async () => ((await nats(RpcSubjects.intake.caseList, { first: 1 }, token)).code === 'OK' ? true : undefined), 10_000);
  });

  it('ends a disabled user’s open event subscription, and refuses a new one', async () => {
    const user: TestUser = { username: 'donghoi.watch', agencyCode: 'UBND_DONG_HOI', roles: ['OFFICER'] };
    await gql(CREATE_USER, { i: { ...user, displayName: 'Lê Văn Q (tài khoản thử)' } }, admin);
    const token = await platform.env.token(user);
    const client = createClient({
      url: platform.wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      lazy: false,
      retryAttempts: 0,
    });
    const watch = () => {
      const seen: { events: string[]; ended: string | null } = { events: [], ended: null };
      client.subscribe<{ caseEvents: { type: string } }>(
        { query: 'subscription { caseEvents { type } }' },
        {
          next: (message) => {
            if (message.data) seen.events.push(message.data.caseEvents.type);
            if (message.errors) seen.ended = `error: ${JSON.stringify(message.errors)}`;
          },
          error: (error) => void (seen.ended = `error: ${JSON.stringify(error)}`),
          complete: () => void (seen.ended ??= 'complete'),
        },
      );
      return seen;
    };
    try {
      const first = watch();
      // The subscription is live: a report in Đồng Hới reaches it (reported again until the subscription is in place).
      const reporter = await platform.env.token(SeededUsers.donghoiOfficer);
      await eventually(
        async () => {
          if (first.events.length > 0) return true;
          await gql(`mutation($i: SubmitReportInput!) { submitReport(input: $i) { merged } }`, { i: report() }, reporter);
          await new Promise((resolve) => setTimeout(resolve, 500));
          return first.events.length > 0 ? true : undefined;
        },
        20_000,
        0,
      );
      expect(first.ended).toBeNull();

      await gql(DISABLE_USER, { u: user.username, r: 'Nghỉ hưu' }, admin);
      expect(await eventually(() => first.ended ?? undefined, 5_000)).toBe('complete');
      const second = watch();
      expect(await eventually(() => second.ended ?? undefined, 5_000)).toMatch(/User is disabled/);
    } finally {
      await client.dispose();
    }
  });

  it('refuses a valid token of a user the directory does not know, at the gateway and on NATS', async () => {
    const stranger = await platform.env.token({ username: 'nobody.here', agencyCode: 'STTTT', roles: ['COORDINATOR'] });
    const refused = await gql(AGENCIES, {}, stranger);
    expect(refused.errors?.[0]).toMatchObject({ message: 'Unknown user', extensions: { code: 'UNAUTHENTICATED' } });
    expect(await nats(RpcSubjects.intake.caseList, { first: 1 }, stranger)).toEqual({ code: 'UNAUTHENTICATED', message: 'Unknown user' });
    expect(await nats(RpcSubjects.directory.agencyList, {}, stranger)).toEqual({ code: 'UNAUTHENTICATED', message: 'Unknown user' });
  });

  it('refuses bad user changes with stable codes and changes nothing', async () => {
    const before = await state();
    const attempts: Array<[string, Record<string, unknown>, string, string]> = [
      [CREATE_USER, { i: { username: 'x.ghost', displayName: 'Không có', agencyCode: 'GHOST', roles: ['OFFICER'] } }, 'BAD_USER_INPUT', 'agencyCode'],
      [CREATE_USER, { i: { username: 'x.god', displayName: 'Không có', agencyCode: 'SYT', roles: ['SUPERUSER'] } }, 'BAD_USER_INPUT', 'roles'],
      [CREATE_USER, { i: { username: 'x.coord', displayName: 'Không có', agencyCode: 'SYT', roles: ['COORDINATOR'] } }, 'BAD_USER_INPUT', 'roles'],
      [CREATE_USER, { i: { username: 'x.ethics', displayName: 'Không có', agencyCode: 'CA', roles: ['ETHICS_OFFICER'] } }, 'BAD_USER_INPUT', 'roles'],
      [CREATE_USER, { i: { username: 'x.robot', displayName: 'Không có', agencyCode: 'SYT', roles: ['API_CLIENT'] } }, 'BAD_USER_INPUT', 'roles'],
      [CREATE_USER, { i: { username: 'Bad Name', displayName: 'Không có', agencyCode: 'SYT', roles: ['OFFICER'] } }, 'BAD_USER_INPUT', 'username'],
      [CREATE_USER, { i: { username: 'syt.officer', displayName: 'Trùng tên', agencyCode: 'SYT', roles: ['OFFICER'] } }, 'CONFLICT', 'username'],
      [DISABLE_USER, { u: 'admin', r: 'Tự khóa' }, 'BAD_USER_INPUT', 'username'],
      [UPDATE_USER, { u: 'admin', i: { roles: ['AUDITOR'] } }, 'BAD_USER_INPUT', 'roles'],
      [DISABLE_USER, { u: 'no.such.user', r: 'Không có' }, 'NOT_FOUND', 'username'],
      [ENABLE_USER, { u: 'syt.officer' }, 'INVALID_STATE', 'username'],
      [UPDATE_USER, { u: 'syt.officer', i: { agencyCode: 'GHOST' } }, 'BAD_USER_INPUT', 'agencyCode'],
    ];
    for (const [query, variables, code, field] of attempts) {
      const result = await gql(query, variables, admin);
      expect({ variables, extensions: result.errors?.[0]?.extensions }).toEqual({ variables, extensions: expect.objectContaining({ code, field }) });
    }
    expect(await state()).toEqual(before);
    const still = await gql<{ me: { username: string } }>(ME, {}, await platform.env.token(SeededUsers.sytOfficer));
    expect(still.data!.me.username).toBe('syt.officer');
  });

  describe('API keys', () => {
    let secret: string;
    let key: Key;

    it('shows the secret once and stores only its hash', async () => {
      const created = await gql<{ createApiKey: { secret: string; apiKey: Key } }>(
        CREATE_KEY,
        { i: { agencyCode: 'SYT', name: 'Hệ thống giám sát tin giả', scopes: ['submitReport'] } },
        admin,
      );
      expect(created.errors).toBeUndefined();
      ({ secret, apiKey: key } = created.data!.createApiKey);
      expect(secret).toMatch(/^php_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
      expect(key).toMatchObject({ agencyCode: 'SYT', scopes: ['submitReport'], createdBy: 'admin', lastUsedAt: null, revokedAt: null });
      const listed = await gql<{ apiKeys: Key[] }>(API_KEYS, { a: 'SYT' }, admin);
      expect(listed.data!.apiKeys.map((k) => k.id)).toEqual([key.id]);
      expect(JSON.stringify(listed)).not.toContain(secret.slice(37));
      const introspection = await gql<{ __type: { fields: { name: string }[] } }>('{ __type(name: "ApiKey") { fields { name } } }', {});
      expect(introspection.data!.__type.fields.map((f) => f.name)).not.toEqual(expect.arrayContaining([expect.stringMatching(/secret|hash/i)]));

      const { rows } = await db.query<Record<string, unknown>>(`SELECT * FROM "${schema}".api_key WHERE id = $1`, [key.id]);
      expect(rows).toHaveLength(1);
      expect(rows[0]!['secret_hash']).toBe(createHash('sha256').update(secret).digest('hex'));
      const stored =
        JSON.stringify(rows[0]) + JSON.stringify((await db.query(`SELECT action, summary FROM "${schema}".audit_log WHERE target_id = $1`, [key.id])).rows);
      expect(stored).not.toContain(secret.slice(37));
      expect(stored).toContain('api-key.created');
    });

    it('works for its scoped operation, as an API client of its agency, and records the use', async () => {
      const submitted = await withKey<{ submitReport: { case: { reports: { edges: { node: { reporterAgencyCode: string } }[] } } } }>(
        SUBMIT,
        { i: report() },
        secret,
      );
      expect(submitted.errors).toBeUndefined();
      expect(submitted.data!.submitReport.case.reports.edges[0]!.node.reporterAgencyCode).toBe('SYT');
      expect(codeOf(await withKey(SUBMIT, { i: report() }, secret, 'x-api-key'))).toBe('OK');
      const listed = await gql<{ apiKeys: Key[] }>(API_KEYS, { a: 'SYT' }, admin);
      expect(Date.parse(listed.data!.apiKeys[0]!.lastUsedAt!)).toBeGreaterThan(Date.now() - 60_000);
    });

    it('is FORBIDDEN outside its scopes, at the gateway and on NATS with the internal token it was exchanged for', async () => {
      expect(codeOf(await withKey(AGENCIES, {}, secret))).toBe('FORBIDDEN');
      expect(codeOf(await withKey('{ cases(first: 1) { edges { cursor } } }', {}, secret))).toBe('FORBIDDEN');
      // What the gateway sends to intake on the key's behalf: a short-lived internal token, not the key.
      const seen: string[] = [];
      const tap = nc.subscribe(`${platform.env.subjectPrefix}${RpcSubjects.intake.reportSubmit}`, {
        callback: (_e, m: Msg) => void seen.push(m.headers?.get('authorization') ?? ''),
      });
      await nc.flush();
      expect(codeOf(await withKey(SUBMIT, { i: report() }, secret))).toBe('OK');
      tap.unsubscribe();
      const internal = seen[0]!.replace(/^Bearer /, '');
      expect(internal).not.toContain(secret);
      const claims = JSON.parse(Buffer.from(internal.split('.')[1]!, 'base64url').toString('utf8')) as {
        scp: string[];
        roles: string[];
        exp: number;
        iat: number;
      };
      expect(claims).toMatchObject({ scp: ['submitReport'], roles: ['API_CLIENT'] });
      expect(claims.exp - claims.iat).toBeLessThanOrEqual(300);
      expect(await nats(RpcSubjects.intake.reportSubmit, report(), internal)).toEqual({ code: 'OK', message: '' });
      expect(await nats(RpcSubjects.directory.userGet, { username: 'admin' }, internal)).toEqual({
        code: 'FORBIDDEN',
        message: "Not within the API key's scopes: directory.user.get",
      });
      expect((await nats(RpcSubjects.intake.caseList, { first: 1 }, internal)).code).toBe('FORBIDDEN');
      // The gateway does not take an internal token from a client.
      expect(codeOf(await gql(SUBMIT, { i: report() }, internal))).toBe('UNAUTHENTICATED');
    });

    it('refuses bad keys with stable codes and stores nothing', async () => {
      const before = await state();
      const attempts: Array<[Record<string, unknown>, string]> = [
        [{ agencyCode: 'SYT', name: 'Sai phạm vi', scopes: ['cases'] }, 'scopes'],
        [{ agencyCode: 'SYT', name: 'Sai phạm vi', scopes: ['submitReport', 'noSuchOperation'] }, 'scopes'],
        [{ agencyCode: 'SYT', name: 'Sai phạm vi', scopes: ['createUser'] }, 'scopes'],
        [{ agencyCode: 'GHOST', name: 'Không có cơ quan', scopes: ['submitReport'] }, 'agencyCode'],
        [{ agencyCode: 'SYT', name: 'Đã hết hạn', scopes: ['submitReport'], expiresAt: '2020-01-01T00:00:00Z' }, 'expiresAt'],
      ];
      for (const [input, field] of attempts) {
        const result = await gql(CREATE_KEY, { i: input }, admin);
        expect({ input, extensions: result.errors?.[0]?.extensions }).toEqual({ input, extensions: { code: 'BAD_USER_INPUT', field } });
      }
      expect(await state()).toEqual(before);
      const forged = secret.slice(0, -4) + (secret.endsWith('AAAA') ? 'BBBB' : 'AAAA');
      expect((await withKey(SUBMIT, { i: report() }, forged)).errors?.[0]).toMatchObject({
        message: 'API key is invalid',
        extensions: { code: 'UNAUTHENTICATED' },
      });
      expect((await withKey(SUBMIT, { i: report() }, 'php_not-a-key')).errors?.[0]).toMatchObject({
        message: 'API key is malformed',
        extensions: { code: 'UNAUTHENTICATED' },
      });
    });

    it('is refused once expired', async () => {
      const created = await gql<{ createApiKey: { secret: string } }>(
        CREATE_KEY,
        { i: { agencyCode: 'SYT', name: 'Khóa ngắn hạn', scopes: ['submitReport'], expiresAt: new Date(Date.now() + 2_000).toISOString() } },
        admin,
      );
      const shortLived = created.data!.createApiKey.secret;
      expect(codeOf(await withKey(SUBMIT, { i: report() }, shortLived))).toBe('OK');
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      expect((await withKey(SUBMIT, { i: report() }, shortLived)).errors?.[0]).toMatchObject({
        message: 'API key has expired',
        extensions: { code: 'UNAUTHENTICATED' },
      });
    });

    it('is refused after revocation, at once and at every gateway, which is audited', async () => {
      const elsewhere = (query: string, variables: Record<string, unknown>) =>
        graphqlRequest(otherGateway, query, variables, undefined, { authorization: `ApiKey ${secret}` });
      expect(codeOf(await elsewhere(SUBMIT, { i: report() }))).toBe('OK');
      const revoked = await gql<{ revokeApiKey: Key }>(REVOKE_KEY, { id: key.id, r: 'Hệ thống ngừng hoạt động' }, admin);
      expect(revoked.data!.revokeApiKey.revokedAt).not.toBeNull();
      expect((await withKey(SUBMIT, { i: report() }, secret)).errors?.[0]).toMatchObject({
        message: 'API key is revoked',
        extensions: { code: 'UNAUTHENTICATED' },
      });
      // The other replica had the key cached for a minute: the revocation event drops it sooner.
      await eventually(async () => ((await elsewhere(SUBMIT, { i: report() })).errors?.[0]?.message === 'API key is revoked' ? true : undefined), 10_000);
      expect(codeOf(await gql(REVOKE_KEY, { id: key.id, r: 'Lần nữa' }, admin))).toBe('INVALID_STATE');
      expect(codeOf(await gql(REVOKE_KEY, { id: '00000000-0000-4000-8000-000000000000', r: 'Không có' }, admin))).toBe('NOT_FOUND');
      const trail = await gql<{ auditTrail: { edges: { node: { action: string } }[] } }>(
        'query($t: String!) { auditTrail(targetId: $t, first: 5) { edges { node { action } } } }',
        { t: key.id },
        admin,
      );
      expect(trail.data!.auditTrail.edges.map((e) => e.node.action)).toEqual(['api-key.revoked', 'api-key.created']);
    });
  });
});
