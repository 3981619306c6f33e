import type { ParticipantRole, Severity } from './codes';
import type { LabelsOf } from './labels';
import type { Role } from './actor';

export const SEVERITY_LABELS = {
  LOW: { vi: 'Thấp', en: 'Low' },
  MEDIUM: { vi: 'Trung bình', en: 'Medium' },
  HIGH: { vi: 'Cao', en: 'High' },
  CRITICAL: { vi: 'Đặc biệt nghiêm trọng', en: 'Critical' },
} as const satisfies LabelsOf<Severity>;

/** Đ6: the agency that leads a case (Sở TT&TT, Đ6.1), those that take part, those kept informed. */
export const PARTICIPANT_ROLE_LABELS = {
  LEAD: { vi: 'Chủ trì', en: 'Lead agency' },
  PARTICIPANT: { vi: 'Phối hợp', en: 'Participating agency' },
  INFORMED: { vi: 'Được thông báo', en: 'Kept informed' },
} as const satisfies LabelsOf<ParticipantRole>;

export const ROLE_LABELS = {
  ADMIN: { vi: 'Quản trị hệ thống', en: 'Administrator' },
  COORDINATOR: { vi: 'Điều phối viên (cơ quan chủ trì)', en: 'Coordinator (lead agency)' },
  OFFICER: { vi: 'Cán bộ đầu mối', en: 'Officer' },
  INVESTIGATOR: { vi: 'Điều tra viên (Công an)', en: 'Investigator (police)' },
  ETHICS_OFFICER: { vi: 'Cán bộ đạo đức nghề nghiệp (Hội Nhà báo)', en: 'Ethics officer (press association)' },
  LEADER: { vi: 'Lãnh đạo tỉnh', en: 'Provincial leadership' },
  AUDITOR: { vi: 'Kiểm tra, giám sát', en: 'Auditor' },
  API_CLIENT: { vi: 'Hệ thống kết nối (khóa API)', en: 'Machine client (API key)' },
} as const satisfies LabelsOf<Role>;
