import { cleanEnv } from 'envalid';
import { messagingEnv } from './messaging.env';
import { natsCredentials } from './messaging.options';
import { messagingOptionsFromEnv } from './service.bootstrap';

const read = (environment: Record<string, string>) => messagingOptionsFromEnv('intake', cleanEnv(environment, messagingEnv()));

describe('EVENTS_STREAM_REPLICAS', () => {
  it('defaults to one copy of each stream (a single NATS server)', () => {
    expect(read({}).streamReplicas).toBe(1);
  });

  it('takes 3 on a 3-node JetStream cluster', () => {
    expect(read({ EVENTS_STREAM_REPLICAS: '3' }).streamReplicas).toBe(3);
  });

  it.each(['0', '6', '2.5', '-1'])('refuses %s, naming the setting', (value) => {
    expect(() => read({ EVENTS_STREAM_REPLICAS: value })).toThrow(/EVENTS_STREAM_REPLICAS must be an integer from 1 to 5/);
  });
});

describe('NATS_USER and NATS_PASSWORD', () => {
  it('connects without credentials when neither is set (a development NATS)', () => {
    expect(natsCredentials(read({}))).toEqual({});
  });

  it('gives both connections of the service its own NATS user', () => {
    expect(natsCredentials(read({ NATS_USER: 'svc-intake', NATS_PASSWORD: 's3cret' }))).toEqual({ user: 'svc-intake', pass: 's3cret' });
  });

  it.each<Record<string, string>>([{ NATS_USER: 'svc-intake' }, { NATS_PASSWORD: 's3cret' }])('refuses one without the other (%o)', (environment) => {
    expect(() => read(environment)).toThrow('NATS_USER and NATS_PASSWORD must be set together');
  });
});

describe('EVENTS_MAX_AGE_DAYS', () => {
  it('keeps events two years by default, so that the statistics can be rebuilt for a year and the one before', () => {
    expect(read({}).eventsMaxAgeDays).toBe(730);
  });

  it('takes a longer retention', () => {
    expect(read({ EVENTS_MAX_AGE_DAYS: '1095' }).eventsMaxAgeDays).toBe(1095);
  });

  it.each(['0', '1.5', '-30', '36501'])('refuses %s, naming the setting', (value) => {
    expect(() => read({ EVENTS_MAX_AGE_DAYS: value })).toThrow(/EVENTS_MAX_AGE_DAYS must be a whole number of days from 1 to 36500/);
  });
});
