import './instrumentation';
import { runServiceMain } from '@phoi-hop/messaging';
import { createIntakeApp } from './app/intake.app';
import { intakeConfigFromEnv } from './config/intake.config';

runServiceMain('intake', async (logger) => {
  const config = intakeConfigFromEnv();
  return { port: config.httpPort, app: await createIntakeApp(config, logger) };
});
