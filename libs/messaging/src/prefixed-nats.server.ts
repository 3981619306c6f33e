import { ServerNats, type NatsOptions } from '@nestjs/microservices';

type NatsServerOptions = NonNullable<NatsOptions['options']> & { subjectPrefix: string };
type Subscribable = { subscribe(subject: string, opts: { queue?: string; callback: (...args: unknown[]) => unknown }): unknown };

/**
 * Nest's NATS transport, subscribing each handler under a subject prefix, so that a test's services
 * never answer another run's requests on the same NATS server. The queue group makes replicas share
 * the load.
 */
export class PrefixedNatsServer extends ServerNats {
  constructor(private readonly prefixedOptions: NatsServerOptions) {
    super(prefixedOptions);
  }

  override bindEvents(client: Subscribable): void {
    const queue = this.prefixedOptions.queue;
    for (const [pattern, handlerRef] of this.messageHandlers.entries()) {
      const group = (handlerRef.extras?.['queue'] as string | undefined) ?? queue;
      const subscription = client.subscribe(`${this.prefixedOptions.subjectPrefix}${pattern}`, {
        queue: group,
        callback: this.getMessageHandler(pattern).bind(this) as (...args: unknown[]) => unknown,
      });
      (this as unknown as { subscriptions: unknown[] }).subscriptions.push(subscription);
    }
  }
}
