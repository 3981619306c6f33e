import { labelledEnum } from '../common/labelled-enum';

// Closed sets of the press service (Đ6.3), made from their `as const` lists with their labels.
export const PressRuleSetEnum = labelledEnum('PressRuleSet', 'The codes of conduct of the press association a complaint can cite');
export const ComplaintOriginEnum = labelledEnum('ComplaintOrigin', 'Where a press-ethics complaint came from');
export const ComplaintStatusEnum = labelledEnum('ComplaintStatus', 'The stages of a press-ethics complaint');
export const InadmissibilityReasonEnum = labelledEnum('InadmissibilityReason', 'Why a complaint was found inadmissible');
export const ReplyRecipientRoleEnum = labelledEnum('ReplyRecipientRole', 'Who is asked to reply: the journalist or the outlet’s editor');
export const ReplyChannelEnum = labelledEnum('ReplyChannel', 'How a reply reached the ethics board');
export const RulingOutcomeEnum = labelledEnum('RulingOutcome', 'What the ethics board decides; anything but NO_VIOLATION is a sanction');
export const AppealPartyEnum = labelledEnum('AppealParty', 'Who appeals a ruling');
export const AppealGroundEnum = labelledEnum('AppealGround', 'The grounds an appeal is lodged on');
export const AppealDecisionEnum = labelledEnum('AppealDecision', 'What the appeal reviewer decides');
