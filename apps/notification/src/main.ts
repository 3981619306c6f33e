import './instrumentation';
import { runServiceMain } from '@phoi-hop/messaging';
import { createNotificationApp } from './app/notification.app';
import { notificationConfigFromEnv } from './config/notification.config';

runServiceMain('notification', async (logger) => {
  const config = notificationConfigFromEnv();
  return { port: config.httpPort, app: await createNotificationApp(config, logger) };
});
