import { Injectable, Module, Optional, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HealthRegistry } from '@phoi-hop/observability';
import { createServiceDataSource, type ServiceDataSourceOptions } from './data-source.factory';
import { runServiceMigrations } from './migration.runner';

@Injectable()
class DataSourceLifecycle implements OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    @Optional() health?: HealthRegistry,
  ) {
    health?.register('postgres', async () => {
      await this.dataSource.query('SELECT 1');
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** The options a PersistenceModule was given, so a migrations-only run can find them (see migrateOnly). */
export const PERSISTENCE_OPTIONS = Symbol('PERSISTENCE_OPTIONS');

/**
 * Provides the service's DataSource, initialised and migrated before anything else uses it
 * (migrations run under an advisory lock, so replicas starting together migrate once).
 */
@Module({})
export class PersistenceModule {
  static forRoot(options: ServiceDataSourceOptions): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      providers: [
        {
          provide: DataSource,
          useFactory: async () => {
            const dataSource = createServiceDataSource(options);
            await dataSource.initialize();
            await runServiceMigrations(dataSource);
            return dataSource;
          },
        },
        DataSourceLifecycle,
        { provide: PERSISTENCE_OPTIONS, useValue: options },
      ],
      exports: [DataSource],
    };
  }
}
