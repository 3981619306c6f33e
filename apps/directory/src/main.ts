import './instrumentation';
import { runServiceMain } from '@phoi-hop/messaging';
import { createDirectoryApp } from './app/directory.app';
import { directoryConfigFromEnv } from './config/directory.config';

runServiceMain('directory', async (logger) => {
  const config = directoryConfigFromEnv();
  return { port: config.httpPort, app: await createDirectoryApp(config, logger) };
});
