import './instrumentation';
import { createLogger, PinoNestLogger } from '@phoi-hop/observability';
import { createIntakeApp } from './app/intake.app';
import { intakeConfigFromEnv } from './config/intake.config';

async function main(): Promise<void> {
  const logger = createLogger('intake');
  try {
    const config = intakeConfigFromEnv();
    await createIntakeApp(config, new PinoNestLogger(logger));
    logger.info({ port: config.httpPort }, 'intake ready');
  } catch (error) {
    logger.fatal({ err: error }, 'intake failed to start');
    process.exit(1);
  }
}

void main();
