import './instrumentation';
import { runServiceMain } from '@phoi-hop/messaging';
import { createConsultationApp } from './app/consultation.app';
import { consultationConfigFromEnv } from './config/consultation.config';

runServiceMain('consultation', async (logger) => {
  const config = consultationConfigFromEnv();
  return { port: config.httpPort, app: await createConsultationApp(config, logger) };
});
