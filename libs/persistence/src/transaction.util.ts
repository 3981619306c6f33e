import type { DataSource, EntityManager } from 'typeorm';

/** Runs `work` in one transaction (READ COMMITTED unless told otherwise) and returns its result. */
export function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  isolation: 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE' = 'READ COMMITTED',
): Promise<T> {
  return dataSource.transaction(isolation, work);
}

/**
 * Rows of a raw query. TypeORM's postgres driver answers UPDATE and DELETE with
 * `[rows, affectedCount]` but SELECT and INSERT with the rows alone; this always gives the rows.
 */
export async function queryRows<T>(manager: EntityManager, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const result: unknown = await manager.query(sql, parameters);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

interface PgClientLike {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs a hot-path statement as a named prepared statement on the transaction's own connection:
 * Postgres parses and plans it once per connection instead of on every call (TypeORM only sends
 * unnamed statements). `name` must be unique per SQL text.
 */
export async function preparedQuery<T>(manager: EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('preparedQuery needs a transactional entity manager');
  const client = (runner as unknown as { databaseConnection?: PgClientLike }).databaseConnection;
  if (!client) throw new Error('preparedQuery needs a connected query runner');
  const result = await client.query({ name, text, values });
  return result.rows as T[];
}

/** Postgres aborted the transaction to break a deadlock (SQLSTATE 40P01): run as it was, it may well succeed. */
export function isDeadlock(error: unknown): boolean {
  const failure = error as { code?: string; driverError?: { code?: string } } | null;
  return (failure?.code ?? failure?.driverError?.code) === '40P01';
}

/**
 * Runs `work` in one transaction and, when Postgres chose it as the victim of a deadlock, runs it
 * again (at most `retries` times): the victim's changes were rolled back whole, so running it again
 * is what a redelivery would do, without the wait. `onDeadlock` counts each retry.
 */
export async function transactionRetryingDeadlocks<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  retries = 3,
  onDeadlock?: (attempt: number) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      if (!isDeadlock(error) || attempt > retries) throw error;
      onDeadlock?.(attempt);
    }
  }
}
