import { Module, type DynamicModule } from '@nestjs/common';
import { OutboxRelay, outboxRelayProviders } from '@phoi-hop/messaging';
import { DEADLINE_SCHEDULER_ENABLED, DEADLINE_SETTINGS, deadlineSettingsProviders } from '@phoi-hop/persistence';
import { INTAKE_SETTINGS } from '../case/case.repository';
import { intakeSettingsOf, type IntakeConfig } from '../config/intake.config';

/**
 * What every intake feature module uses, once per app: the validated settings and the outbox relay
 * (one relay per process, started and flushed with the app). Global, like the persistence and
 * messaging modules it sits beside, so feature modules need not be built from the config.
 */
@Module({})
export class IntakeCommonModule {
  static forRoot(config: IntakeConfig): DynamicModule {
    return {
      module: IntakeCommonModule,
      global: true,
      providers: [
        { provide: INTAKE_SETTINGS, useValue: intakeSettingsOf(config) },
        ...deadlineSettingsProviders(config),
        ...outboxRelayProviders({ enabled: config.outboxRelayEnabled }),
      ],
      exports: [DEADLINE_SCHEDULER_ENABLED, DEADLINE_SETTINGS, INTAKE_SETTINGS, OutboxRelay],
    };
  }
}
