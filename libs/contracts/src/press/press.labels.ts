import type { LabelsOf } from '../common/labels';
import type {
  AppealDecision,
  AppealGround,
  AppealParty,
  ComplaintOrigin,
  ComplaintStatus,
  InadmissibilityReason,
  PressRuleSet,
  ReplyChannel,
  ReplyRecipientRole,
  RulingOutcome,
} from './press.dto';

export const PRESS_RULE_SET_LABELS = {
  JOURNALIST_ETHICS: { vi: 'Quy định đạo đức nghề nghiệp của người làm báo Việt Nam', en: 'Ethics rules for Vietnamese journalists' },
  SOCIAL_NETWORK_CONDUCT: { vi: 'Quy định về việc người làm báo Việt Nam sử dụng mạng xã hội', en: 'Rules for journalists on social networks' },
} as const satisfies LabelsOf<PressRuleSet>;

export const COMPLAINT_ORIGIN_LABELS = {
  CASE_ACTION: { vi: 'Chuyển từ biện pháp xử lý vụ việc', en: 'Referred by a case action' },
  AGENCY: { vi: 'Cơ quan gửi trực tiếp', en: 'Filed by an agency' },
} as const satisfies LabelsOf<ComplaintOrigin>;

export const COMPLAINT_STATUS_LABELS = {
  INCOMPLETE: { vi: 'Chưa đủ thông tin', en: 'Incomplete' },
  INADMISSIBLE: { vi: 'Không thụ lý', en: 'Inadmissible' },
  AWAITING_REPLY: { vi: 'Chờ phản hồi của nhà báo', en: 'Awaiting reply' },
  AWAITING_RULING: { vi: 'Chờ kết luận', en: 'Awaiting ruling' },
  RULED: { vi: 'Đã kết luận', en: 'Ruled' },
  UNDER_APPEAL: { vi: 'Đang xem xét khiếu nại', en: 'Under appeal' },
  CLOSED: { vi: 'Đã kết thúc', en: 'Closed' },
} as const satisfies LabelsOf<ComplaintStatus>;

export const INADMISSIBILITY_REASON_LABELS = {
  NO_RULE_CITED: { vi: 'Không viện dẫn quy định nào', en: 'No rule cited' },
  FILED_TOO_LATE: { vi: 'Gửi quá thời hạn kể từ ngày đăng', en: 'Filed too long after publication' },
} as const satisfies LabelsOf<InadmissibilityReason>;

export const REPLY_RECIPIENT_ROLE_LABELS = {
  JOURNALIST: { vi: 'Nhà báo', en: 'Journalist' },
  EDITOR: { vi: 'Tổng biên tập cơ quan báo chí', en: 'Outlet editor' },
} as const satisfies LabelsOf<ReplyRecipientRole>;

export const REPLY_CHANNEL_LABELS = {
  LINK: { vi: 'Qua đường dẫn phản hồi', en: 'Through the reply link' },
  AGENCY_USER: { vi: 'Qua tài khoản của cơ quan báo chí', en: 'By a user of the outlet' },
} as const satisfies LabelsOf<ReplyChannel>;

export const RULING_OUTCOME_LABELS = {
  NO_VIOLATION: { vi: 'Không vi phạm', en: 'No violation' },
  REMINDER: { vi: 'Nhắc nhở', en: 'Reminder' },
  WARNING: { vi: 'Cảnh cáo', en: 'Warning' },
  REPRIMAND: { vi: 'Khiển trách', en: 'Reprimand' },
  REFER_FOR_MEMBERSHIP_SANCTION: { vi: 'Đề nghị xử lý kỷ luật hội viên', en: 'Refer for a membership sanction' },
} as const satisfies LabelsOf<RulingOutcome>;

export const APPEAL_PARTY_LABELS = {
  COMPLAINANT: { vi: 'Bên khiếu nại', en: 'Complainant' },
  RESPONDENT: { vi: 'Nhà báo bị khiếu nại', en: 'Respondent' },
} as const satisfies LabelsOf<AppealParty>;

export const APPEAL_GROUND_LABELS = {
  PROCEDURAL_ERROR: { vi: 'Sai sót về thủ tục', en: 'Procedural error' },
  NEW_INFORMATION: { vi: 'Có thông tin mới', en: 'New information' },
  MISAPPLIED_RULE: { vi: 'Áp dụng sai quy định', en: 'Misapplied rule' },
} as const satisfies LabelsOf<AppealGround>;

export const APPEAL_DECISION_LABELS = {
  UPHELD: { vi: 'Giữ nguyên kết luận', en: 'Upheld' },
  OVERTURNED: { vi: 'Thay đổi kết luận', en: 'Overturned' },
  RETURNED: { vi: 'Trả lại để kết luận lại', en: 'Returned for a new ruling' },
} as const satisfies LabelsOf<AppealDecision>;
