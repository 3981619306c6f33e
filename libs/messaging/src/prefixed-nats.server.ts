import { ServerNats, type NatsContext, type NatsOptions } from '@nestjs/microservices';
import { InFlightWork, inFlightWork } from '@phoi-hop/observability';

type NatsServerOptions = NonNullable<NatsOptions['options']> & { subjectPrefix: string };
type Subscribable = { subscribe(subject: string, opts: { queue?: string; callback: (...args: unknown[]) => unknown }): unknown };
type Drainable = { drain(): Promise<void>; isClosed(): boolean };
type RequestMessage = { subject: string; reply?: string };
type Publisher = (response: { isDisposed?: boolean }) => unknown;

/**
 * Nest's NATS transport, subscribing each handler under a subject prefix, so that a test's services
 * never answer another run's requests on the same NATS server. The queue group makes replicas share
 * the load.
 *
 * Closing is graceful: the subscriptions are drained (the requests NATS already routed to this
 * replica are still handled; new ones go to the other members of the queue group), then the server
 * waits until every request in progress has published its reply, then drains its connection.
 */
export class PrefixedNatsServer extends ServerNats {
  /** Requests received and not yet answered, by unprefixed subject. */
  readonly requests = new InFlightWork();
  private readonly answering = new WeakMap<object, () => void>();
  private closing: Promise<void> | null = null;

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

  override async handleMessage(channel: string, natsMsg: RequestMessage): Promise<unknown> {
    const subject = natsMsg.subject.slice(this.prefixedOptions.subjectPrefix.length);
    const endLocal = this.requests.begin(subject);
    const endProcess = inFlightWork().begin(`rpc ${subject}`);
    const end = () => {
      endLocal();
      endProcess();
    };
    // A request with a reply subject ends when its last reply packet is published (getPublisher).
    if (natsMsg.reply) this.answering.set(natsMsg, end);
    try {
      return await super.handleMessage(channel, natsMsg);
    } catch (error) {
      end();
      throw error;
    } finally {
      if (!natsMsg.reply) end();
    }
  }

  override getPublisher(natsMsg: RequestMessage, id: string, ctx: NatsContext): Publisher {
    const publish = super.getPublisher(natsMsg, id, ctx) as Publisher;
    const end = this.answering.get(natsMsg);
    if (!end) return publish;
    return (response) => {
      try {
        return publish(response);
      } finally {
        if (response.isDisposed) end();
      }
    };
  }

  /** Stops taking requests and resolves once those in progress are answered and the connection is drained. */
  override close(): Promise<void> {
    this.closing ??= this.closeGracefully();
    return this.closing;
  }

  private async closeGracefully(): Promise<void> {
    const self = this as unknown as { natsClient: Drainable | null; subscriptions: Drainable[]; statusEventEmitter: { removeAllListeners(): void } };
    const client = self.natsClient;
    if (!client) return;
    await Promise.all(self.subscriptions.map((subscription) => (subscription.isClosed() ? undefined : subscription.drain().catch(() => undefined))));
    // The last routed request may still be between its arrival and its handler.
    await new Promise((resolve) => setImmediate(resolve));
    await this.requests.idle();
    if (!client.isClosed()) await client.drain().catch(() => undefined);
    self.statusEventEmitter.removeAllListeners();
    self.natsClient = null;
  }
}
