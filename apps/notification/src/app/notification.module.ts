import { Module, type DynamicModule } from '@nestjs/common';
import { RpcSubjects } from '@phoi-hop/contracts';
import { auditTrailController, eventConsumerProviders, outboxRelayProviders, serviceInfrastructure } from '@phoi-hop/messaging';
import type { NotificationConfig } from '../config/notification.config';
import { CaseEventFanoutHandler } from '../delivery/case-event-fanout.handler';
import { DeliveryDispatcher, DISPATCH_SETTINGS } from '../delivery/delivery.dispatcher';
import { DeliveryNatsController } from '../delivery/delivery.nats-controller';
import { DirectEmailNatsController } from '../delivery/direct-email.nats-controller';
import { DeliveryRepository } from '../delivery/delivery.repository';
import { DeliveryService } from '../delivery/delivery.service';
import { AGENCY_FEED_STREAM_NAME, AgencyFeedProvisioner } from '../feed/agency-feed.provisioner';
import { AgencyFeedRepository } from '../feed/agency-feed.repository';
import { NotificationInitial1764300002000 } from '../migrations/1764300002000-notification-initial';
import { caseEventSubjects } from '../subscription/subscription-rules';
import { SubscriptionNatsController } from '../subscription/subscription.nats-controller';
import { SubscriptionRepository } from '../subscription/subscription.repository';
import { SubscriptionService } from '../subscription/subscription.service';
import { IdempotencyKeys1764300003000 } from '../migrations/1764300003000-idempotency-keys';

export interface NotificationModuleDeps {
  pgDriver?: unknown;
}

/** The notification service's tables, oldest migration first (the outbox, inbox and audit tables come before them). */
export const NOTIFICATION_MIGRATIONS = [NotificationInitial1764300002000, IdempotencyKeys1764300003000];

@Module({})
export class NotificationModule {
  static forRoot(config: NotificationConfig, deps: NotificationModuleDeps = {}): DynamicModule {
    return {
      module: NotificationModule,
      imports: serviceInfrastructure(config, {
        entities: [],
        migrations: NOTIFICATION_MIGRATIONS,
        pgDriver: deps.pgDriver,
      }),
      controllers: [auditTrailController(RpcSubjects.notification.auditTrail), DeliveryNatsController, DirectEmailNatsController, SubscriptionNatsController],
      providers: [
        { provide: AGENCY_FEED_STREAM_NAME, useValue: config.agencyFeedStream },
        { provide: DISPATCH_SETTINGS, useValue: config.dispatch },
        AgencyFeedProvisioner,
        AgencyFeedRepository,
        DeliveryDispatcher,
        DeliveryRepository,
        DeliveryService,
        SubscriptionRepository,
        SubscriptionService,
        ...outboxRelayProviders({ enabled: config.outboxRelayEnabled }),
        ...eventConsumerProviders('notification-fanout', caseEventSubjects(), CaseEventFanoutHandler),
      ],
    };
  }
}
