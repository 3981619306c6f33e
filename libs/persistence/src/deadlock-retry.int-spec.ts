import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createTestEnvironment, type TestEnvironment } from '@phoi-hop/testing';
import { createServiceDataSource } from './data-source.factory';
import { transactionRetryingDeadlocks } from './transaction.util';

describe('transactionRetryingDeadlocks (real Postgres)', () => {
  let env: TestEnvironment;
  let dataSource: DataSource;
  let other: Client;
  const schema = () => env.schema('deadlock');

  beforeAll(async () => {
    env = await createTestEnvironment();
    dataSource = createServiceDataSource({ url: env.databaseUrl, schema: schema(), entities: [], migrations: [] });
    await dataSource.initialize();
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema()}"`);
    await dataSource.query(`CREATE TABLE "${schema()}".counter (id int PRIMARY KEY, v int NOT NULL)`);
    other = new Client({ connectionString: env.databaseUrl });
    await other.connect();
  });

  afterAll(async () => {
    await other?.end();
    await dataSource?.destroy();
    await env?.cleanup();
  });

  beforeEach(() => dataSource.query(`TRUNCATE "${schema()}".counter; INSERT INTO "${schema()}".counter VALUES (1, 0), (2, 0)`));

  it('runs the victim of a deadlock again, once, and both writers’ changes are kept', async () => {
    const table = `"${schema()}".counter`;
    // Another writer takes row 2, then (once this transaction waits on it) row 1: a lock cycle.
    await other.query('BEGIN');
    await other.query(`UPDATE ${table} SET v = v + 10 WHERE id = 2`);
    let attempts = 0;
    const retried: number[] = [];
    let otherDone: Promise<unknown> = Promise.resolve();
    await transactionRetryingDeadlocks(
      dataSource,
      async (manager) => {
        attempts++;
        await manager.query(`UPDATE ${table} SET v = v + 1 WHERE id = 1`);
        if (attempts === 1) {
          otherDone = new Promise((resolve) => setTimeout(resolve, 200)).then(async () => {
            await other.query(`UPDATE ${table} SET v = v + 10 WHERE id = 1`);
            await other.query('COMMIT');
          });
        }
        // Waits for the other writer first, so it is the one Postgres finds in the cycle and aborts.
        await manager.query(`UPDATE ${table} SET v = v + 1 WHERE id = 2`);
      },
      3,
      (attempt) => retried.push(attempt),
    );
    await otherDone;
    expect(attempts).toBe(2);
    expect(retried).toEqual([1]);
    expect(await dataSource.query(`SELECT id, v FROM ${table} ORDER BY id`)).toEqual([
      { id: 1, v: 11 },
      { id: 2, v: 11 },
    ]);
  });

  it('does not run again what failed for another reason, and changes nothing', async () => {
    let attempts = 0;
    await expect(
      transactionRetryingDeadlocks(dataSource, async (manager) => {
        attempts++;
        await manager.query(`UPDATE "${schema()}".counter SET v = v + 1 WHERE id = 1`);
        await manager.query(`INSERT INTO "${schema()}".counter VALUES (1, 0)`);
      }),
    ).rejects.toMatchObject({ driverError: { code: '23505' } });
    expect(attempts).toBe(1);
    expect(await dataSource.query(`SELECT v FROM "${schema()}".counter WHERE id = 1`)).toEqual([{ v: 0 }]);
  });
});
