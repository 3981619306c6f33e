import type { LabelsOf } from '../common/labels';
import type { DeliveryStatus, FailedDeliveryFilter, NotificationChannel } from './notification.dto';

export const NOTIFICATION_CHANNEL_LABELS = {
  EMAIL: { vi: 'Thư điện tử', en: 'E-mail' },
  WEBHOOK: { vi: 'Webhook (gửi tới hệ thống của cơ quan)', en: 'Webhook' },
} as const satisfies LabelsOf<NotificationChannel>;

export const DELIVERY_STATUS_LABELS = {
  PENDING: { vi: 'Đang chờ gửi', en: 'Pending' },
  DELIVERED: { vi: 'Đã gửi', en: 'Delivered' },
  DEAD: { vi: 'Gửi không thành công', en: 'Given up' },
  CANCELLED: { vi: 'Đã hủy', en: 'Cancelled' },
} as const satisfies LabelsOf<DeliveryStatus>;

export const FAILED_DELIVERY_FILTER_LABELS = {
  FAILED: { vi: 'Đang gửi lại', en: 'Being retried' },
  DEAD: { vi: 'Gửi không thành công', en: 'Given up' },
} as const satisfies LabelsOf<FailedDeliveryFilter>;
