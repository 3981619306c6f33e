import type { LabelsOf } from '../common/labels';
import type { ReportDocumentFormat, ReportPeriodKind, ReportPeriodStatus, ReportSectionStatus } from './period.dto';

export const REPORT_PERIOD_KIND_LABELS = {
  SIX_MONTHLY: { vi: 'Báo cáo 6 tháng', en: 'Six-monthly report' },
  ANNUAL: { vi: 'Báo cáo năm', en: 'Annual report' },
  AD_HOC: { vi: 'Báo cáo đột xuất', en: 'Ad hoc report' },
} as const satisfies LabelsOf<ReportPeriodKind>;

export const REPORT_PERIOD_STATUS_LABELS = {
  OPEN: { vi: 'Đang tổng hợp', en: 'Open' },
  CLOSED: { vi: 'Đã ban hành', en: 'Closed' },
} as const satisfies LabelsOf<ReportPeriodStatus>;

export const REPORT_SECTION_STATUS_LABELS = {
  NOT_STARTED: { vi: 'Chưa báo cáo', en: 'Not started' },
  DRAFT: { vi: 'Dự thảo', en: 'Draft' },
  SUBMITTED: { vi: 'Đã gửi', en: 'Submitted' },
} as const satisfies LabelsOf<ReportSectionStatus>;

export const REPORT_DOCUMENT_FORMAT_LABELS = {
  DOCX: { vi: 'Văn bản Word (.docx)', en: 'Word document (.docx)' },
  PDF: { vi: 'Văn bản PDF', en: 'PDF document' },
  XLSX: { vi: 'Phụ lục số liệu Excel (.xlsx)', en: 'Excel annex (.xlsx)' },
  CSV: { vi: 'Số liệu CSV', en: 'CSV figures' },
} as const satisfies LabelsOf<ReportDocumentFormat>;
