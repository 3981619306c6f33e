import { cleanEnv } from 'envalid';
import { messagingEnv } from './messaging.env';
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
