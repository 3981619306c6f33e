import type { LabelsOf } from '../common/labels';
import type {
  EvidenceKind,
  EvidencePartRole,
  ImageHashSource,
  IndicatorKind,
  IndicatorOrigin,
  IntegrityStatus,
  PoliceOutcomeCategory,
  PoliceReferralStatus,
  PublicSourceKind,
  ScreenshotStatus,
  SourcePlatform,
  TimestampStatus,
} from './evidence.dto';

export const EVIDENCE_KIND_LABELS = {
  WEB_CAPTURE: { vi: 'Trang web được thu giữ', en: 'Captured web page' },
  FILE: { vi: 'Tệp tải lên', en: 'Uploaded file' },
  TEXT_EXCERPT: { vi: 'Trích đoạn văn bản', en: 'Text excerpt' },
} as const satisfies LabelsOf<EvidenceKind>;

export const EVIDENCE_PART_ROLE_LABELS = {
  WARC: { vi: 'Bản lưu WARC', en: 'WARC record' },
  TEXT: { vi: 'Văn bản trích xuất', en: 'Extracted text' },
  SCREENSHOT: { vi: 'Ảnh chụp màn hình', en: 'Screenshot' },
  ORIGINAL: { vi: 'Tệp gốc', en: 'Original file' },
} as const satisfies LabelsOf<EvidencePartRole>;

export const SCREENSHOT_STATUS_LABELS = {
  TAKEN: { vi: 'Đã chụp', en: 'Taken' },
  UNAVAILABLE: { vi: 'Không chụp được', en: 'Unavailable' },
} as const satisfies LabelsOf<ScreenshotStatus>;

export const INTEGRITY_STATUS_LABELS = {
  OK: { vi: 'Toàn vẹn', en: 'Intact' },
  FAILED: { vi: 'Không toàn vẹn', en: 'Failed' },
} as const satisfies LabelsOf<IntegrityStatus>;

export const TIMESTAMP_STATUS_LABELS = {
  PENDING: { vi: 'Đang chờ dấu thời gian', en: 'Pending' },
  VERIFIED: { vi: 'Đã có dấu thời gian hợp lệ', en: 'Verified' },
  FAILED: { vi: 'Chưa lấy được dấu thời gian, sẽ thử lại', en: 'Failed, to be retried' },
} as const satisfies LabelsOf<TimestampStatus>;

/** Đ6.2: the stages of a referral to the provincial police. */
export const POLICE_REFERRAL_STATUS_LABELS = {
  REQUESTED: { vi: 'Đã đề nghị', en: 'Requested' },
  ACCEPTED: { vi: 'Công an đã tiếp nhận', en: 'Accepted' },
  IN_PROGRESS: { vi: 'Đang xác minh, điều tra', en: 'In progress' },
  CONCLUDED: { vi: 'Đã có kết quả', en: 'Concluded' },
  DECLINED: { vi: 'Công an không tiếp nhận', en: 'Declined' },
} as const satisfies LabelsOf<PoliceReferralStatus>;

export const POLICE_OUTCOME_CATEGORY_LABELS = {
  PROSECUTED: { vi: 'Khởi tố', en: 'Prosecuted' },
  ADMINISTRATIVE_SANCTION: { vi: 'Xử phạt vi phạm hành chính', en: 'Administrative sanction' },
  WARNING: { vi: 'Nhắc nhở, cảnh cáo', en: 'Warning' },
  NO_VIOLATION: { vi: 'Không vi phạm', en: 'No violation' },
  INSUFFICIENT_EVIDENCE: { vi: 'Chưa đủ căn cứ', en: 'Insufficient evidence' },
  TRANSFERRED: { vi: 'Chuyển cơ quan khác', en: 'Transferred' },
} as const satisfies LabelsOf<PoliceOutcomeCategory>;

export const SOURCE_PLATFORM_LABELS = {
  FACEBOOK: { vi: 'Facebook', en: 'Facebook' },
  YOUTUBE: { vi: 'YouTube', en: 'YouTube' },
  TIKTOK: { vi: 'TikTok', en: 'TikTok' },
  WEB: { vi: 'Trang web', en: 'Website' },
} as const satisfies LabelsOf<SourcePlatform>;

export const PUBLIC_SOURCE_KIND_LABELS = {
  PAGE: { vi: 'Trang', en: 'Page' },
  GROUP: { vi: 'Nhóm', en: 'Group' },
  CHANNEL: { vi: 'Kênh', en: 'Channel' },
  ACCOUNT: { vi: 'Tài khoản', en: 'Account' },
  WEBSITE: { vi: 'Trang web', en: 'Website' },
} as const satisfies LabelsOf<PublicSourceKind>;

export const IMAGE_HASH_SOURCE_LABELS = {
  ORIGINAL: { vi: 'Ảnh tải lên', en: 'Uploaded picture' },
  SCREENSHOT: { vi: 'Ảnh chụp màn hình trang', en: 'Page screenshot' },
  PAGE_IMAGE: { vi: 'Ảnh trên trang được thu giữ', en: 'Image on the captured page' },
} as const satisfies LabelsOf<ImageHashSource>;

export const INDICATOR_KIND_LABELS = {
  DOMAIN: { vi: 'Tên miền', en: 'Domain' },
  PHONE: { vi: 'Số điện thoại', en: 'Phone number' },
  BANK_ACCOUNT: { vi: 'Số tài khoản ngân hàng', en: 'Bank account number' },
  EMAIL: { vi: 'Địa chỉ thư điện tử', en: 'E-mail address' },
} as const satisfies LabelsOf<IndicatorKind>;

export const INDICATOR_ORIGIN_LABELS = {
  DERIVED: { vi: 'Trích tự động từ nội dung', en: 'Derived from the content' },
  OFFICER: { vi: 'Cán bộ bổ sung', en: 'Added by an officer' },
} as const satisfies LabelsOf<IndicatorOrigin>;
