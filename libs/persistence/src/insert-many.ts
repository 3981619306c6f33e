import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

interface InsertColumn {
  property: string;
  sql: string;
  cast: string;
  json: boolean;
}

const columnsOf = new WeakMap<object, { table: string; columns: InsertColumn[] }>();

/**
 * Inserts entities with one plain multi-row INSERT built from the entity's TypeORM metadata: the
 * same columns, names and types as `manager.insert`, without its per-row query building and
 * RETURNING of defaults (a hot path writing dozens of rows at once spends most of its time there).
 * Every mapped column is written; a property left undefined is written as NULL, so entities must
 * be complete.
 */
export async function insertMany<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, rows: T[]): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(target);
  let shape = columnsOf.get(metadata);
  if (!shape) {
    const driver = manager.connection.driver;
    shape = {
      table: metadata.tablePath,
      columns: metadata.columns.map((column) => {
        const type = driver.normalizeType(column);
        return {
          property: column.propertyName,
          sql: driver.escape(column.databaseName),
          cast: `${type}${column.isArray ? '[]' : ''}`,
          json: type === 'jsonb' || type === 'json',
        };
      }),
    };
    columnsOf.set(metadata, shape);
  }
  const { table, columns } = shape;
  // Postgres takes at most 65,535 parameters per statement.
  const perStatement = Math.max(1, Math.floor(30_000 / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    await insertChunk(manager, table, columns, rows.slice(start, start + perStatement));
  }
}

async function insertChunk(manager: EntityManager, table: string, columns: InsertColumn[], rows: ObjectLiteral[]): Promise<void> {
  const values: unknown[] = [];
  const tuples = rows.map((row) => {
    const placeholders = columns.map((column) => {
      const value = (row as Record<string, unknown>)[column.property];
      values.push(value === undefined ? null : column.json && value !== null ? JSON.stringify(value) : value);
      return `$${values.length}::${column.cast}`;
    });
    return `(${placeholders.join(', ')})`;
  });
  const escapedTable = table.split('.').map((part) => manager.connection.driver.escape(part)).join('.');
  await manager.query(`INSERT INTO ${escapedTable} (${columns.map((c) => c.sql).join(', ')}) VALUES ${tuples.join(', ')}`, values);
}
