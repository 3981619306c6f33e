import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { TEST_NATS_URL } from '@phoi-hop/testing';
import { DEFAULT_EVENTS_MAX_AGE_DAYS, ensureEventsStream } from './jetstream.provisioning';

const DAY_NS = 86_400 * 1e9;

describe(ensureEventsStream.name, () => {
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  const streamName = `EVENTS_RETENTION_${Date.now().toString(36).toUpperCase()}`;
  const subjectPrefix = `${streamName.toLowerCase()}.`;
  const maxAgeDays = async () => (await jsm.streams.info(streamName)).config.max_age / DAY_NS;

  beforeAll(async () => {
    nc = await connect({ servers: TEST_NATS_URL });
    jsm = await jetstreamManager(nc);
  });

  afterAll(async () => {
    await jsm.streams.delete(streamName).catch(() => false);
    await nc.close();
  });

  it('keeps events two years by default, and applies a changed setting to the existing stream', async () => {
    await ensureEventsStream(jsm, { streamName, subjectPrefix });
    expect(await maxAgeDays()).toBe(DEFAULT_EVENTS_MAX_AGE_DAYS);
    // A stream created with the former 90 days is raised at the next boot.
    await ensureEventsStream(jsm, { streamName, subjectPrefix, maxAgeDays: 90 });
    expect(await maxAgeDays()).toBe(90);
    await ensureEventsStream(jsm, { streamName, subjectPrefix, maxAgeDays: 1095 });
    expect(await maxAgeDays()).toBe(1095);
    expect((await jsm.streams.info(streamName)).config.subjects).toEqual([`${subjectPrefix}evt.>`]);
  });
});
