import type { INestApplication, LoggerService } from '@nestjs/common';
import { startServiceApp } from '@phoi-hop/messaging';
import type { DirectoryConfig } from '../config/directory.config';
import { DirectoryModule, type DirectoryModuleDeps } from './directory.module';

/** Starts the directory service (used by main.ts and by tests that boot services in-process). */
export function createDirectoryApp(config: DirectoryConfig, logger: LoggerService | false, deps: DirectoryModuleDeps = {}): Promise<INestApplication> {
  return startServiceApp(DirectoryModule.forRoot(config, deps), config, logger);
}

export { defaultSeedDir } from '../seed/seed-loader';
export type { DirectoryConfig } from '../config/directory.config';
