import './instrumentation';
import { runServiceMain } from '@phoi-hop/messaging';
import { createReportingApp } from './app/reporting.app';
import { reportingConfigFromEnv } from './config/reporting.config';

runServiceMain('reporting', async (logger) => {
  const config = reportingConfigFromEnv();
  return { port: config.httpPort, app: await createReportingApp(config, logger) };
});
