import type { LabelsOf } from '../common/labels';
import type { CorrectionStatus } from './correction.dto';

export const CORRECTION_STATUS_LABELS = {
  REQUESTED: { vi: 'Đã yêu cầu cải chính', en: 'Requested' },
  PUBLISHED: { vi: 'Đã đăng cải chính', en: 'Published' },
  REFUSED: { vi: 'Cơ quan báo chí từ chối', en: 'Refused' },
  OVERDUE: { vi: 'Quá hạn chưa trả lời', en: 'Overdue' },
} as const satisfies LabelsOf<CorrectionStatus>;
