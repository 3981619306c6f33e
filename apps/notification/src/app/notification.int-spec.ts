import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import { Client } from 'pg';
import {
  EventSubjects,
  RpcSubjects,
  type CreateSubscriptionResponse,
  type DeliveryDto,
  type DeliveryListResponse,
  type EventEnvelope,
  type NotificationPayload,
  type SubscriptionDto,
} from '@phoi-hop/contracts';
import { RpcCallError, RpcClient } from '@phoi-hop/messaging';
import { createTestEnvironment, eventually, startSmtpSink, type SmtpSink, type TestEnvironment, type TestUser } from '@phoi-hop/testing';
import { verifyWebhook } from '../delivery/webhook-signature';
import { createNotificationApp, DEFAULT_DISPATCH_SETTINGS } from './notification.app';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

const CA: TestUser = { username: 'ca.officer', agencyCode: 'CA', roles: ['OFFICER', 'INVESTIGATOR'] };
const BTG: TestUser = { username: 'btg.officer', agencyCode: 'BTG', roles: ['OFFICER'] };
const SYT: TestUser = { username: 'syt.officer', agencyCode: 'SYT', roles: ['OFFICER'] };
const LEADER: TestUser = { username: 'leader', agencyCode: 'VP_UBND', roles: ['LEADER'] };
const EXCERPT = 'Khẩn cấp: đập thủy điện sông Kiến Giang đã vỡ, sơ tán ngay';

describe('notification service (real Postgres, NATS, SMTP sink and webhook receiver on loopback)', () => {
  let env: TestEnvironment;
  let app: INestApplication;
  let nc: NatsConnection;
  let js: JetStreamClient;
  let rpc: RpcClient;
  let db: Client;
  let smtp: SmtpSink;
  let receiver: Server;
  let hookBase: string;
  const hooks = new Map<string, Received[]>();
  /** Per path: how many requests to fail before answering 204 (Infinity: always fail). */
  const failures = new Map<string, number>();
  let caseSeq = 100;
  const feedStream = () => `FEED_${env.id.toUpperCase()}`;

  beforeAll(async () => {
    env = await createTestEnvironment();
    smtp = await startSmtpSink();
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '/';
        hooks.set(path, [...(hooks.get(path) ?? []), { headers: request.headers, body: Buffer.concat(chunks).toString('utf8') }]);
        const left = failures.get(path) ?? 0;
        if (left > 0) {
          failures.set(path, left - 1);
          response.writeHead(503).end('try later');
        } else {
          response.writeHead(204).end();
        }
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    hookBase = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

    app = await createNotificationApp(
      {
        ...env.serviceConfig('notification'),
        outboxRelayEnabled: true,
        agencyFeedStream: feedStream(),
        dispatch: {
          ...DEFAULT_DISPATCH_SETTINGS,
          smtpUrl: smtp.url,
          webhookTimeoutMs: 2_000,
          maxAttempts: 3,
          retryBaseMs: 100,
          retryMaxMs: 400,
          pollIntervalMs: 50,
        },
      },
      false,
    );
    nc = await connect({ servers: env.natsUrl });
    js = jetstream(nc);
    rpc = new RpcClient(nc, { subjectPrefix: env.subjectPrefix, rpcTimeoutMs: 5_000, serviceName: 'test' });
    db = new Client({ connectionString: env.databaseUrl });
    await db.connect();
    await db.query(`SET search_path TO "${env.schema('notification')}"`);
  });

  afterAll(async () => {
    await app?.close();
    await db?.end();
    if (nc) {
      await (await jetstreamManager(nc)).streams.delete(feedStream()).catch(() => false);
      await nc.close();
    }
    await new Promise((resolve) => receiver?.close(resolve));
    await smtp?.close();
    await env?.cleanup();
  });

  async function call<T>(user: TestUser, subject: Parameters<RpcClient['request']>[0], data: unknown): Promise<T> {
    return rpc.request<T>(subject, data, { token: await env.internalToken(user) });
  }

  async function failure(promise: Promise<unknown>): Promise<{ code: string; field?: string }> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RpcCallError);
    return { code: (error as RpcCallError).code, field: (error as RpcCallError).field };
  }

  /** Publishes a case event into the test's events stream, as intake's outbox relay would. */
  async function publishCaseOpened(visibleTo: string[], msgId?: string, base?: EventEnvelope): Promise<EventEnvelope> {
    const caseId = randomUUID();
    const number = `QB-2026-000${++caseSeq}`;
    const envelope: EventEnvelope = base ?? {
      id: randomUUID(),
      type: EventSubjects.intake.caseOpened,
      occurredAt: new Date().toISOString(),
      aggregateId: caseId,
      visibleTo,
      data: { reportId: randomUUID(), case: { id: caseId, number, status: 'OPEN', severity: 'HIGH', reports: [{ excerpt: EXCERPT }] } },
    };
    await js.publish(`${env.subjectPrefix}${envelope.type}`, JSON.stringify(envelope), { msgID: msgId ?? envelope.id });
    return envelope;
  }

  async function deliveriesOf(subscriptionId: string): Promise<{ id: string; status: string; attempts: number; event_id: string }[]> {
    return (await db.query(`SELECT id, status, attempts, event_id FROM delivery WHERE subscription_id = $1 ORDER BY created_at`, [subscriptionId])).rows;
  }

  async function subscribeWebhook(user: TestUser, path: string, eventTypes?: string[]): Promise<CreateSubscriptionResponse> {
    return call<CreateSubscriptionResponse>(user, RpcSubjects.notification.subscriptionCreate, {
      channel: 'WEBHOOK',
      target: `${hookBase}${path}`,
      ...(eventTypes ? { eventTypes } : {}),
    });
  }

  it('validates subscriptions with stable codes and keeps each agency to its own', async () => {
    expect(await failure(call(CA, RpcSubjects.notification.subscriptionCreate, { channel: 'WEBHOOK', target: 'http://hooks.example.vn/x' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'target',
    });
    expect(await failure(call(CA, RpcSubjects.notification.subscriptionCreate, { channel: 'EMAIL', target: 'not-an-address' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'target',
    });
    expect(await failure(call(CA, RpcSubjects.notification.subscriptionCreate, { channel: 'SMS', target: '0912345678' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'channel',
    });
    expect(
      await failure(
        call(CA, RpcSubjects.notification.subscriptionCreate, { channel: 'EMAIL', target: 'a@ca.gov.vn', eventTypes: ['evt.intake.case.deleted'] }),
      ),
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'eventTypes' });
    expect(await failure(call(CA, RpcSubjects.notification.subscriptionCreate, { agencyCode: 'BTG', channel: 'EMAIL', target: 'a@btg.gov.vn' }))).toEqual({
      code: 'FORBIDDEN',
      field: 'agencyCode',
    });
    expect((await failure(call(LEADER, RpcSubjects.notification.subscriptionCreate, { channel: 'EMAIL', target: 'a@vp.gov.vn' }))).code).toBe('FORBIDDEN');
    expect(await failure(call(CA, RpcSubjects.notification.subscriptionList, { agencyCode: 'BTG' }))).toEqual({ code: 'FORBIDDEN', field: 'agencyCode' });

    const created = await subscribeWebhook(SYT, '/syt');
    expect(created.secret).toMatch(/^whsec_/);
    const listed = await call<SubscriptionDto[]>(SYT, RpcSubjects.notification.subscriptionList, {});
    expect(listed.map((s) => s.id)).toEqual([created.subscription.id]);
    expect(JSON.stringify(listed)).not.toContain(created.secret!);
    expect(await failure(call(CA, RpcSubjects.notification.subscriptionRevoke, { id: created.subscription.id }))).toEqual({ code: 'NOT_FOUND', field: 'id' });
    const revoked = await call<SubscriptionDto>(SYT, RpcSubjects.notification.subscriptionRevoke, { id: created.subscription.id });
    expect(revoked).toMatchObject({ active: false, revokedAt: expect.any(String) });
    expect((await failure(call(SYT, RpcSubjects.notification.subscriptionRevoke, { id: created.subscription.id }))).code).toBe('INVALID_STATE');
    const audit = (await db.query(`SELECT action, summary::text AS summary FROM audit_log WHERE target_id = 'SYT' ORDER BY seq`)).rows as {
      action: string;
      summary: string;
    }[];
    expect(audit.map((a) => a.action)).toEqual(['notification-subscription.created', 'notification-subscription.revoked']);
    expect(audit.map((a) => a.summary).join('')).not.toContain(created.secret!);
  });

  it('e-mails a visible case event to the SMTP sink with the Vietnamese subject and nothing of the report', async () => {
    const created = await call<CreateSubscriptionResponse>(CA, RpcSubjects.notification.subscriptionCreate, {
      channel: 'EMAIL',
      target: 'TrucBan@CA.QuangBinh.gov.vn',
    });
    expect(created.secret).toBeNull();
    expect(created.subscription.target).toBe('trucban@ca.quangbinh.gov.vn');
    const event = await publishCaseOpened(['STTTT', 'CA']);
    const number = (event.data as { case: { number: string } }).case.number;
    const mail = await eventually(() => smtp.mails.find((m) => m.includes(event.id)));
    expect(mail).toMatch(/^To: trucban@ca\.quangbinh\.gov\.vn/m);
    // The subject is MIME-encoded (it is Vietnamese).
    const decoded = decodeMimeHeader(/^Subject: (.+(?:\r?\n[ \t].+)*)/m.exec(mail)![1]!);
    expect(decoded).toBe(`[Phối Hợp] Vụ việc ${number}: đã mở`);
    expect(mail).not.toContain('Kiến Giang');
    await eventually(async () => ((await deliveriesOf(created.subscription.id))[0]?.status === 'DELIVERED' ? true : undefined));
  });

  it('POSTs a signed webhook that verifies with the secret returned at creation', async () => {
    const created = await subscribeWebhook(CA, '/ca-ok', [EventSubjects.intake.caseOpened]);
    const event = await publishCaseOpened(['STTTT', 'CA']);
    const hit = await eventually(() => hooks.get('/ca-ok')?.find((h) => h.headers['x-phoihop-event-id'] === event.id));
    const timestamp = String(hit.headers['x-phoihop-timestamp']);
    const signature = String(hit.headers['x-phoihop-signature']);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhook(created.secret!, timestamp, hit.body, signature)).toBe(true);
    expect(verifyWebhook(created.secret!, timestamp, hit.body.replace('CA', 'BTG'), signature)).toBe(false);
    const payload = JSON.parse(hit.body) as NotificationPayload;
    expect(payload).toMatchObject({ eventId: event.id, eventType: EventSubjects.intake.caseOpened, agencyCode: 'CA', status: 'OPEN', summary: 'đã mở' });
    expect(hit.body).not.toContain('Kiến Giang');
  });

  it('retries a failing receiver with back-off and delivers on the third attempt', async () => {
    failures.set('/flaky', 2);
    const created = await subscribeWebhook(CA, '/flaky');
    const event = await publishCaseOpened(['CA']);
    await eventually(async () => ((await deliveriesOf(created.subscription.id))[0]?.status === 'DELIVERED' ? true : undefined));
    const [delivery] = await deliveriesOf(created.subscription.id);
    expect(delivery).toMatchObject({ status: 'DELIVERED', attempts: 3, event_id: event.id });
    const hits = hooks.get('/flaky')!;
    expect(hits).toHaveLength(3);
    expect(new Set(hits.map((h) => h.headers['x-phoihop-event-id']))).toEqual(new Set([event.id]));
  });

  it('gives up on a receiver that always fails (DEAD, listed) and delivers again on replay', async () => {
    failures.set('/down', Infinity);
    const created = await subscribeWebhook(CA, '/down');
    await publishCaseOpened(['STTTT', 'CA']);
    await eventually(async () => ((await deliveriesOf(created.subscription.id))[0]?.status === 'DEAD' ? true : undefined));
    expect(hooks.get('/down')).toHaveLength(3);
    const listed = await call<DeliveryListResponse>(CA, RpcSubjects.notification.deliveryList, { status: 'DEAD', first: 10 });
    const dead = listed.edges.map(({ node }) => node).find((d) => d.subscriptionId === created.subscription.id)!;
    expect(dead).toMatchObject({ status: 'DEAD', attempts: 3, agencyCode: 'CA', channel: 'WEBHOOK', lastStatusCode: 503, nextAttemptAt: null });
    expect(await failure(call(BTG, RpcSubjects.notification.deliveryReplay, { id: dead.id }))).toEqual({ code: 'NOT_FOUND', field: 'id' });
    expect((await call<DeliveryListResponse>(BTG, RpcSubjects.notification.deliveryList, { first: 10 })).edges).toEqual([]);

    failures.set('/down', 0);
    const replayed = await call<DeliveryDto>(CA, RpcSubjects.notification.deliveryReplay, { id: dead.id });
    expect(replayed).toMatchObject({ status: 'PENDING', attempts: 0 });
    await eventually(async () => ((await deliveriesOf(created.subscription.id))[0]?.status === 'DELIVERED' ? true : undefined));
    expect(hooks.get('/down')).toHaveLength(4);
    expect((await failure(call(CA, RpcSubjects.notification.deliveryReplay, { id: dead.id }))).code).toBe('INVALID_STATE');
  });

  it('pages through failed deliveries', async () => {
    failures.set('/page', Infinity);
    const created = await subscribeWebhook(BTG, '/page');
    for (let i = 0; i < 3; i++) await publishCaseOpened(['BTG']);
    await eventually(async () => ((await deliveriesOf(created.subscription.id)).filter((d) => d.status === 'DEAD').length === 3 ? true : undefined));
    const first = await call<DeliveryListResponse>(BTG, RpcSubjects.notification.deliveryList, { first: 2 });
    expect(first.edges).toHaveLength(2);
    expect(first.totalCount).toBe(3);
    expect(first.hasNextPage).toBe(true);
    const second = await call<DeliveryListResponse>(BTG, RpcSubjects.notification.deliveryList, { first: 2, after: first.endCursor });
    expect(second.edges).toHaveLength(1);
    expect(second.hasNextPage).toBe(false);
    expect(new Set([...first.edges, ...second.edges].map(({ node }) => node.id)).size).toBe(3);
    expect(await failure(call(BTG, RpcSubjects.notification.deliveryList, { first: 2, after: 'bm9wZQ' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    await call(BTG, RpcSubjects.notification.subscriptionRevoke, { id: created.subscription.id });
  });

  it('sends nothing to an agency the event is not visible to, and nothing twice for a redelivered event', async () => {
    const btg = await subscribeWebhook(BTG, '/btg');
    const ca = await subscribeWebhook(CA, '/ca-once');
    const event = await publishCaseOpened(['STTTT', 'CA']);
    await eventually(async () => ((await deliveriesOf(ca.subscription.id))[0]?.status === 'DELIVERED' ? true : undefined));

    // The same event again under another message id (beyond JetStream's de-duplication), and once
    // more after its inbox row is gone (as if the first transaction's inbox insert were lost).
    await publishCaseOpened([], `${event.id}-again`, event);
    await eventually(async () => ((await db.query(`SELECT 1 FROM inbox WHERE event_id = $1`, [event.id])).rowCount === 1 ? true : undefined));
    await db.query(`DELETE FROM inbox WHERE event_id = $1`, [event.id]);
    await publishCaseOpened([], `${event.id}-third`, event);
    await eventually(async () => ((await db.query(`SELECT 1 FROM inbox WHERE event_id = $1`, [event.id])).rowCount === 1 ? true : undefined));
    // A later event proves the consumer has moved past the copies.
    const later = await publishCaseOpened(['CA']);
    await eventually(async () => ((await deliveriesOf(ca.subscription.id)).find((d) => d.event_id === later.id)?.status === 'DELIVERED' ? true : undefined));

    expect((await deliveriesOf(ca.subscription.id)).filter((d) => d.event_id === event.id)).toHaveLength(1);
    expect(hooks.get('/ca-once')!.filter((h) => h.headers['x-phoihop-event-id'] === event.id)).toHaveLength(1);
    expect(await deliveriesOf(btg.subscription.id)).toEqual([]);
    expect(hooks.get('/btg')).toBeUndefined();
  });

  it('copies each event to the feed subject of every agency it is visible to, and only those', async () => {
    const event = await publishCaseOpened(['STTTT', 'CA']);
    const jsm = await jetstreamManager(nc);
    const seen = async (agency: string) => {
      const durable = `t_${agency}_${randomUUID().slice(0, 8)}`;
      await jsm.consumers.add(feedStream(), {
        durable_name: durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        filter_subject: `${env.subjectPrefix}agency.${agency}.>`,
      });
      const consumer = await js.consumers.get(feedStream(), durable);
      const copies: { subject: string; payload: NotificationPayload }[] = [];
      const info = await consumer.info();
      for (let left = info.num_pending; left > 0; left--) {
        const message = await consumer.next({ expires: 2_000 });
        if (!message) break;
        copies.push({ subject: message.subject, payload: message.json<NotificationPayload>() });
        message.ack();
      }
      return copies.filter((copy) => copy.payload.eventId === event.id);
    };
    const forCa = await eventually(async () => {
      const copies = await seen('CA');
      return copies.length > 0 ? copies : undefined;
    });
    expect(forCa).toHaveLength(1);
    expect(forCa[0]!.subject).toBe(`${env.subjectPrefix}agency.CA.${EventSubjects.intake.caseOpened}`);
    expect(forCa[0]!.payload).toMatchObject({ agencyCode: 'CA', caseId: event.aggregateId, status: 'OPEN' });
    expect(JSON.stringify(forCa[0]!.payload)).not.toContain('Kiến Giang');
    expect(await seen('STTTT')).toHaveLength(1);
    expect(await seen('BTG')).toEqual([]);
    const streams = await jsm.streams.info(feedStream());
    expect(streams.config.subjects).toEqual([`${env.subjectPrefix}agency.>`]);
  });
});

/** An RFC 2047 header value (folded, UTF-8 encoded words) as text. */
function decodeMimeHeader(value: string): string {
  return value
    .replace(/\r?\n[ \t]+/g, ' ')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQ(text),
    );
}

/** RFC 2047 "Q" encoding, as nodemailer may use for a subject. */
function decodeQ(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '_') bytes.push(0x20);
    else if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(text.charCodeAt(i));
  }
  return Buffer.from(bytes).toString('utf8');
}
