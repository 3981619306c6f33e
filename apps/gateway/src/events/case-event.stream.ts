import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { JetStreamClient } from '@nats-io/jetstream';
import type { Actor, EventEnvelope } from '@phoi-hop/contracts';
import { maySeeCase } from '@phoi-hop/auth';
import { EventFeed, JETSTREAM, JETSTREAM_MANAGER, MESSAGING_OPTIONS, type MessagingOptions } from '@phoi-hop/messaging';

/** Events a slow subscriber may have queued before its subscription is closed. */
const MAX_QUEUED = 1000;

/**
 * Feeds GraphQL subscriptions from JetStream: one live consumer per gateway process, each event
 * delivered only to subscribers whose agency may see its case (envelope.visibleTo) or who lead.
 */
@Injectable()
export class CaseEventStream implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CaseEventStream.name);
  private readonly feed: EventFeed;

  constructor(
    @Inject(JETSTREAM) js: JetStreamClient,
    @Inject(JETSTREAM_MANAGER) _jsm: unknown,
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
  ) {
    this.feed = new EventFeed(js, options.streamName, options.subjectPrefix);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.feed.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.feed.stop();
  }

  /** The events `actor` may see, as an async iterator that ends when the client unsubscribes. */
  subscribe<T>(actor: Actor, map: (envelope: EventEnvelope) => T | null): AsyncIterableIterator<T> {
    const queue: T[] = [];
    let waiting: ((result: IteratorResult<T>) => void) | null = null;
    let done = false;
    const finish = (): void => {
      done = true;
      unsubscribe();
      waiting?.({ value: undefined, done: true });
      waiting = null;
    };
    const unsubscribe = this.feed.subscribe((envelope) => {
      if (done || !maySeeCase(actor, envelope.visibleTo)) return;
      const value = map(envelope);
      if (value === null) return;
      if (waiting) {
        const resolve = waiting;
        waiting = null;
        resolve({ value, done: false });
      } else if (queue.length < MAX_QUEUED) {
        queue.push(value);
      } else {
        this.logger.warn(`Closing the subscription of ${actor.username}: more than ${MAX_QUEUED} events queued`);
        finish();
      }
    });
    const iterator: AsyncIterableIterator<T> = {
      next: () => {
        if (queue.length > 0) return Promise.resolve({ value: queue.shift()!, done: false });
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => (waiting = resolve));
      },
      return: () => {
        finish();
        return Promise.resolve({ value: undefined, done: true });
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }
}
