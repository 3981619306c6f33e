import { connect, type NatsConnection } from '@nats-io/transport-node';
import { ErrorCodes, RpcSubjects } from '@phoi-hop/contracts';
import { createTestEnvironment, type TestEnvironment } from '@phoi-hop/testing';
import { RpcClient } from './rpc.client';
import { RpcCallError } from './rpc.errors';

describe(RpcClient.name, () => {
  const timeoutMs = 5_000;
  let env: TestEnvironment;
  let nc: NatsConnection;
  let sut: RpcClient;

  beforeAll(async () => {
    env = await createTestEnvironment();
    nc = await connect({ servers: env.natsUrl });
    sut = new RpcClient(nc, { subjectPrefix: env.subjectPrefix, rpcTimeoutMs: timeoutMs, serviceName: 'gateway' });
  });

  afterAll(async () => {
    await nc?.close();
    await env?.cleanup();
  });

  const failure = async (call: Promise<unknown>) => {
    const started = performance.now();
    const error = await call.then(
      () => null,
      (e: unknown) => e,
    );
    return { error, ms: performance.now() - started };
  };

  it('answers UNAVAILABLE at once when no replica serves the subject, not after the timeout', async () => {
    const { error, ms } = await failure(sut.request(RpcSubjects.intake.caseGet, { id: 'x' }));
    expect(error).toBeInstanceOf(RpcCallError);
    expect(error).toMatchObject({ code: ErrorCodes.UNAVAILABLE, message: expect.stringContaining('no responder') });
    expect(ms).toBeLessThan(timeoutMs / 5);
  });

  it('answers UNAVAILABLE at once once the last replica has gone', async () => {
    const replica = nc.subscribe(`${env.subjectPrefix}${RpcSubjects.intake.caseGet}`, { queue: 'intake', callback: (_err, msg) => void msg.respond(JSON.stringify({ response: { ok: true } })) });
    await nc.flush();
    await expect(sut.request(RpcSubjects.intake.caseGet, { id: 'x' })).resolves.toEqual({ ok: true });
    replica.unsubscribe();
    await nc.flush();
    const { error, ms } = await failure(sut.request(RpcSubjects.intake.caseGet, { id: 'x' }));
    expect(error).toMatchObject({ code: ErrorCodes.UNAVAILABLE });
    expect(ms).toBeLessThan(timeoutMs / 5);
  });

  it('waits for the timeout when a replica is there but does not answer', async () => {
    const silent = nc.subscribe(`${env.subjectPrefix}${RpcSubjects.intake.caseList}`, { callback: () => undefined });
    await nc.flush();
    const { error, ms } = await failure(sut.request(RpcSubjects.intake.caseList, {}, { timeoutMs: 300 }));
    silent.unsubscribe();
    expect(error).toMatchObject({ code: ErrorCodes.UNAVAILABLE, message: expect.stringContaining('within 300 ms') });
    expect(ms).toBeGreaterThanOrEqual(280);
  });
});
