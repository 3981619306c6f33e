import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { parse } from 'yaml';
import { createConsultationApp } from '@phoi-hop/app-consultation';
import { createDirectoryApp, defaultSeedDir } from '@phoi-hop/app-directory';
import { createGatewayApp } from '@phoi-hop/app-gateway';
import { createIntakeApp } from '@phoi-hop/app-intake';
import { createReportingApp, reportingTestConfig } from '@phoi-hop/app-reporting';
import { createNotificationApp, DEFAULT_DISPATCH_SETTINGS } from '@phoi-hop/app-notification';
import { FLOOD_RUMOUR, SeededUsers, createTestEnvironment, eventually, graphqlRequest, listeningPort, type TestEnvironment } from '@phoi-hop/testing';
import { CASE_EVENTS, SUBMIT_REPORT } from './support/queries';

const root = path.resolve(__dirname, '..');
const VALUES = 'k8s/overlays/prod/nats/values.yaml';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The test password of a `<< $VARIABLE >>` of the chart values (the Secret's value in a cluster). */
const password = (variable: string) => `test-${variable.toLowerCase()}`;

/**
 * The NATS server configuration of the prod overlay (the accounts and permissions of
 * `config.merge` in the chart values), for one local server: NATS reads JSON.
 */
async function serverConfig(port: number, storeDir: string): Promise<string> {
  const values = parse(await readFile(path.join(root, VALUES), 'utf8')) as { config: { merge: Record<string, unknown> } };
  const merged = JSON.stringify(values.config.merge).replace(/"<< \$(\w+) >>"/g, (_, variable: string) => JSON.stringify(password(variable)));
  return JSON.stringify({ host: '127.0.0.1', port, jetstream: { store_dir: storeDir }, ...JSON.parse(merged) });
}

/**
 * The whole platform against a NATS server configured with the prod overlay's accounts: every
 * service connects as its own user, so a permission the values forgot breaks a request, a
 * consumer or a publish here, before it breaks production.
 */
describe('the platform under the NATS permissions of the prod overlay', () => {
  let dir: string;
  let server: ChildProcess;
  let serverLog = '';
  let natsUrl: string;
  let env: TestEnvironment;
  const apps: INestApplication[] = [];
  let graphqlUrl: string;
  const connections: NatsConnection[] = [];

  const messaging = (service: string) => ({
    natsUrl,
    serviceName: service,
    // The permissions name production subjects: no test prefix, the production stream names.
    subjectPrefix: '',
    streamName: 'EVENTS',
    rpcTimeoutMs: 5000,
    natsUser: `svc-${service}`,
    natsPassword: password(`NATS_PASSWORD_${service.toUpperCase()}`),
  });

  async function as(user: string, pass: string, inboxPrefix?: string): Promise<NatsConnection> {
    const connection = await connect({ servers: natsUrl, user, pass, ...(inboxPrefix ? { inboxPrefix } : {}) });
    connections.push(connection);
    return connection;
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'phoihop-nats-prod-'));
    const port = await freePort();
    await writeFile(path.join(dir, 'nats.conf'), await serverConfig(port, path.join(dir, 'js')));
    const binary = process.env['NATS_SERVER_BIN'] ?? (existsSync('/usr/sbin/nats-server') ? '/usr/sbin/nats-server' : 'nats-server');
    server = spawn(binary, ['-c', path.join(dir, 'nats.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
    server.stderr?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
    natsUrl = `nats://127.0.0.1:${port}`;
    await eventually(
      () =>
        as('svc-intake', password('NATS_PASSWORD_INTAKE')).catch(() =>
          server.exitCode !== null ? Promise.reject(new Error(`nats-server refused the configuration: ${serverLog}`)) : undefined,
        ),
      10_000,
      100,
    );

    env = await createTestEnvironment();
    const deadlines = { reminderLeadMs: 24 * 3_600_000, criticalEscalationAgencyCode: 'VP_UBND', pollIntervalMs: 1000 };
    apps.push(await createDirectoryApp({ ...env.serviceConfig('directory'), messaging: messaging('directory'), seedDir: defaultSeedDir() }, false));
    apps.push(
      await createIntakeApp(
        { ...env.serviceConfig('intake'), messaging: messaging('intake'), caseNumberPrefix: 'QB', outboxRelayEnabled: true, schedulerEnabled: true, deadlines },
        false,
      ),
    );
    apps.push(
      await createConsultationApp(
        { ...env.serviceConfig('consultation'), messaging: messaging('consultation'), outboxRelayEnabled: true, schedulerEnabled: true, deadlines },
        false,
      ),
    );
    apps.push(
      await createNotificationApp(
        {
          ...env.serviceConfig('notification'),
          messaging: messaging('notification'),
          outboxRelayEnabled: true,
          agencyFeedStream: 'AGENCY_FEED',
          dispatch: { ...DEFAULT_DISPATCH_SETTINGS, pollIntervalMs: 100 },
        },
        false,
      ),
    );
    // Reporting consumes every service's events (durable consumer from the start of the stream) and answers reporting.>.
    apps.push(
      await createReportingApp(
        reportingTestConfig(env.serviceConfig('reporting'), { messaging: messaging('reporting'), outboxRelayEnabled: true, readModelConsumerEnabled: true }),
        false,
      ),
    );
    const gateway = await createGatewayApp(
      {
        serviceName: 'gateway',
        messaging: messaging('gateway'),
        auth: env.auth,
        httpPort: 0,
        httpHost: '127.0.0.1',
        bodyLimitBytes: 256 * 1024,
        rateLimitPerSecond: 0,
        rateLimitBurst: 0,
        internalTokenTtlSeconds: 300,
      },
      false,
    );
    apps.push(gateway);
    graphqlUrl = `http://127.0.0.1:${listeningPort(gateway)}/graphql`;
  });

  afterAll(async () => {
    for (const app of apps.reverse()) await app.close().catch(() => undefined);
    for (const connection of connections) await connection.close().catch(() => undefined);
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await env?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('opens a routed case through every service, tells a subscriber and delivers it on the lead agency feed', async () => {
    // A GraphQL subscription: the gateway reads the events stream with its own consumer.
    const seen: { type: string; caseId: string }[] = [];
    const wsUrl = graphqlUrl.replace('http://', 'ws://');
    const subscriber = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${await env.token(SeededUsers.stttLead)}` },
      lazy: false,
    });
    subscriber.subscribe<{ caseEvents: { type: string; caseId: string } }>(
      { query: CASE_EVENTS },
      { next: (m) => m.data && seen.push(m.data.caseEvents), error: () => undefined, complete: () => undefined },
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const token = await env.token(SeededUsers.lethuyOfficer);
    const submitted = await graphqlRequest<{
      submitReport: { case: { id: string; number: string; participants: { agency: { code: string }; role: string }[] } };
    }>(
      graphqlUrl,
      SUBMIT_REPORT,
      {
        input: {
          url: 'https://www.facebook.com/permalink.php?story_fbid=9911&id=1001',
          excerpt: FLOOD_RUMOUR,
          categoryCode: 'FALSE_INFO_PANIC',
          localityCode: 'LE_THUY',
        },
      },
      token,
    );
    expect(submitted.errors).toBeUndefined();
    const opened = submitted.data!.submitReport.case;
    // gateway → intake → directory (routing) worked under the users' permissions.
    expect(opened.participants).toContainEqual(expect.objectContaining({ agency: expect.objectContaining({ code: 'STTTT' }), role: 'LEAD' }));

    // intake published the event, notification consumed it and published the agency's copy.
    const admin = await as('svc-notification', password('NATS_PASSWORD_NOTIFICATION'));
    await (
      await jetstreamManager(admin)
    ).consumers.add('AGENCY_FEED', {
      durable_name: 'agency_STTTT',
      filter_subject: 'agency.STTTT.>',
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
    });
    const agency = await as('agency-STTTT', password('NATS_PASSWORD_AGENCY_STTTT'), '_INBOX_STTTT');
    const feed = await jetstream(agency).consumers.get('AGENCY_FEED', 'agency_STTTT');
    const copy = await eventually(
      async () => {
        const message = await feed.next({ expires: 1000 });
        if (!message) return undefined;
        message.ack();
        return { subject: message.subject, payload: message.json<{ caseNumber: string }>() };
      },
      20_000,
      100,
    );
    expect(copy).toEqual({ subject: 'agency.STTTT.evt.intake.case.opened', payload: expect.objectContaining({ caseNumber: opened.number }) });
    await eventually(() => (seen.some((e) => e.caseId === opened.id) ? true : undefined), 10_000, 50);
    await subscriber.dispose();

    // reporting consumed the event from the stream and answers the statistics (gateway → reporting.>).
    const leader = await env.token(SeededUsers.leader);
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    await eventually(
      async () => {
        const result = await graphqlRequest<{ statistics: { casesOpened: number } }>(
          graphqlUrl,
          'query($i: StatisticsInput!) { statistics(input: $i) { casesOpened } }',
          { i: { from: today, to: today } },
          leader,
        );
        return result.data?.statistics.casesOpened === 1 ? true : undefined;
      },
      15_000,
      200,
    );
  });

  it('has refused nothing the services did: the server logged no permission violation', async () => {
    // Core subscriptions (directory change notices, user changes) fail silently on the client: the server's log says.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(serverLog.split('\n').filter((line) => /violation/i.test(line))).toEqual([]);
  });

  it('refuses a service what its user is not given: publishing another service’s events, answering its requests', async () => {
    const intake = await as('svc-intake', password('NATS_PASSWORD_INTAKE'));
    const errors: string[] = [];
    void (async () => {
      for await (const status of intake.status()) if (status.type === 'error') errors.push(String((status as { error?: Error }).error?.message ?? ''));
    })();
    intake.publish('evt.directory.user.changed', '{}');
    intake.subscribe('consultation.>');
    await intake.flush();
    await eventually(() => (errors.length >= 2 ? true : undefined), 5000, 50);
    expect(errors.join('\n')).toMatch(/Permissions Violation for Publish to "evt\.directory\.user\.changed"/i);
    expect(errors.join('\n')).toMatch(/Permissions Violation for Subscription to "consultation\.>"/i);
    // The server logs such refusals, so the empty log of the test above means something.
    await eventually(() => (/violation/i.test(serverLog) ? true : undefined), 5000, 50);
  });
});
