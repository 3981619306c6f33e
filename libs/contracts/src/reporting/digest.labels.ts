import type { LabelsOf } from '../common/labels';
import type { DigestTermKind, FeedFormat, FeedHealthStatus } from './digest.dto';

export const FEED_FORMAT_LABELS = {
  RSS: { vi: 'RSS', en: 'RSS' },
  ATOM: { vi: 'Atom', en: 'Atom' },
  RDF: { vi: 'RDF (RSS 1.0)', en: 'RDF (RSS 1.0)' },
  JSON_FEED: { vi: 'JSON Feed', en: 'JSON Feed' },
} as const satisfies LabelsOf<FeedFormat>;

export const FEED_HEALTH_STATUS_LABELS = {
  PENDING: { vi: 'Chưa lấy tin', en: 'Not polled yet' },
  HEALTHY: { vi: 'Hoạt động bình thường', en: 'Healthy' },
  FAILING: { vi: 'Đang lỗi', en: 'Failing' },
  DISABLED: { vi: 'Đã tắt', en: 'Disabled' },
} as const satisfies LabelsOf<FeedHealthStatus>;

export const DIGEST_TERM_KIND_LABELS = {
  KEYWORD: { vi: 'Từ khóa', en: 'Keyword' },
  LOCALITY: { vi: 'Địa bàn', en: 'Locality' },
} as const satisfies LabelsOf<DigestTermKind>;
