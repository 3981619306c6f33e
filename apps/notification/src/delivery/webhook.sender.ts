import { DELIVERY_ID_HEADER, EVENT_ID_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from './webhook-signature';
import type { SendResult } from './email.sender';

/**
 * POSTs the notification as JSON, signed with the subscription's secret. Any 2xx is delivered;
 * anything else (3xx included: redirects are not followed), a timeout or a network error is a
 * failed attempt.
 */
export class WebhookSender {
  constructor(private readonly timeoutMs: number) {}

  async send(url: string, secret: string, deliveryId: string, body: string, eventId: string): Promise<SendResult> {
    const timestamp = String(Math.floor(Date.now() / 1000));
    try {
      const response = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'PhoiHop-Notifier/1',
          [EVENT_ID_HEADER]: eventId,
          [DELIVERY_ID_HEADER]: deliveryId,
          [TIMESTAMP_HEADER]: timestamp,
          [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
        },
        body,
      });
      // The receiver's answer is not kept: only its status matters.
      await response.body?.cancel().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) return { ok: true, statusCode: response.status };
      return { ok: false, statusCode: response.status, error: `HTTP ${response.status}` };
    } catch (error) {
      const name = (error as Error)?.name;
      const reason =
        name === 'TimeoutError'
          ? `timed out after ${this.timeoutMs} ms`
          : String((error as { cause?: { code?: string } })?.cause?.code ?? (error as Error)?.message ?? error);
      return { ok: false, statusCode: null, error: `Webhook: ${reason}` };
    }
  }
}
