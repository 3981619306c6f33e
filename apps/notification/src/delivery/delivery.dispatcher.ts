import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { inFlightWork } from '@phoi-hop/observability';
import type { DispatchSettings } from '../config/notification.config';
import { SubscriptionRepository } from '../subscription/subscription.repository';
import { DeliveryRepository, type AttemptOutcome, type DeliveryRow } from './delivery.repository';
import { EmailSender, type SendResult } from './email.sender';
import { deliveryAttempts } from './notification.metrics';
import { afterFailure } from './retry-schedule';
import { WebhookSender } from './webhook.sender';

export const DISPATCH_SETTINGS = Symbol('DISPATCH_SETTINGS');

const BATCH_SIZE = 20;

/**
 * Sends due deliveries and records each outcome, in a loop. Safe with N replicas: rows are claimed
 * with FOR UPDATE SKIP LOCKED under a lease, and next_attempt_at is persisted, so retries survive
 * restarts. A failure is retried with exponential back-off; after maxAttempts the delivery is DEAD.
 */
@Injectable()
export class DeliveryDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DeliveryDispatcher');
  private readonly email: EmailSender;
  private readonly webhook: WebhookSender;
  private readonly leaseMs: number;
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly subscriptions: SubscriptionRepository,
    @Inject(DISPATCH_SETTINGS) private readonly settings: DispatchSettings,
  ) {
    this.email = new EmailSender(settings.smtpUrl, settings.emailFrom, settings.webhookTimeoutMs);
    this.webhook = new WebhookSender(settings.webhookTimeoutMs);
    // Longer than any send can take, so a row is re-claimed only when its replica died.
    this.leaseMs = Math.max(settings.webhookTimeoutMs * 3, 30_000);
  }

  /** Sends one message now through the same mailer as the deliveries (a platform service's direct e-mail). */
  sendDirect(to: string, subject: string, text: string, reference: string): Promise<SendResult> {
    return this.email.sendMessage(to, subject, text, { 'X-PhoiHop-Reference': reference });
  }

  onApplicationBootstrap(): void {
    if (!this.settings.enabled) return;
    this.running = true;
    this.loop = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.wake?.();
    await this.loop;
    this.email.close();
  }

  /** Sends one batch of due deliveries; returns how many it attempted. */
  async dispatchOnce(): Promise<number> {
    const claimed = await this.deliveries.claimDue(BATCH_SIZE, this.leaseMs);
    if (claimed.length === 0) return 0;
    const subscriptions = await this.subscriptions.byIds([...new Set(claimed.map((row) => row.subscription_id))]);
    await Promise.all(
      claimed.map(async (row) => {
        const subscription = subscriptions.get(row.subscription_id);
        const result: SendResult = !subscription
          ? { ok: false, statusCode: null, error: 'subscription missing' }
          : subscription.channel === 'EMAIL'
            ? await this.email.send(subscription.target, row.payload)
            : await this.webhook.send(subscription.target, subscription.secret ?? '', row.id, JSON.stringify(row.payload), row.event_id);
        await this.record(row, result);
      }),
    );
    return claimed.length;
  }

  private async record(row: DeliveryRow, result: SendResult): Promise<void> {
    let outcome: AttemptOutcome;
    if (result.ok) {
      outcome = { kind: 'delivered', statusCode: result.statusCode };
    } else {
      const decision = afterFailure(row.attempts + 1, {
        maxAttempts: this.settings.maxAttempts,
        baseMs: this.settings.retryBaseMs,
        maxMs: this.settings.retryMaxMs,
      });
      const error = result.error ?? 'failed';
      outcome = decision.dead
        ? { kind: 'dead', error, statusCode: result.statusCode }
        : { kind: 'retry', error, statusCode: result.statusCode, delayMs: decision.delayMs };
    }
    const recorded = await this.deliveries.recordAttempt(row.id, row.attempts, outcome);
    deliveryAttempts().inc({ channel: row.channel, outcome: outcome.kind });
    // Logs name the delivery, never the secret or the body.
    if (outcome.kind === 'dead')
      this.logger.warn(`Delivery ${row.id} (${row.channel}, ${row.agency_code}) is dead after ${row.attempts + 1} attempts: ${outcome.error}`);
    else if (outcome.kind === 'retry')
      this.logger.log(
        `Delivery ${row.id} (${row.channel}, ${row.agency_code}) attempt ${row.attempts + 1} failed (${outcome.error}); retry in ${Math.round(outcome.delayMs / 1000)} s`,
      );
    if (!recorded) this.logger.warn(`Delivery ${row.id} changed while it was being sent; its outcome was not recorded`);
  }

  private async run(): Promise<void> {
    while (this.running) {
      let attempted = 0;
      try {
        attempted = await inFlightWork().track('delivery dispatch', () => this.dispatchOnce());
      } catch (error) {
        this.logger.error(`Dispatch failed, will retry: ${String((error as Error)?.message ?? error)}`);
      }
      if (!this.running) break;
      if (attempted === BATCH_SIZE) continue;
      await new Promise<void>((resolve) => {
        this.timer = setTimeout(resolve, this.settings.pollIntervalMs);
        this.wake = resolve;
      });
      this.timer = null;
      this.wake = null;
    }
  }
}
