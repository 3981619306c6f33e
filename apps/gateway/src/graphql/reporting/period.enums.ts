import { labelledEnum } from '../common/labelled-enum';

// Closed sets of the periodic reports, transparency report and statements of reasons.
export const ReportPeriodKindEnum = labelledEnum('ReportPeriodKind', 'A periodic report: six-monthly, annual or ad hoc (Đ7.3–7.4)');
export const ReportPeriodStatusEnum = labelledEnum('ReportPeriodStatus', 'Whether a report period still takes sections');
export const ReportSectionStatusEnum = labelledEnum('ReportSectionStatus', 'Where an agency’s section of a periodic report stands');
export const ReportDocumentFormatEnum = labelledEnum('ReportDocumentFormat', 'The file a document is rendered as');
export const DsaDecisionVisibilityEnum = labelledEnum(
  'DsaDecisionVisibility',
  'How a decision restricts content, as the EU DSA transparency database names it',
);
export const DsaDecisionGroundEnum = labelledEnum('DsaDecisionGround', 'The ground of a decision, as the EU DSA transparency database names it');
export const DsaAutomatedDecisionEnum = labelledEnum('DsaAutomatedDecision', 'Whether a decision was automated, as the EU DSA transparency database names it');
