import { randomBytes, randomUUID } from 'node:crypto';
import { connect, headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { Client } from 'pg';
import { RpcSubjects } from '@phoi-hop/contracts';
import { SeededUsers, eventually, graphqlRequest } from '@phoi-hop/testing';
import { startPlatform, type Platform } from './support/platform';

const SUBMIT = `mutation($i: SubmitReportInput!) { submitReport(input: $i) { merged report { id } case { id number } } }`;
interface Submitted {
  submitReport: { merged: boolean; report: { id: string }; case: { id: string; number: string } };
}

/**
 * Writes a client can retry: a creation retried with the same idempotency key (the
 * `Idempotency-Key` header or the `clientRequestId` field) after its answer was lost creates
 * nothing more and gets the first answer.
 */
describe('idempotent creations through the API', () => {
  let platform: Platform;
  let nc: NatsConnection;
  let sql: Client;
  let lethuy: string;
  let btg: string;

  beforeAll(async () => {
    platform = await startPlatform();
    nc = await connect({ servers: platform.env.natsUrl });
    sql = new Client({ connectionString: platform.env.databaseUrl });
    await sql.connect();
    lethuy = await platform.env.token(SeededUsers.lethuyOfficer);
    btg = await platform.env.token(SeededUsers.btgOfficer);
  });

  afterAll(async () => {
    await sql?.end();
    await nc?.close();
    await platform?.stop();
  });

  const reportInput = () => ({
    url: `https://example.vn/tin-lu/${randomBytes(6).toString('hex')}`,
    excerpt: `Tin đồn vỡ đê ở Lệ Thủy: ${Array.from({ length: 14 }, () => randomBytes(4).toString('hex')).join(' ')}`,
    categoryCode: 'FALSE_INFO_PANIC',
    localityCode: 'LE_THUY',
  });
  const reportsAt = async (url: string) => Number((await sql.query(`SELECT count(*) AS n FROM "${platform.env.schema('intake')}".report WHERE url = $1`, [url])).rows[0].n);
  const submit = (input: Record<string, unknown>, token: string, headers: Record<string, string> = {}) => graphqlRequest<Submitted>(platform.graphqlUrl, SUBMIT, { i: input }, token, headers);

  /** The request reaches intake, which writes the report, but its answer goes nowhere (no reply subject): a lost answer. */
  function submitAndLoseTheAnswer(input: Record<string, unknown>, token: string): void {
    const hdrs = natsHeaders();
    hdrs.set('authorization', `Bearer ${token}`);
    nc.publish(`${platform.env.subjectPrefix}${RpcSubjects.intake.reportSubmit}`, JSON.stringify({ pattern: RpcSubjects.intake.reportSubmit, data: input, id: randomUUID() }), { headers: hdrs });
  }

  it('creates one report when a submission whose answer was lost is retried with the same key through the gateway', async () => {
    const input = reportInput();
    const key = randomUUID();
    submitAndLoseTheAnswer({ ...input, clientRequestId: key }, lethuy);
    await eventually(async () => ((await reportsAt(input.url)) === 1 ? true : undefined));

    const byHeader = await submit(input, lethuy, { 'idempotency-key': `"${key}"` });
    expect(byHeader.errors).toBeUndefined();
    const byField = await submit({ ...input, clientRequestId: key }, lethuy);
    expect(byField.data).toEqual(byHeader.data);
    expect(await reportsAt(input.url)).toBe(1);
    // The replayed answer is the first one: the report intake wrote for the lost request.
    const [stored] = (await sql.query(`SELECT id FROM "${platform.env.schema('intake')}".report WHERE url = $1`, [input.url])).rows;
    expect(byHeader.data!.submitReport.report.id).toBe(stored.id);
  });

  it('creates one report for the same key arriving many times at once (one batch)', async () => {
    const input = reportInput();
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 12 }, () => submit({ ...input, clientRequestId: key }, lethuy)));
    expect(answers.every((a) => !a.errors)).toBe(true);
    expect(new Set(answers.map((a) => a.data!.submitReport.report.id)).size).toBe(1);
    expect(await reportsAt(input.url)).toBe(1);
  });

  it('refuses the same key with another input as CONFLICT, and keeps callers apart', async () => {
    const input = reportInput();
    const key = randomUUID();
    const first = await submit({ ...input, clientRequestId: key }, lethuy);
    expect(first.errors).toBeUndefined();
    const changed = await submit({ ...input, note: 'thêm ghi chú', clientRequestId: key }, lethuy);
    expect(changed.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'clientRequestId' });
    // Another agency's officer with the same key makes its own request: its report joins the case.
    const other = await submit({ ...input, clientRequestId: key }, btg);
    expect(other.errors).toBeUndefined();
    expect(other.data!.submitReport).toMatchObject({ merged: true, case: { id: first.data!.submitReport.case.id } });
    expect(other.data!.submitReport.report.id).not.toBe(first.data!.submitReport.report.id);
    expect(await reportsAt(input.url)).toBe(2);
  });

  it('refuses a header and a field that disagree, and a malformed key', async () => {
    const input = reportInput();
    const disagree = await submit({ ...input, clientRequestId: randomUUID() }, lethuy, { 'idempotency-key': randomUUID() });
    expect(disagree.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'clientRequestId' });
    const short = await submit({ ...input, clientRequestId: 'abc' }, lethuy);
    expect(short.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'clientRequestId' });
    expect(await reportsAt(input.url)).toBe(0);
  });

  it('opens one consultation and records one decision for a retried key', async () => {
    const lead = await platform.env.token(SeededUsers.stttLead);
    const opened = await submit(reportInput(), lethuy);
    const caseId = opened.data!.submitReport.case.id;
    await graphqlRequest(platform.graphqlUrl, `mutation($id: ID!) { triageCase(id: $id) { status } }`, { id: caseId }, lead);
    const OPEN = `mutation($i: OpenConsultationInput!) { openConsultation(input: $i) { id } }`;
    const consultation = { caseId, mode: 'WRITTEN', invitedAgencyCodes: ['CA'], subject: 'Xin ý kiến: tin vỡ đê có phải sai sự thật?', deadline: new Date(Date.now() + 86400_000).toISOString() };
    const key = randomUUID();
    const first = await graphqlRequest<{ openConsultation: { id: string } }>(platform.graphqlUrl, OPEN, { i: consultation }, lead, { 'idempotency-key': key });
    const retry = await graphqlRequest<{ openConsultation: { id: string } }>(platform.graphqlUrl, OPEN, { i: consultation }, lead, { 'idempotency-key': key });
    expect(first.errors).toBeUndefined();
    expect(retry.data).toEqual(first.data);
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM "${platform.env.schema('consultation')}".consultation WHERE case_id = $1`, [caseId]);
    expect(rows[0].n).toBe(1);

    const DECIDE = `mutation($i: DecideCaseInput!) { decideCase(input: $i) { decisionId case { status } } }`;
    const decision = { caseId, finding: 'FALSE', provisionCodes: [], statementOfReasons: 'Xác minh: đê an toàn, tin vỡ đê là sai sự thật.', actions: [], clientRequestId: randomUUID() };
    const decided = await graphqlRequest<{ decideCase: { decisionId: string } }>(platform.graphqlUrl, DECIDE, { i: decision }, lead);
    expect(decided.errors).toBeUndefined();
    // The case is DECIDED now: a new decision would be INVALID_STATE, the retry gets the first answer.
    const again = await graphqlRequest<{ decideCase: { decisionId: string } }>(platform.graphqlUrl, DECIDE, { i: decision }, lead);
    expect(again.data).toEqual(decided.data);
    const fresh = await graphqlRequest(platform.graphqlUrl, DECIDE, { i: { ...decision, clientRequestId: randomUUID() } }, lead);
    expect(fresh.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('creates a user, an API key and a subscription once for a retried key; an API key replay issues its secret anew', async () => {
    const admin = await platform.env.token({ username: 'admin', agencyCode: 'STTTT', roles: ['ADMIN'] });
    const gql = <T>(query: string, i: Record<string, unknown>, key: string) => graphqlRequest<T>(platform.graphqlUrl, query, { i }, admin, { 'idempotency-key': key });

    const USER = `mutation($i: CreateUserInput!) { createUser(input: $i) { id username } }`;
    const user = { username: `syt.${randomBytes(3).toString('hex')}`, displayName: 'Cán bộ Sở Y tế (tài khoản thử)', agencyCode: 'SYT', roles: ['OFFICER'] };
    const userKey = randomUUID();
    const created = await gql<{ createUser: { id: string } }>(USER, user, userKey);
    const again = await gql<{ createUser: { id: string } }>(USER, user, userKey);
    expect(created.errors).toBeUndefined();
    // Without the key the retry would be CONFLICT "exists": the first answer instead.
    expect(again.data).toEqual(created.data);

    const KEY = `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret apiKey { id } } }`;
    const apiKey = { agencyCode: 'SYT', name: `Giám sát ${randomBytes(3).toString('hex')}`, scopes: ['submitReport'] };
    const apiKeyKey = randomUUID();
    const first = await gql<{ createApiKey: { secret: string; apiKey: { id: string } } }>(KEY, apiKey, apiKeyKey);
    const replay = await gql<{ createApiKey: { secret: string; apiKey: { id: string } } }>(KEY, apiKey, apiKeyKey);
    expect(replay.data!.createApiKey.apiKey.id).toBe(first.data!.createApiKey.apiKey.id);
    expect(replay.data!.createApiKey.secret).not.toBe(first.data!.createApiKey.secret);
    const keys = await sql.query(`SELECT count(*)::int AS n FROM "${platform.env.schema('directory')}".api_key WHERE name = $1`, [apiKey.name]);
    expect(keys.rows[0].n).toBe(1);
    // The secret is nowhere in the key table.
    const remembered = await sql.query(`SELECT response::text AS r FROM "${platform.env.schema('directory')}".idempotency_key WHERE key = $1`, [apiKeyKey]);
    expect(remembered.rows[0].r).not.toContain(replay.data!.createApiKey.secret);
    expect(remembered.rows[0].r).not.toContain(first.data!.createApiKey.secret);
    const reissued = await graphqlRequest<{ submitReport: unknown }>(platform.graphqlUrl, SUBMIT, { i: reportInput() }, undefined, { authorization: `ApiKey ${replay.data!.createApiKey.secret}` });
    expect(reissued.errors).toBeUndefined();

    const SUBSCRIBE = `mutation($i: CreateNotificationSubscriptionInput!) { createNotificationSubscription(input: $i) { secret subscription { id } } }`;
    const subscription = { agencyCode: 'SYT', channel: 'WEBHOOK', target: `https://syt.example.vn/hooks/${randomBytes(3).toString('hex')}` };
    const subscriptionKey = randomUUID();
    const subscribed = await gql<{ createNotificationSubscription: { secret: string; subscription: { id: string } } }>(SUBSCRIBE, subscription, subscriptionKey);
    expect(subscribed.errors).toBeUndefined();
    expect((await gql(SUBSCRIBE, subscription, subscriptionKey)).data).toEqual(subscribed.data);
  });

  it('keeps keys across a restart of intake', async () => {
    const input = reportInput();
    const key = randomUUID();
    const first = await submit({ ...input, clientRequestId: key }, lethuy);
    await platform.restartIntake();
    const retry = await submit({ ...input, clientRequestId: key }, lethuy);
    expect(retry.data).toEqual(first.data);
    expect(await reportsAt(input.url)).toBe(1);
  });

  it('answers UNAVAILABLE at once while no intake replica runs', async () => {
    await platform.intake!.close();
    platform.intake = null;
    try {
      const started = performance.now();
      const refused = await submit(reportInput(), lethuy);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'UNAVAILABLE' });
      expect(performance.now() - started).toBeLessThan(1_000);
    } finally {
      await platform.restartIntake();
    }
  });
});
