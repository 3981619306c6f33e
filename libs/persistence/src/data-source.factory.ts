import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import { SnakeNamingStrategy } from './naming.strategy';

export interface ServiceDataSourceOptions {
  /** postgres://user@host:port/database */
  url: string;
  /** The service's own schema; every table of the service lives there (DESIGN.md). */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
  /** The `pg` module to use; tests pass an instrumented one. */
  driver?: unknown;
  applicationName?: string;
}

export const SCHEMA_NAME_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * One TypeORM data source per service schema. `synchronize` is never on: the schema changes only
 * through the service's migrations. `search_path` is the service schema, so migrations write
 * unqualified SQL and land in whichever schema the service (or a test) was given.
 */
export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  if (!SCHEMA_NAME_PATTERN.test(options.schema)) {
    throw new Error(`Invalid schema name "${options.schema}": use lower-case letters, digits and _`);
  }
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    applicationName: options.applicationName ?? options.schema,
    ...(options.driver ? { driver: options.driver } : {}),
    extra: {
      max: options.poolSize ?? 10,
      // Prepared hot-path statements are planned for their actual values each time: a generic plan
      // made while a table was small would keep scanning it sequentially once it is large.
      options: `-c search_path=${options.schema},public -c plan_cache_mode=force_custom_plan`,
      connectionTimeoutMillis: 5000,
    },
  });
}
