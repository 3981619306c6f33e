import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { eventually } from '@phoi-hop/testing';

const DOC = path.resolve(__dirname, '../../../../docs/notifications.md');

/** The nats-server configuration documented in docs/notifications.md, between its markers. */
async function documentedConfig(): Promise<string> {
  const text = await readFile(DOC, 'utf8');
  const block = /<!-- nats-agency-config:start -->\s*```[a-z]*\n([\s\S]*?)```\s*<!-- nats-agency-config:end -->/.exec(text);
  if (!block) throw new Error('docs/notifications.md has no nats-agency-config block');
  return block[1]!;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves with the error that closed the subscription (a permission violation), or 'open'. */
async function subscribeOutcome(nc: NatsConnection, subject: string): Promise<string> {
  const subscription = nc.subscribe(subject);
  const closed = subscription.closed.then((error) => (error instanceof Error ? error.message : 'closed'));
  await nc.flush();
  const outcome = await Promise.race([closed, new Promise<string>((resolve) => setTimeout(() => resolve('open'), 500))]);
  subscription.unsubscribe();
  return outcome;
}

describe('agency NATS permissions (a throwaway nats-server with the documented configuration)', () => {
  let dir: string;
  let server: ChildProcess;
  let url: string;
  let services: NatsConnection;
  let agency: NatsConnection;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'phoihop-nats-'));
    const port = await freePort();
    const config = (await documentedConfig())
      .replace(/^port: \d+$/m, `port: ${port}\nhost: 127.0.0.1`)
      .replace('/var/lib/nats', path.join(dir, 'js'))
      .replace('SERVICES_PASSWORD', 'services-secret')
      .replace('AGENCY_CA_PASSWORD', 'ca-secret');
    await writeFile(path.join(dir, 'nats.conf'), config);
    server = spawn('nats-server', ['-c', path.join(dir, 'nats.conf')], { stdio: 'ignore' });
    url = `nats://127.0.0.1:${port}`;
    services = await eventually(() => connect({ servers: url, user: 'phoihop-services', pass: 'services-secret' }).catch(() => undefined), 10_000, 100);

    const jsm = await jetstreamManager(services);
    await jsm.streams.add({ name: 'AGENCY_FEED', subjects: ['agency.>'] });
    await jsm.streams.add({ name: 'EVENTS', subjects: ['evt.>'] });
    for (const code of ['CA', 'BTG']) {
      await jsm.consumers.add('AGENCY_FEED', {
        durable_name: `agency_${code}`,
        filter_subject: `agency.${code}.>`,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
      });
    }
    const js = jetstream(services);
    await js.publish('agency.CA.evt.intake.case.opened', JSON.stringify({ agencyCode: 'CA', caseNumber: 'QB-2026-000001' }));
    await js.publish('agency.BTG.evt.intake.case.opened', JSON.stringify({ agencyCode: 'BTG', caseNumber: 'QB-2026-000002' }));
    await js.publish('evt.intake.case.opened', JSON.stringify({ visibleTo: ['BTG'] }));

    agency = await connect({ servers: url, user: 'agency-CA', pass: 'ca-secret', inboxPrefix: '_INBOX_CA' });
  });

  afterAll(async () => {
    await agency?.close().catch(() => undefined);
    await services?.close().catch(() => undefined);
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('lets the agency subscribe to its own subjects and receive its copies live', async () => {
    const subscription = agency.subscribe('agency.CA.>', { max: 1 });
    await agency.flush();
    services.publish('agency.CA.evt.intake.case.status-changed', JSON.stringify({ caseNumber: 'QB-2026-000001' }));
    const received: string[] = [];
    for await (const message of subscription) received.push(message.subject);
    expect(received).toEqual(['agency.CA.evt.intake.case.status-changed']);
  });

  it("refuses another agency's subjects, the whole feed, the events stream and the shared inbox", async () => {
    for (const subject of ['agency.BTG.>', 'agency.>', 'agency.*.evt.intake.case.opened', 'evt.>', '_INBOX.>']) {
      expect(await subscribeOutcome(agency, subject)).toMatch(/Permissions Violation for Subscription/);
    }
    expect(await subscribeOutcome(agency, 'agency.CA.evt.>')).toBe('open');
  });

  it("pulls durably from its own consumer only, never from another agency's", async () => {
    const js = jetstream(agency);
    const own = await js.consumers.get('AGENCY_FEED', 'agency_CA');
    const message = await own.next({ expires: 2_000 });
    expect(message?.subject).toBe('agency.CA.evt.intake.case.opened');
    expect(message?.json<{ agencyCode: string }>().agencyCode).toBe('CA');
    message!.ack();

    await expect(js.consumers.get('AGENCY_FEED', 'agency_BTG')).rejects.toThrow();
    // Nor may it create a consumer of its own choosing (e.g. one filtered on another agency).
    const jsm = await jetstreamManager(agency, { checkAPI: false });
    await expect(
      jsm.consumers.add('AGENCY_FEED', { durable_name: 'sneaky', filter_subject: 'agency.BTG.>', ack_policy: AckPolicy.Explicit }),
    ).rejects.toThrow();
    const info = await (await jetstreamManager(services)).consumers.info('AGENCY_FEED', 'agency_BTG');
    expect(info.num_pending).toBe(1);
  });
});
