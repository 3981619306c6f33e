import type { INestApplication, LoggerService } from '@nestjs/common';
import { startServiceApp } from '@phoi-hop/messaging';
import type { IntakeConfig } from '../config/intake.config';
import { IntakeModule, type IntakeModuleDeps } from './intake.module';

/** Starts the intake service (used by main.ts and by tests that boot services in-process). */
export function createIntakeApp(config: IntakeConfig, logger: LoggerService | false, deps: IntakeModuleDeps = {}): Promise<INestApplication> {
  return startServiceApp(IntakeModule.forRoot(config, deps), config, logger);
}

export type { IntakeConfig } from '../config/intake.config';
