import './instrumentation';
import { createLogger, PinoNestLogger } from '@phoi-hop/observability';
import { createDirectoryApp } from './app/directory.app';
import { directoryConfigFromEnv } from './config/directory.config';

async function main(): Promise<void> {
  const logger = createLogger('directory');
  try {
    const config = directoryConfigFromEnv();
    await createDirectoryApp(config, new PinoNestLogger(logger));
    logger.info({ port: config.httpPort }, 'directory ready');
  } catch (error) {
    logger.fatal({ err: error }, 'directory failed to start');
    process.exit(1);
  }
}

void main();
