import type { LabelsOf } from '../common/labels';
import type { ConsultationMode, ConsultationStatus, OpinionPosition } from './consultation.dto';

/** Đ4.2: a meeting, or written opinions. */
export const CONSULTATION_MODE_LABELS = {
  MEETING: { vi: 'Họp', en: 'Meeting' },
  WRITTEN: { vi: 'Lấy ý kiến bằng văn bản', en: 'Written consultation' },
} as const satisfies LabelsOf<ConsultationMode>;

export const CONSULTATION_STATUS_LABELS = {
  OPEN: { vi: 'Đang lấy ý kiến', en: 'Open' },
  RESOLVED: { vi: 'Đã thống nhất', en: 'Resolved' },
  CANCELLED: { vi: 'Đã hủy', en: 'Cancelled' },
} as const satisfies LabelsOf<ConsultationStatus>;

export const OPINION_POSITION_LABELS = {
  AGREE: { vi: 'Đồng ý', en: 'Agree' },
  DISAGREE: { vi: 'Không đồng ý', en: 'Disagree' },
  ALTERNATIVE: { vi: 'Đề xuất phương án khác', en: 'Proposes an alternative' },
} as const satisfies LabelsOf<OpinionPosition>;
