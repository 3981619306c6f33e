import type { LabelsOf } from '../common/labels';
import type { DsaAutomatedDecision, DsaDecisionGround, DsaDecisionVisibility } from './transparency.dto';

export const DSA_DECISION_VISIBILITY_LABELS = {
  DECISION_VISIBILITY_CONTENT_REMOVED: { vi: 'Gỡ bỏ nội dung', en: 'Content removed' },
  DECISION_VISIBILITY_CONTENT_DISABLED: { vi: 'Chặn truy cập nội dung', en: 'Content disabled' },
  DECISION_VISIBILITY_CONTENT_LABELLED: { vi: 'Đính chính, cải chính thông tin', en: 'Content labelled (clarification published)' },
  DECISION_VISIBILITY_OTHER: { vi: 'Biện pháp khác', en: 'Other' },
} as const satisfies LabelsOf<DsaDecisionVisibility>;

export const DSA_DECISION_GROUND_LABELS = {
  DECISION_GROUND_ILLEGAL_CONTENT: { vi: 'Nội dung vi phạm pháp luật', en: 'Illegal content' },
  DECISION_GROUND_INCOMPATIBLE_CONTENT: { vi: 'Nội dung trái điều khoản dịch vụ', en: 'Incompatible with terms and conditions' },
} as const satisfies LabelsOf<DsaDecisionGround>;

export const DSA_AUTOMATED_DECISION_LABELS = {
  AUTOMATED_DECISION_FULLY: { vi: 'Hoàn toàn tự động', en: 'Fully automated' },
  AUTOMATED_DECISION_PARTIALLY: { vi: 'Tự động một phần', en: 'Partially automated' },
  AUTOMATED_DECISION_NOT_AUTOMATED: { vi: 'Do con người quyết định', en: 'Not automated' },
} as const satisfies LabelsOf<DsaAutomatedDecision>;
