import { labelledEnum } from '../common/labelled-enum';

// Closed sets of the reporting service, made from their `as const` lists with their labels.
export const CaseOutcomeEnum = labelledEnum('CaseOutcome', 'What a case came to: the finding of its latest decision, or dismissed, merged, pending');
export const TimelinessMeasureEnum = labelledEnum('TimelinessMeasure', 'A duration the statistics give the median and 90th percentile of');
export const PressEventKindEnum = labelledEnum('PressEventKind', 'Press-ethics events (Đ6.3) the statistics count');
