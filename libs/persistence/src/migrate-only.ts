import type { DynamicModule, Provider } from '@nestjs/common';
import { createServiceDataSource, type ServiceDataSourceOptions } from './data-source.factory';
import { runServiceMigrations } from './migration.runner';
import { PERSISTENCE_OPTIONS, PersistenceModule } from './persistence.module';

/**
 * `MIGRATE_ONLY=true`: the process runs its service's pending migrations and exits, without NATS,
 * HTTP or consumers. Kubernetes runs it as a Job before the Deployments roll, so a new version's
 * schema is in place before its first replica starts (the advisory lock still guards the boot-time
 * migration of replicas started without the Job).
 */
export function migrateOnlyRequested(environment: NodeJS.ProcessEnv = process.env): boolean {
  const value = (environment['MIGRATE_ONLY'] ?? '').trim().toLowerCase();
  if (value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  throw new Error(`MIGRATE_ONLY must be true or false (got "${environment['MIGRATE_ONLY']}")`);
}

/** The options of the PersistenceModule somewhere among a service module's imports, or null. */
export function findPersistenceOptions(module: DynamicModule): ServiceDataSourceOptions | null {
  const seen = new Set<unknown>();
  const visit = (candidate: unknown): ServiceDataSourceOptions | null => {
    if (!candidate || typeof candidate !== 'object' || seen.has(candidate)) return null;
    seen.add(candidate);
    const dynamic = candidate as DynamicModule;
    if (dynamic.module === PersistenceModule) {
      const provider = (dynamic.providers ?? []).find((p: Provider) => typeof p === 'object' && 'provide' in p && p.provide === PERSISTENCE_OPTIONS);
      if (provider && 'useValue' in provider) return provider.useValue as ServiceDataSourceOptions;
    }
    for (const imported of dynamic.imports ?? []) {
      const found = visit(imported);
      if (found) return found;
    }
    return null;
  };
  return visit(module);
}

/** Runs the pending migrations of the service module's schema; returns the names applied. */
export async function runMigrationsOf(module: DynamicModule): Promise<string[]> {
  const options = findPersistenceOptions(module);
  if (!options) throw new Error('This service has no database: MIGRATE_ONLY does not apply to it');
  // Two connections: one holds the advisory lock while the other runs the migrations.
  const dataSource = createServiceDataSource({ ...options, poolSize: 2 });
  await dataSource.initialize();
  try {
    return await runServiceMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
