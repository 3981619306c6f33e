import './instrumentation';
import { runServiceMain } from '@phoi-hop/messaging';
import { createGatewayApp } from './app/gateway.app';
import { gatewayConfigFromEnv } from './config/gateway.config';

runServiceMain('gateway', async (logger) => {
  const config = gatewayConfigFromEnv();
  return { port: config.httpPort, app: await createGatewayApp(config, logger) };
});
