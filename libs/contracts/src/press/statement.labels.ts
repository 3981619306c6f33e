import type { LabelsOf } from '../common/labels';
import type { ClaimRating, StatementStatus } from './statement.dto';

export const STATEMENT_STATUS_LABELS = {
  DRAFT: { vi: 'Dự thảo', en: 'Draft' },
  PUBLISHED: { vi: 'Đã công bố', en: 'Published' },
  CORRECTED: { vi: 'Đã đính chính', en: 'Corrected' },
  WITHDRAWN: { vi: 'Đã thu hồi', en: 'Withdrawn' },
} as const satisfies LabelsOf<StatementStatus>;

/** The Vietnamese label is the ClaimReview's `reviewRating.alternateName`: what fact-checkers' tools show. */
export const CLAIM_RATING_LABELS = {
  FALSE: { vi: 'Sai sự thật', en: 'False' },
  MOSTLY_FALSE: { vi: 'Phần lớn sai sự thật', en: 'Mostly false' },
  MISLEADING: { vi: 'Gây hiểu nhầm', en: 'Misleading' },
  MOSTLY_TRUE: { vi: 'Phần lớn đúng sự thật', en: 'Mostly true' },
  TRUE: { vi: 'Đúng sự thật', en: 'True' },
} as const satisfies LabelsOf<ClaimRating>;
