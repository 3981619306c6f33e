import type { LabelsOf } from '../common/labels';
import type { WorkItemKind } from './work-queue.dto';
import type {
  CaseAccessReason,
  CaseAction,
  CaseDeadlineKind,
  CaseStatus,
  CaseTransitionCommand,
  ReportChannel,
  SeverityRaiseReason,
  ViewerAccess,
} from './intake.dto';

export const CASE_STATUS_LABELS = {
  OPEN: { vi: 'Mới tiếp nhận', en: 'Open' },
  TRIAGED: { vi: 'Đã phân loại', en: 'Triaged' },
  IN_CONSULTATION: { vi: 'Đang lấy ý kiến', en: 'In consultation' },
  DECIDED: { vi: 'Đã có kết luận xử lý', en: 'Decided' },
  ACTING: { vi: 'Đang xử lý', en: 'Being handled' },
  CLOSED: { vi: 'Đã kết thúc', en: 'Closed' },
  DISMISSED: { vi: 'Không xử lý', en: 'Dismissed' },
  MERGED: { vi: 'Đã gộp vào vụ việc khác', en: 'Merged into another case' },
} as const satisfies LabelsOf<CaseStatus>;

export const CASE_TRANSITION_COMMAND_LABELS = {
  TRIAGE: { vi: 'Phân loại', en: 'Triage' },
  DISMISS: { vi: 'Không xử lý', en: 'Dismiss' },
  REOPEN: { vi: 'Mở lại', en: 'Reopen' },
  CLOSE: { vi: 'Kết thúc', en: 'Close' },
} as const satisfies LabelsOf<CaseTransitionCommand>;

export const CASE_DEADLINE_KIND_LABELS = {
  TRIAGE: { vi: 'Hạn phân loại', en: 'Triage deadline' },
  DECISION: { vi: 'Hạn kết luận xử lý', en: 'Decision deadline' },
  CONSULTATION: { vi: 'Hạn lấy ý kiến', en: 'Consultation deadline' },
  ACTION: { vi: 'Hạn thực hiện biện pháp xử lý', en: 'Handling action due' },
} as const satisfies LabelsOf<CaseDeadlineKind>;

export const CASE_ACCESS_REASON_LABELS = {
  LEAD: { vi: 'Cơ quan chủ trì', en: 'Lead agency' },
  PARTICIPANT: { vi: 'Cơ quan phối hợp', en: 'Participating agency' },
  INFORMED: { vi: 'Được thông báo', en: 'Kept informed' },
  REPORTER: { vi: 'Cơ quan phát hiện, thông báo', en: 'Reported the content' },
  ASSIGNEE: { vi: 'Được giao biện pháp xử lý', en: 'Assigned a handling action' },
} as const satisfies LabelsOf<CaseAccessReason>;

export const VIEWER_ACCESS_LABELS = {
  FULL: { vi: 'Toàn bộ vụ việc', en: 'The whole case' },
  REPORTER: { vi: 'Chỉ các báo cáo của cơ quan mình', en: 'Its own reports only' },
} as const satisfies LabelsOf<ViewerAccess>;

export const CASE_ACTION_LABELS = {
  TRIAGE: { vi: 'Phân loại', en: 'Triage' },
  OPEN_CONSULTATION: { vi: 'Lấy ý kiến các cơ quan', en: 'Consult the agencies' },
  DECIDE: { vi: 'Kết luận, quyết định xử lý', en: 'Decide' },
  CLOSE: { vi: 'Kết thúc vụ việc', en: 'Close the case' },
  DISMISS: { vi: 'Không xử lý', en: 'Dismiss' },
  REOPEN: { vi: 'Mở lại', en: 'Reopen' },
  MERGE: { vi: 'Gộp vào vụ việc khác', en: 'Merge into another case' },
  REJECT_DUPLICATE: { vi: 'Không phải trùng lặp', en: 'Not a duplicate' },
  SPLIT_REPORT: { vi: 'Tách báo cáo thành vụ việc riêng', en: 'Split a report out' },
  UPDATE_HANDLING_ACTION: { vi: 'Cập nhật kết quả xử lý', en: 'Update a handling action' },
  UPDATE_REMOVAL_REQUEST: { vi: 'Cập nhật đề nghị gỡ bỏ', en: 'Update the removal request' },
} as const satisfies LabelsOf<CaseAction>;

/** Templates: `{reach}`, `{threshold}`, `{reports}`, `{agencies}`, `{localities}` and `{levels}` come from the factor. */
export const SEVERITY_RAISE_LABELS = {
  VERY_WIDE_REACH: { vi: 'Lượt tiếp cận ước tính {reach} (từ {threshold}): +{levels} mức', en: 'Estimated reach {reach} (from {threshold}): +{levels} levels' },
  WIDE_REACH: { vi: 'Lượt tiếp cận ước tính {reach} (từ {threshold}): +{levels} mức', en: 'Estimated reach {reach} (from {threshold}): +{levels} level' },
  MANY_REPORTS: { vi: '{reports} báo cáo từ {agencies} cơ quan: +{levels} mức', en: '{reports} reports from {agencies} agencies: +{levels} level' },
  MANY_LOCALITIES: { vi: 'Lan rộng {localities} địa bàn: +{levels} mức', en: 'Spread over {localities} localities: +{levels} level' },
} as const satisfies LabelsOf<SeverityRaiseReason>;

export const WORK_ITEM_KIND_LABELS = {
  TRIAGE: { vi: 'Cần phân loại', en: 'To triage' },
  DECIDE: { vi: 'Cần kết luận, quyết định xử lý', en: 'To decide' },
  HANDLING_ACTION: { vi: 'Biện pháp xử lý được giao', en: 'Handling action assigned' },
  OPINION: { vi: 'Cần gửi ý kiến', en: 'Opinion owed' },
} as const satisfies LabelsOf<WorkItemKind>;

export const REPORT_CHANNEL_LABELS = {
  AGENCY: { vi: 'Cơ quan, đơn vị phát hiện, thông báo', en: 'Reported by an agency' },
  MEDIA_MONITORING: { vi: 'Điểm báo, theo dõi báo chí và mạng', en: 'Media monitoring (daily press review)' },
  MINISTRY_SYSTEM: { vi: 'Hệ thống kiểm soát thông tin của Bộ', en: 'The Ministry’s monitoring systems' },
  PUBLIC_TIP: { vi: 'Phản ánh của tổ chức, cá nhân', en: 'Tip from an organisation or the public' },
} as const satisfies LabelsOf<ReportChannel>;
