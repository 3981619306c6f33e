import type { LabelsOf } from '../common/labels';
import type { FindingCode, HandlingActionDto, HandlingActionTypeCode, Platform, RemovalOutcome } from './decision.dto';

/** The conclusion of the verification ("kết luận"), Đ5.3. */
export const FINDING_LABELS = {
  FALSE: { vi: 'Thông tin sai sự thật', en: 'False' },
  MISLEADING: { vi: 'Thông tin gây hiểu nhầm', en: 'Misleading' },
  UNLAWFUL: { vi: 'Nội dung vi phạm pháp luật', en: 'Unlawful' },
  TRUE: { vi: 'Thông tin đúng sự thật', en: 'True' },
  OPINION: { vi: 'Ý kiến, quan điểm (được bảo vệ)', en: 'Opinion (protected expression)' },
  GRIEVANCE: { vi: 'Phản ánh, kiến nghị của người dân', en: 'Citizen grievance' },
  UNVERIFIABLE: { vi: 'Chưa xác minh được', en: 'Unverifiable' },
} as const satisfies LabelsOf<FindingCode>;

/** Đ5, Đ6.1–6.7: the handling measures. */
export const HANDLING_ACTION_TYPE_LABELS = {
  PUBLISH_CLARIFICATION: { vi: 'Đăng tin đính chính, làm rõ', en: 'Publish a clarification' },
  REQUEST_REMOVAL: { vi: 'Đề nghị gỡ bỏ (qua Bộ)', en: 'Request removal (via the Ministry)' },
  PROPOSE_SANCTION: { vi: 'Đề xuất xử phạt vi phạm hành chính', en: 'Propose an administrative sanction' },
  REFER_TO_POLICE: { vi: 'Chuyển Công an tỉnh', en: 'Refer to the police' },
  REFER_TO_PRESS_ASSOCIATION: { vi: 'Chuyển Hội Nhà báo tỉnh', en: 'Refer to the press association' },
  RESOLVE_GRIEVANCE: { vi: 'Giải quyết phản ánh, kiến nghị', en: 'Resolve the grievance' },
  MONITOR: { vi: 'Tiếp tục theo dõi', en: 'Keep monitoring' },
  NO_ACTION: { vi: 'Không cần xử lý', en: 'No action' },
} as const satisfies LabelsOf<HandlingActionTypeCode>;

export const HANDLING_ACTION_STATUS_LABELS = {
  PLANNED: { vi: 'Đã giao', en: 'Planned' },
  IN_PROGRESS: { vi: 'Đang thực hiện', en: 'In progress' },
  DONE: { vi: 'Đã hoàn thành', en: 'Done' },
} as const satisfies LabelsOf<HandlingActionDto['status']>;

export const REMOVAL_OUTCOME_LABELS = {
  REMOVED: { vi: 'Đã gỡ bỏ', en: 'Removed' },
  REFUSED: { vi: 'Nền tảng từ chối', en: 'Refused by the platform' },
  NO_RESPONSE: { vi: 'Không có phản hồi', en: 'No response' },
} as const satisfies LabelsOf<RemovalOutcome>;

/** Where a removal request goes. */
export const PLATFORM_LABELS = {
  FACEBOOK: { vi: 'Facebook', en: 'Facebook' },
  YOUTUBE: { vi: 'YouTube', en: 'YouTube' },
  TIKTOK: { vi: 'TikTok', en: 'TikTok' },
  ZALO: { vi: 'Zalo', en: 'Zalo' },
  X: { vi: 'X (Twitter)', en: 'X (Twitter)' },
  INSTAGRAM: { vi: 'Instagram', en: 'Instagram' },
  TELEGRAM: { vi: 'Telegram', en: 'Telegram' },
  OTHER: { vi: 'Trang web, nền tảng khác', en: 'Other website or platform' },
} as const satisfies LabelsOf<Platform>;
