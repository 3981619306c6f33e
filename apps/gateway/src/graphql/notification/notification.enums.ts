import type { DeliveryStatus, FailedDeliveryFilter, NotificationChannel } from '@phoi-hop/contracts';
import { labelledEnum } from '../common/labelled-enum';

export const NotificationChannelEnum = labelledEnum('NotificationChannel', 'How an agency is notified');
export type NotificationChannelEnum = NotificationChannel;

export const DeliveryStatusEnum = labelledEnum('DeliveryStatus', 'Where a notification delivery stands');
export type DeliveryStatusEnum = DeliveryStatus;

export const FailedDeliveryFilterEnum = labelledEnum('FailedDeliveryFilter', 'Which failed deliveries to list');
export type FailedDeliveryFilterEnum = FailedDeliveryFilter;
