import type { INestApplication, LoggerService } from '@nestjs/common';
import { startServiceApp } from '@phoi-hop/messaging';
import type { PressConfig } from '../config/press.config';
import { PressModule, type PressModuleDeps } from './press.module';

/** Starts the press service (used by main.ts and by tests that boot services in-process). */
export function createPressApp(config: PressConfig, logger: LoggerService | false, deps: PressModuleDeps = {}): Promise<INestApplication> {
  return startServiceApp(PressModule.forRoot(config, deps), config, logger);
}

export type { PressConfig } from '../config/press.config';
export type { PressModuleDeps } from './press.module';
export { signReplyLink, verifyReplyLink } from '../reply/reply-link';
export { RespondentRetentionJob } from '../retention/respondent-retention.job';
