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

  it('creates the stream once when services boot side by side, none of them failing', async () => {
    // Sixteen boots at once, ten times: the server's answer to adds that cross depends on timing.
    const connections = await Promise.all(Array.from({ length: 16 }, () => connect({ servers: TEST_NATS_URL })));
    try {
      const managers = await Promise.all(connections.map((c) => jetstreamManager(c)));
      for (let round = 0; round < 10; round++) {
        const name = `${streamName}_TOGETHER_${round}`;
        const prefix = `${name.toLowerCase()}.`;
        try {
          const outcomes = await Promise.allSettled(managers.map((m) => ensureEventsStream(m, { streamName: name, subjectPrefix: prefix })));
          expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
          expect((await jsm.streams.info(name)).config.subjects).toEqual([`${prefix}evt.>`]);
        } finally {
          await jsm.streams.delete(name).catch(() => false);
        }
      }
    } finally {
      await Promise.all(connections.map((c) => c.close()));
    }
  });

  it('still refuses subjects that another stream holds', async () => {
    const holder = `${streamName}_HOLDER`;
    const prefix = `${holder.toLowerCase()}.`;
    await ensureEventsStream(jsm, { streamName: holder, subjectPrefix: prefix });
    try {
      await expect(ensureEventsStream(jsm, { streamName: `${holder}_OTHER`, subjectPrefix: prefix })).rejects.toThrow(/overlap/);
    } finally {
      await jsm.streams.delete(holder).catch(() => false);
    }
  });
});
