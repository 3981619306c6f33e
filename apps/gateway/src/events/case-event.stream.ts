import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { EventSubjects, type Actor, type ApiKeyRevokedEvent, type EventEnvelope, type UserChangedEvent } from '@phoi-hop/contracts';
import { maySeeCase } from '@phoi-hop/auth';
import { EventFeed, JETSTREAM, JETSTREAM_MANAGER, MESSAGING_OPTIONS, NATS_CONNECTION, type MessagingOptions } from '@phoi-hop/messaging';

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
  /** Open subscriptions by whom they serve, so that they end when the caller may no longer watch. */
  private readonly open = new Map<() => void, Actor>();
  private readonly directoryEvents: Subscription[];

  constructor(
    @Inject(JETSTREAM) js: JetStreamClient,
    @Inject(JETSTREAM_MANAGER) _jsm: unknown,
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
    @Inject(NATS_CONNECTION) connection: NatsConnection,
  ) {
    this.feed = new EventFeed(js, options.streamName, options.subjectPrefix);
    // A user changed (disabled, other agency or roles) or a key revoked: their subscriptions end;
    // the client subscribes again and is checked again (core NATS, best effort).
    this.directoryEvents = [
      connection.subscribe(`${options.subjectPrefix}${EventSubjects.directory.userChanged}`, {
        callback: (error, message) => {
          const username = error ? undefined : parsed<UserChangedEvent>(message.data)?.username;
          if (username) this.end((actor) => actor.username === username && !actor.apiKeyId);
        },
      }),
      connection.subscribe(`${options.subjectPrefix}${EventSubjects.directory.apiKeyRevoked}`, {
        callback: (error, message) => {
          const keyId = error ? undefined : parsed<ApiKeyRevokedEvent>(message.data)?.keyId;
          if (keyId) this.end((actor) => actor.apiKeyId === keyId);
        },
      }),
    ];
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.feed.start();
  }

  async onModuleDestroy(): Promise<void> {
    for (const subscription of this.directoryEvents) subscription.unsubscribe();
    await this.feed.stop();
  }

  private end(whose: (actor: Actor) => boolean): void {
    for (const [finish, actor] of [...this.open]) {
      if (!whose(actor)) continue;
      this.logger.log(`Ending the event subscription of ${actor.username}: the directory changed them`);
      finish();
    }
  }

  /** The events `actor` may see, as an async iterator that ends when the client unsubscribes. */
  subscribe<T>(actor: Actor, map: (envelope: EventEnvelope) => T | null): AsyncIterableIterator<T> {
    const queue: T[] = [];
    let waiting: ((result: IteratorResult<T>) => void) | null = null;
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      this.open.delete(finish);
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
    this.open.set(finish, actor);
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

/** The payload of an event envelope, or undefined when the message is not one. */
function parsed<T>(data: Uint8Array): T | undefined {
  try {
    return (JSON.parse(new TextDecoder().decode(data)) as EventEnvelope<T>).data;
  } catch {
    return undefined;
  }
}
