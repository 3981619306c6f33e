import './instrumentation';
import { runServiceMain } from '@phoi-hop/messaging';
import { createIntakeApp } from './app/intake.app';
import { intakeConfigFromEnv } from './config/intake.config';

runServiceMain('intake', async (logger) => {
  const config = intakeConfigFromEnv();
  await createIntakeApp(config, logger);
  return { port: config.httpPort };
});
