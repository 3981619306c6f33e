import { Module, type DynamicModule } from '@nestjs/common';
import { RpcSubjects } from '@phoi-hop/contracts';
import { auditTrailController, outboxRelayProviders, serviceInfrastructure } from '@phoi-hop/messaging';
import { deadlineSettingsProviders } from '@phoi-hop/persistence';
import type { PressConfig } from '../config/press.config';
import { PressInitial1764300004400 } from '../migrations/1764300004400-press-initial';

export interface PressModuleDeps {
  pgDriver?: unknown;
}

/** The press service's tables, oldest migration first (the outbox, inbox and audit tables come before them). */
export const PRESS_MIGRATIONS = [PressInitial1764300004400];

@Module({})
export class PressModule {
  static forRoot(config: PressConfig, deps: PressModuleDeps = {}): DynamicModule {
    return {
      module: PressModule,
      imports: serviceInfrastructure(config, {
        entities: [],
        migrations: PRESS_MIGRATIONS,
        pgDriver: deps.pgDriver,
      }),
      controllers: [auditTrailController(RpcSubjects.press.auditTrail)],
      providers: [...deadlineSettingsProviders(config), ...outboxRelayProviders({ enabled: config.outboxRelayEnabled })],
    };
  }
}
