// Medium tests run one service on the real Postgres: each case takes milliseconds, but a file's
// set-up (its schema's migrations) waits for a database shared with other work.
jest.setTimeout(60_000);
