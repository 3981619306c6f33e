import { connect, type NatsConnection } from '@nats-io/transport-node';
import { RpcSubjects, type CaseDto, type SubmitReportResponse } from '@phoi-hop/contracts';
import { DevTokenIssuer, stableUserId } from '@phoi-hop/auth';
import { RpcCallError, RpcClient } from '@phoi-hop/messaging';
import { SeededUsers } from '@phoi-hop/testing';
import { startPlatform, type Platform } from './support/platform';

/** Services verify the caller themselves: a message sent around the gateway gets nothing. */
describe('services authorise every NATS request', () => {
  let platform: Platform;
  let nc: NatsConnection;
  let rpc: RpcClient;

  beforeAll(async () => {
    platform = await startPlatform();
    nc = await connect({ servers: platform.env.natsUrl });
    rpc = new RpcClient(nc, { subjectPrefix: platform.env.subjectPrefix, rpcTimeoutMs: 5000, serviceName: 'e2e' });
  });

  afterAll(async () => {
    await nc?.close();
    await platform?.stop();
  });

  const report = { url: 'https://example.vn/tin-gia', excerpt: 'Tin giả về dịch bệnh ở Đồng Hới', categoryCode: 'FALSE_INFO_PANIC', localityCode: 'DONG_HOI' };
  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'OK',
      (error: RpcCallError) => error.code,
    );

  it('refuses a request without a token, with a forged or an expired one', async () => {
    expect(await codeOf(rpc.request(RpcSubjects.intake.reportSubmit, report, { token: '' }))).toBe('UNAUTHENTICATED');
    expect(await codeOf(rpc.request(RpcSubjects.directory.caseRoute, { categoryCode: 'OTHER' }, { token: '' }))).toBe('UNAUTHENTICATED');
    const forger = new DevTokenIssuer('not-the-platform-secret-but-long-enough', 'test');
    const actor = { userId: stableUserId('donghoi.officer'), ...SeededUsers.donghoiOfficer, roles: [...SeededUsers.donghoiOfficer.roles] };
    expect(await codeOf(rpc.request(RpcSubjects.intake.reportSubmit, report, { token: await forger.sign(actor) }))).toBe('UNAUTHENTICATED');
    const expired = await new DevTokenIssuer(platform.env.devSecret, 'test').sign(actor, -120);
    expect(await codeOf(rpc.request(RpcSubjects.intake.reportSubmit, report, { token: expired }))).toBe('UNAUTHENTICATED');
    const list = await rpc.request<{ edges: unknown[] }>(RpcSubjects.intake.caseList, { first: 10 }, { token: await platform.env.token(SeededUsers.leader) });
    expect(list.edges).toHaveLength(0);
  });

  it('answers a user outside the case as if the case did not exist', async () => {
    const created = await rpc.request<SubmitReportResponse>(RpcSubjects.intake.reportSubmit, report, {
      token: await platform.env.token(SeededUsers.donghoiOfficer),
    });
    const outsider = await platform.env.token(SeededUsers.lethuyOfficer);
    const error = await rpc.request<CaseDto>(RpcSubjects.intake.caseGet, { id: created.case.id }, { token: outsider }).catch((e: RpcCallError) => e);
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'Case not found' });
    const missing = await rpc
      .request<CaseDto>(RpcSubjects.intake.caseGet, { id: '00000000-0000-4000-8000-000000000000' }, { token: outsider })
      .catch((e: RpcCallError) => e);
    expect(missing).toMatchObject({ code: 'NOT_FOUND', message: 'Case not found' });
    const participant = await rpc.request<CaseDto>(
      RpcSubjects.intake.caseGet,
      { id: created.case.id },
      { token: await platform.env.token(SeededUsers.caOfficer) },
    );
    expect(participant.id).toBe(created.case.id);
  });

  it('refuses unknown or extra payload fields with BAD_USER_INPUT', async () => {
    const token = await platform.env.token(SeededUsers.donghoiOfficer);
    const error = await rpc.request(RpcSubjects.intake.reportSubmit, { ...report, authorId: 'someone' }, { token }).catch((e: RpcCallError) => e);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'authorId' });
  });
});
