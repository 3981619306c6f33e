import { num, str, url } from 'envalid';
import { EVENTS_STREAM } from '@phoi-hop/contracts';
import { DEFAULT_EVENTS_MAX_AGE_DAYS } from './jetstream.provisioning';

/** Environment settings every service on NATS shares (validated at boot by envalid). */
export function messagingEnv() {
  return {
    NATS_URL: url({ default: 'nats://127.0.0.1:4222', desc: 'NATS server URL (JetStream enabled)' }),
    NATS_USER: str({ default: '', desc: "This service's NATS user (its account permissions confine it); empty: no authentication" }),
    NATS_PASSWORD: str({ default: '', desc: 'Password of NATS_USER' }),
    NATS_SUBJECT_PREFIX: str({ default: '', desc: 'Prefix of every subject, for isolated environments' }),
    EVENTS_STREAM: str({ default: EVENTS_STREAM, desc: 'JetStream stream of domain events' }),
    EVENTS_MAX_AGE_DAYS: num({
      default: DEFAULT_EVENTS_MAX_AGE_DAYS,
      desc: 'Days the events stream keeps an event (the statistics are rebuilt from it): at least the longest report period',
    }),
    EVENTS_STREAM_REPLICAS: num({ default: 1, desc: 'Replicas of the JetStream streams this service creates (1 to 5; 3 on a 3-node JetStream cluster)' }),
    RPC_TIMEOUT_MS: num({ default: 5000, desc: 'Timeout of every NATS request' }),
  };
}

/** The HTTP side of a service (health probes, metrics; the gateway's API). */
export function httpEnv(defaultPort: number) {
  return {
    HTTP_PORT: num({ default: defaultPort, desc: 'HTTP port' }),
    HTTP_HOST: str({ default: '0.0.0.0', desc: 'HTTP bind address' }),
  };
}
