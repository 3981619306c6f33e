import './instrumentation';
import { runServiceMain } from '@phoi-hop/messaging';
import { createEvidenceApp } from './app/evidence.app';
import { evidenceConfigFromEnv } from './config/evidence.config';

runServiceMain('evidence', async (logger) => {
  const config = evidenceConfigFromEnv();
  return { port: config.httpPort, app: await createEvidenceApp(config, logger) };
});
