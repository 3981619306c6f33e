import { DeliveryStatuses, FailedDeliveryFilters, NotificationChannels, type DeliveryStatus, type FailedDeliveryFilter, type NotificationChannel } from '@phoi-hop/contracts';
import { contractEnum } from '../common/contract-enum';

export const NotificationChannelEnum = contractEnum('NotificationChannel', NotificationChannels, 'How an agency is notified', {
  EMAIL: 'By e-mail to the target address',
  WEBHOOK: 'By an HTTPS POST to the target URL, signed with the subscription’s secret',
});
export type NotificationChannelEnum = NotificationChannel;

export const DeliveryStatusEnum = contractEnum('DeliveryStatus', DeliveryStatuses, 'Where a notification delivery stands', {
  PENDING: 'To be sent, or being retried after a failure',
  DELIVERED: 'Delivered',
  DEAD: 'Given up after its retries (replayDelivery queues it again)',
  CANCELLED: 'Cancelled: its subscription was revoked',
});
export type DeliveryStatusEnum = DeliveryStatus;

export const FailedDeliveryFilterEnum = contractEnum('FailedDeliveryFilter', FailedDeliveryFilters, 'Which failed deliveries to list', {
  FAILED: 'Failed at least once and still being retried',
  DEAD: 'Given up',
});
export type FailedDeliveryFilterEnum = FailedDeliveryFilter;
