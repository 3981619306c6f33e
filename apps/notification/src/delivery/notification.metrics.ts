import { Counter } from 'prom-client';
import { metricsRegistry } from '@phoi-hop/observability';

let attempts: Counter<'channel' | 'outcome'> | null = null;
let created: Counter<'channel'> | null = null;

/** Delivery attempts by channel and outcome (delivered, retry, dead). */
export function deliveryAttempts(): Counter<'channel' | 'outcome'> {
  attempts ??= new Counter({
    name: 'phoihop_notification_attempts_total',
    help: 'Notification delivery attempts',
    labelNames: ['channel', 'outcome'],
    registers: [metricsRegistry()],
  });
  return attempts;
}

/** Deliveries created by the fan-out, by channel. */
export function deliveriesCreated(): Counter<'channel'> {
  created ??= new Counter({
    name: 'phoihop_notification_deliveries_total',
    help: 'Notification deliveries owed to agencies',
    labelNames: ['channel'],
    registers: [metricsRegistry()],
  });
  return created;
}
