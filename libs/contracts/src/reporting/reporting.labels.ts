import type { LabelsOf } from '../common/labels';
import { FINDING_LABELS } from '../decision/decision.labels';
import type { CaseOutcome, PressEventKind, StatisticsFilterKind, TimelinessMeasure } from './reporting.dto';

/** The findings keep the labels decisions show. */
export const CASE_OUTCOME_LABELS = {
  ...FINDING_LABELS,
  DISMISSED: { vi: 'Không xử lý', en: 'Dismissed' },
  MERGED: { vi: 'Đã gộp vào vụ việc khác', en: 'Merged into another case' },
  PENDING: { vi: 'Chưa có kết luận', en: 'Pending' },
} as const satisfies LabelsOf<CaseOutcome>;

export const TIMELINESS_MEASURE_LABELS = {
  TIME_TO_TRIAGE: { vi: 'Thời gian tiếp nhận, phân loại', en: 'Time to triage' },
  TIME_TO_DECISION: { vi: 'Thời gian đến khi có kết luận xử lý', en: 'Time to decision' },
  TIME_TO_CLOSE: { vi: 'Thời gian đến khi kết thúc', en: 'Time to close' },
} as const satisfies LabelsOf<TimelinessMeasure>;

export const PRESS_EVENT_KIND_LABELS = {
  COMPLAINT_FILED: { vi: 'Đơn phản ánh về đạo đức nghề nghiệp', en: 'Complaint filed' },
  RULING_ISSUED: { vi: 'Kết luận của Hội đồng', en: 'Ruling issued' },
  APPEAL_DECIDED: { vi: 'Giải quyết khiếu nại kết luận', en: 'Appeal decided' },
  OTHER: { vi: 'Sự kiện khác', en: 'Other event' },
} as const satisfies LabelsOf<PressEventKind>;

export const STATISTICS_FILTER_KIND_LABELS = {
  CATEGORY: { vi: 'Loại thông tin', en: 'Category' },
  LOCALITY: { vi: 'Địa bàn', en: 'Locality' },
  AGENCY: { vi: 'Cơ quan', en: 'Agency' },
} as const satisfies LabelsOf<StatisticsFilterKind>;
