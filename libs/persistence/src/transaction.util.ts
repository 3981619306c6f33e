import type { DataSource, EntityManager } from 'typeorm';

/** Runs `work` in one transaction (READ COMMITTED unless told otherwise) and returns its result. */
export function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  isolation: 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE' = 'READ COMMITTED',
): Promise<T> {
  return dataSource.transaction(isolation, work);
}
