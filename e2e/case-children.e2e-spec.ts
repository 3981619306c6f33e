import { Client as PgClient } from 'pg';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { RpcSubjects } from '@phoi-hop/contracts';
import { SeededUsers, graphqlRequest } from '@phoi-hop/testing';
import { startPlatform, type Platform } from './support/platform';

type Cases = { cases: { edges: { node: { id: string; reportCount?: number; reports?: { totalCount: number; edges: { node: { id: string } }[] } } }[] } };

/** A case's children (its reports) are read only when a query selects them, for all the cases of an answer at once. */
describe('the children of cases in a list', () => {
  let platform: Platform;
  let sql: PgClient;
  let nats: NatsConnection;
  let reader: string;

  beforeAll(async () => {
    platform = await startPlatform({ rpcTimeoutMs: 1500 });
    sql = new PgClient({ connectionString: platform.env.databaseUrl });
    await sql.connect();
    nats = await connect({ servers: platform.env.natsUrl });
    reader = await platform.env.token(SeededUsers.stttLead);
    const reporter = await platform.env.token(SeededUsers.lethuyOfficer);
    // Three cases of three reports each (different content; the same content at three addresses).
    for (const topic of ['Tin giả: vỡ đập thủy điện Rào Trổ trong đêm nay', 'Lừa đảo tuyển cộng tác viên online nhận hoa hồng cao', 'Tin đồn đóng cửa trường học toàn tỉnh vì dịch bệnh lạ']) {
      for (let i = 0; i < 3; i++) {
        const submitted = await graphqlRequest(
          platform.graphqlUrl,
          'mutation($i: SubmitReportInput!) { submitReport(input: $i) { case { id } } }',
          { i: { url: `https://example.vn/${encodeURIComponent(topic.slice(0, 12))}/${i}`, excerpt: `${topic} — bản ${i}`, categoryCode: 'FALSE_INFO_PANIC' } },
          reporter,
        );
        expect(submitted.errors).toBeUndefined();
      }
    }
  });

  afterAll(async () => {
    await nats?.close();
    await sql?.end();
    await platform?.stop();
  });

  /** Runs `fn` while another transaction holds the reports table locked: any read of it waits. */
  async function withReportsLocked<T>(fn: () => Promise<T>): Promise<T> {
    const locker = new PgClient({ connectionString: platform.env.databaseUrl });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query(`LOCK TABLE "${platform.env.schema('intake')}".report IN ACCESS EXCLUSIVE MODE`);
      return await fn();
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
  }

  it('lists 100 cases selecting no reports without reading the reports table', async () => {
    const answer = await withReportsLocked(() => graphqlRequest<Cases>(platform.graphqlUrl, '{ cases(first: 100) { edges { node { id number status participants { role } } } } }', {}, reader));
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.cases.edges.length).toBeGreaterThanOrEqual(3);
  });

  it('does read it when the query selects reports (the lock is real), and answers once it is free', async () => {
    const blocked = await withReportsLocked(() => graphqlRequest<Cases>(platform.graphqlUrl, '{ cases(first: 100) { edges { node { id reports(first: 1) { totalCount } } } } }', {}, reader));
    expect(blocked.errors?.[0]?.extensions?.['code']).toBe('UNAVAILABLE');
    const free = await graphqlRequest<Cases>(platform.graphqlUrl, '{ cases(first: 100) { edges { node { id reports(first: 1) { totalCount } } } } }', {}, reader);
    expect(free.errors).toBeUndefined();
    expect(free.data!.cases.edges.map((e) => e.node.reports!.totalCount)).toEqual(free.data!.cases.edges.map(() => 3));
  });

  it('loads the reports of every case of the answer in one request to intake, and their counts in one more', async () => {
    const requests: Record<string, number> = {};
    const subjects = [RpcSubjects.intake.caseReports, RpcSubjects.intake.caseReportStats];
    const subscriptions = subjects.map((subject) => {
      requests[subject] = 0;
      return nats.subscribe(`${platform.env.subjectPrefix}${subject}`, { callback: () => {
        requests[subject] = requests[subject]! + 1;
      } });
    });
    await nats.flush();
    const answer = await graphqlRequest<Cases>(platform.graphqlUrl, '{ cases(first: 100) { edges { node { id reportCount reports(first: 2) { totalCount edges { node { id } } } } } } }', {}, reader);
    await nats.flush();
    for (const subscription of subscriptions) subscription.unsubscribe();
    expect(answer.errors).toBeUndefined();
    const nodes = answer.data!.cases.edges.map((e) => e.node);
    expect(nodes.map((n) => [n.reportCount, n.reports!.totalCount, n.reports!.edges.length])).toEqual(nodes.map(() => [3, 3, 2]));
    expect(requests).toEqual({ [RpcSubjects.intake.caseReports]: 1, [RpcSubjects.intake.caseReportStats]: 1 });
  });
});
