import type { LabelsOf } from '../common/labels';
import type { AgencyKindCode, LocalityKindCode, ReferenceKindCode, RoutingReason } from './directory.dto';
import type { UserChange } from './identity.dto';

export const AGENCY_KIND_LABELS = {
  DEPARTMENT: { vi: 'Sở, ban, ngành', en: 'Department' },
  PEOPLES_COMMITTEE: { vi: 'Ủy ban nhân dân', en: "People's Committee" },
  PARTY_COMMITTEE: { vi: 'Cơ quan tham mưu của Tỉnh ủy', en: 'Party committee body' },
  POLICE: { vi: 'Công an', en: 'Police' },
  PRESS_ORGAN: { vi: 'Cơ quan báo chí', en: 'Press organ' },
  ASSOCIATION: { vi: 'Hội, đoàn thể', en: 'Association' },
  OFFICE: { vi: 'Văn phòng', en: 'Office' },
} as const satisfies LabelsOf<AgencyKindCode>;

export const LOCALITY_KIND_LABELS = {
  CITY: { vi: 'Thành phố', en: 'City' },
  TOWN: { vi: 'Thị xã', en: 'Town' },
  DISTRICT: { vi: 'Huyện', en: 'District' },
} as const satisfies LabelsOf<LocalityKindCode>;

export const REFERENCE_KIND_LABELS = {
  AGENCY: { vi: 'Cơ quan', en: 'Agency' },
  LOCALITY: { vi: 'Địa bàn', en: 'Locality' },
  SECTOR: { vi: 'Lĩnh vực', en: 'Sector' },
  CATEGORY: { vi: 'Loại thông tin xấu, độc', en: 'Category' },
  RULE: { vi: 'Quy tắc phân công trách nhiệm', en: 'Responsibility rule' },
  SLA: { vi: 'Thời hạn xử lý', en: 'Handling time limits' },
  PRESS_RULE: { vi: 'Điều khoản quy định đạo đức nghề nghiệp người làm báo', en: 'Press-ethics rule' },
  PUBLIC_HOLIDAY: { vi: 'Ngày nghỉ lễ, Tết', en: 'Public holiday' },
} as const satisfies LabelsOf<ReferenceKindCode>;

export const USER_CHANGE_LABELS = {
  CREATED: { vi: 'Tạo tài khoản', en: 'Created' },
  UPDATED: { vi: 'Cập nhật tài khoản', en: 'Updated' },
  DISABLED: { vi: 'Khóa tài khoản', en: 'Disabled' },
  ENABLED: { vi: 'Mở khóa tài khoản', en: 'Enabled' },
} as const satisfies LabelsOf<UserChange>;

/** Templates: the placeholders are the explanation's `params`. */
export const ROUTING_REASON_LABELS = {
  ALWAYS: { vi: 'Áp dụng cho mọi vụ việc', en: 'Applies to every case' },
  CONDITIONS_HOLD: { vi: 'Đủ điều kiện của quy tắc', en: 'The rule’s conditions hold' },
  CATEGORY_NOT_LISTED: { vi: 'Loại thông tin {category} không thuộc {listed}', en: 'Category {category} is not one of {listed}' },
  CATEGORY_TAGS_MISSING: { vi: 'Loại thông tin {category} không có nhóm nào trong {listed}', en: 'Category {category} has none of the tags {listed}' },
  SECTOR_NOT_LISTED: { vi: 'Lĩnh vực {sector} không thuộc {listed}', en: 'Sector {sector} is not one of {listed}' },
  LOCALITY_NOT_LISTED: { vi: 'Địa bàn {locality} không thuộc {listed}', en: 'Locality {locality} is not one of {listed}' },
  SEVERITY_NOT_LISTED: { vi: 'Mức độ {severity} không thuộc {listed}', en: 'Severity {severity} is not one of {listed}' },
  NO_KEYWORD: { vi: 'Nội dung không nêu từ nào trong: {listed}', en: 'The text names none of: {listed}' },
  NO_LOCALITY: { vi: 'Vụ việc chưa có địa bàn', en: 'The case has no locality' },
  NO_SECTOR: { vi: 'Vụ việc chưa có lĩnh vực', en: 'The case has no sector' },
  AGENCY_NOT_VALID: {
    vi: 'Cơ quan {agency} không còn hoạt động ngày {day} và không có cơ quan kế thừa',
    en: 'Agency {agency} is not valid on {day} and has no valid successor',
  },
} as const satisfies LabelsOf<RoutingReason>;
