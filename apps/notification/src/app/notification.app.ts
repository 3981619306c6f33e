import type { INestApplication, LoggerService } from '@nestjs/common';
import { startServiceApp } from '@phoi-hop/messaging';
import type { NotificationConfig } from '../config/notification.config';
import { NotificationModule, type NotificationModuleDeps } from './notification.module';

/** Starts the notification service (used by main.ts and by tests that boot services in-process). */
export function createNotificationApp(config: NotificationConfig, logger: LoggerService | false, deps: NotificationModuleDeps = {}): Promise<INestApplication> {
  return startServiceApp(NotificationModule.forRoot(config, deps), config, logger);
}

export { DEFAULT_DISPATCH_SETTINGS, type NotificationConfig } from '../config/notification.config';
