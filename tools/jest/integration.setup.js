// Integration and end-to-end tests start services against the real Postgres and NATS.
jest.setTimeout(60_000);
