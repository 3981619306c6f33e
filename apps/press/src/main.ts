import './instrumentation';
import { runServiceMain } from '@phoi-hop/messaging';
import { createPressApp } from './app/press.app';
import { pressConfigFromEnv } from './config/press.config';

runServiceMain('press', async (logger) => {
  const config = pressConfigFromEnv();
  return { port: config.httpPort, app: await createPressApp(config, logger) };
});
