import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { SqlBatch } from './sql-batch';

interface InsertColumn {
  property: string;
  sql: string;
  cast: string;
  json: boolean;
}

interface InsertShape {
  table: string;
  columns: InsertColumn[];
}

const shapes = new WeakMap<object, InsertShape>();

function shapeOf(manager: EntityManager, target: EntityTarget<ObjectLiteral>): InsertShape {
  const metadata = manager.connection.getMetadata(target);
  let shape = shapes.get(metadata);
  if (!shape) {
    const driver = manager.connection.driver;
    shape = {
      table: metadata.tablePath
        .split('.')
        .map((part) => driver.escape(part))
        .join('.'),
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
    shapes.set(metadata, shape);
  }
  return shape;
}

/**
 * Adds to `batch` one multi-row INSERT of entities, built from the entity's TypeORM metadata: the
 * same columns, names and types as `manager.insert`, without its per-row query building and
 * RETURNING of defaults. Every mapped column is written; a property left undefined is written as
 * NULL, so entities must be complete.
 */
export function addInsert<T extends ObjectLiteral>(batch: SqlBatch, manager: EntityManager, target: EntityTarget<T>, rows: T[]): void {
  if (rows.length === 0) return;
  const { table, columns } = shapeOf(manager, target);
  const tuples = rows.map((row) => {
    const placeholders = columns.map((column) => {
      const value = (row as Record<string, unknown>)[column.property];
      return batch.param(value === undefined ? null : column.json && value !== null ? JSON.stringify(value) : value, column.cast);
    });
    return `(${placeholders.join(', ')})`;
  });
  batch.add(`INSERT INTO ${table} (${columns.map((c) => c.sql).join(', ')}) VALUES ${tuples.join(', ')}`);
}

/** Inserts entities with plain multi-row INSERTs (see `addInsert`), within Postgres' 65,535 parameters per statement. */
export async function insertMany<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, rows: T[]): Promise<void> {
  const perStatement = Math.max(1, Math.floor(30_000 / shapeOf(manager, target).columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const batch = new SqlBatch();
    addInsert(batch, manager, target, rows.slice(start, start + perStatement));
    await batch.execute(manager);
  }
}
