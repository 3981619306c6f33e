import type { INestApplication, LoggerService } from '@nestjs/common';
import { startServiceApp } from '@phoi-hop/messaging';
import type { ConsultationConfig } from '../config/consultation.config';
import { ConsultationModule, type ConsultationModuleDeps } from './consultation.module';

/** Starts the consultation service (used by main.ts and by tests that boot services in-process). */
export function createConsultationApp(config: ConsultationConfig, logger: LoggerService | false, deps: ConsultationModuleDeps = {}): Promise<INestApplication> {
  return startServiceApp(ConsultationModule.forRoot(config, deps), config, logger);
}

export type { ConsultationConfig } from '../config/consultation.config';
