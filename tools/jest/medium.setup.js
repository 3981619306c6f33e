// Medium tests run one service on the real Postgres: a schema migrated per file, milliseconds per case.
jest.setTimeout(20_000);
