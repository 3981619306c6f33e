import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JETSTREAM_MANAGER, MESSAGING_OPTIONS, type JetStreamManager, type MessagingOptions } from '@phoi-hop/messaging';
import { ensureAgencyFeedStream } from './agency-feed';

export const AGENCY_FEED_STREAM_NAME = Symbol('AGENCY_FEED_STREAM_NAME');

/** Provisions the agency feed stream at boot, before the outbox relay publishes to it. */
@Injectable()
export class AgencyFeedProvisioner implements OnModuleInit {
  constructor(
    @Inject(JETSTREAM_MANAGER) private readonly jsm: JetStreamManager,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(AGENCY_FEED_STREAM_NAME) private readonly streamName: string,
  ) {}

  async onModuleInit(): Promise<void> {
    await ensureAgencyFeedStream(this.jsm, { streamName: this.streamName, subjectPrefix: this.options.subjectPrefix, replicas: this.options.streamReplicas });
  }
}
