// `npm run reporting:rebuild` (in an image: `node dist/apps/reporting/src/rebuild.js`): empties the
// read models and rebuilds them in bulk from the EVENTS stream, from its first event (docs/operations.md,
// "Rebuild the statistics"), with the reporting service's environment (DATABASE_URL, DB_SCHEMA,
// NATS_URL, EVENTS_STREAM, …). Stop the reporting service first; `--force` rebuilds even though a
// replica seems to be consuming.
import 'reflect-metadata';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { natsCredentials, serviceMigrations } from '@phoi-hop/messaging';
import { createServiceDataSource, runServiceMigrations } from '@phoi-hop/persistence';
import { REPORTING_MIGRATIONS } from './app/reporting.module';
import { reportingConfigFromEnv } from './config/reporting.config';
import { RebuildRefused, rebuildReadModels } from './read-model/read-model.rebuild';

async function main(): Promise<number> {
  const config = reportingConfigFromEnv({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/phoi_hop', ...process.env });
  const dataSource = createServiceDataSource({
    url: config.databaseUrl,
    schema: config.dbSchema,
    entities: [],
    migrations: serviceMigrations(REPORTING_MIGRATIONS),
    poolSize: 2,
    applicationName: 'reporting-rebuild',
  });
  await dataSource.initialize();
  const nc = await connect({ servers: config.messaging.natsUrl, ...natsCredentials(config.messaging), name: 'reporting-rebuild' });
  try {
    await runServiceMigrations(dataSource);
    let shown = 0;
    const result = await rebuildReadModels({
      dataSource,
      js: jetstream(nc),
      jsm: await jetstreamManager(nc),
      streamName: config.messaging.streamName,
      subjectPrefix: config.messaging.subjectPrefix,
      force: process.argv.includes('--force'),
      onProgress: (pending) => {
        if (Date.now() - shown < 2_000) return;
        shown = Date.now();
        process.stdout.write(`… ${pending} events to replay\n`);
      },
    });
    process.stdout.write(
      `Rebuilt the read models of ${config.dbSchema} from ${config.messaging.streamName}: ${result.events} events, ${result.cases} cases in ${result.ms} ms (stream read and facts stored ${result.stages.readMs} ms, cases folded ${result.stages.foldMs} ms, rollups written ${result.stages.rollupsMs} ms)\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof RebuildRefused) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await nc.close();
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`reporting:rebuild failed: ${(error as Error).message}\n`);
    process.exit(2);
  },
);
