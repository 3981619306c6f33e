import { bool, cleanEnv, str } from 'envalid';
import { authEnv } from '@phoi-hop/auth';
import { baseServiceConfigFromEnv, httpEnv, messagingEnv, type BaseServiceConfig } from '@phoi-hop/messaging';
import { persistenceEnv } from '@phoi-hop/persistence';
import { defaultSeedDir } from '../seed/seed-loader';

export interface DirectoryConfig extends BaseServiceConfig {
  /** Folder of the province seed loaded at boot (idempotent), or null for none. */
  seedDir: string | null;
}

/** Reads and validates the directory's environment; a bad setting fails at boot naming it. */
export function directoryConfigFromEnv(environment: NodeJS.ProcessEnv = process.env): DirectoryConfig {
  const env = cleanEnv(environment, {
    ...persistenceEnv('directory'),
    ...messagingEnv(),
    ...authEnv(),
    ...httpEnv(3102),
    SEED: bool({ default: true, desc: 'Load the province seed at boot' }),
    SEED_DIR: str({ default: '', desc: 'Seed folder; default: the Quảng Bình seed' }),
  });
  return {
    ...baseServiceConfigFromEnv('directory', env),
    seedDir: env.SEED ? env.SEED_DIR || defaultSeedDir() : null,
  };
}
