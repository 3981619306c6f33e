import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { ErrorCodes, RpcSubjects } from '@phoi-hop/contracts';
import { followNatsStatus } from './messaging.module';
import { RpcClient } from './rpc.client';

/** A NATS server of this test's own (the shared one must stay up for everyone else): the one CI installs, or PATH's. */
const NATS_SERVER = ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'].find((path) => existsSync(path)) ?? 'nats-server';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('RpcClient while NATS is away', () => {
  let port: number;
  let server: ChildProcess | null = null;
  let nc: NatsConnection;
  let states: string[];
  const logged: string[] = [];

  const startServer = async () => {
    server = spawn(NATS_SERVER, ['-a', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
    await new Promise<void>((resolve, reject) => {
      server!.once('spawn', resolve);
      server!.once('error', reject);
    });
  };
  const stopServer = async () => {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server!.kill('SIGKILL');
    await exited;
    server = null;
  };

  beforeAll(async () => {
    port = await freePort();
    await startServer();
    for (let attempt = 0; ; attempt++) {
      try {
        nc = await connect({ servers: `nats://127.0.0.1:${port}`, maxReconnectAttempts: -1, reconnectTimeWait: 100 });
        break;
      } catch (error) {
        if (attempt > 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    states = [];
    void followNatsStatus(nc, { log: (m) => logged.push(`log ${m}`), warn: (m) => logged.push(`warn ${m}`), error: (m) => logged.push(`error ${m}`) });
    void (async () => {
      for await (const status of nc.status()) states.push(status.type);
    })();
  });

  afterAll(async () => {
    await nc?.close();
    if (server) await stopServer();
  });

  it('answers UNAVAILABLE at once while the connection is lost, and works again once it is back', async () => {
    const timeoutMs = 5_000;
    const sut = new RpcClient(nc, { subjectPrefix: '', rpcTimeoutMs: timeoutMs, serviceName: 'gateway' });
    const serve = () => nc.subscribe(RpcSubjects.intake.caseGet, { callback: (_err, msg) => void msg.respond(JSON.stringify({ response: { ok: true } })) });
    serve();
    await nc.flush();
    await expect(sut.request(RpcSubjects.intake.caseGet, {})).resolves.toEqual({ ok: true });

    await stopServer();
    await until(() => states.includes('disconnect'));
    const started = performance.now();
    await expect(sut.request(RpcSubjects.intake.caseGet, {})).rejects.toMatchObject({ code: ErrorCodes.UNAVAILABLE, message: expect.stringContaining('NATS connection lost') });
    expect(performance.now() - started).toBeLessThan(timeoutMs / 10);

    await startServer();
    await until(() => states.includes('reconnect'));
    // Subscriptions are re-established by the client on reconnect.
    await nc.flush();
    await expect(sut.request(RpcSubjects.intake.caseGet, {})).resolves.toEqual({ ok: true });
    // The gateway's log tells NATS going away and coming back.
    expect(logged.filter((line) => !line.startsWith('error'))).toEqual([`warn NATS connection lost (127.0.0.1:${port}); reconnecting`, `log NATS connection back (127.0.0.1:${port})`]);
  });
});
