// Đ6.3: the provincial press association handles breaches of journalists' professional rules, the way
// press councils do: notice, a right of reply before any ruling, reasons citing the rule, an appeal
// heard by someone else.

/** The two codes of conduct a complaint can cite (versioned reference data of the province seed). */
export const PressRuleSets = ['JOURNALIST_ETHICS', 'SOCIAL_NETWORK_CONDUCT'] as const;
export type PressRuleSet = (typeof PressRuleSets)[number];

/** Where a complaint came from: a case's REFER_TO_PRESS_ASSOCIATION action, or an agency directly. */
export const ComplaintOrigins = ['CASE_ACTION', 'AGENCY'] as const;
export type ComplaintOrigin = (typeof ComplaintOrigins)[number];

/**
 * The stages of a complaint. INCOMPLETE: opened from a case action, the article and the rules are
 * still to be given. INADMISSIBLE and CLOSED are final; an inadmissible complaint keeps its reasons.
 */
export const ComplaintStatuses = ['INCOMPLETE', 'INADMISSIBLE', 'AWAITING_REPLY', 'AWAITING_RULING', 'RULED', 'UNDER_APPEAL', 'CLOSED'] as const;
export type ComplaintStatus = (typeof ComplaintStatuses)[number];

/** Why a complaint was found inadmissible. */
export const InadmissibilityReasons = ['NO_RULE_CITED', 'FILED_TOO_LATE'] as const;
export type InadmissibilityReason = (typeof InadmissibilityReasons)[number];

/** Who is asked to reply: the journalist of the byline and the outlet's editor. */
export const ReplyRecipientRoles = ['JOURNALIST', 'EDITOR'] as const;
export type ReplyRecipientRole = (typeof ReplyRecipientRoles)[number];

/** How a reply reached the board: the one-time link of the notice, or GraphQL by a user of the outlet's agency. */
export const ReplyChannels = ['LINK', 'AGENCY_USER'] as const;
export type ReplyChannel = (typeof ReplyChannels)[number];

/** What the ethics board decides; anything but NO_VIOLATION is a sanction (a restrictive action, Đ3.2). */
export const RulingOutcomes = ['NO_VIOLATION', 'REMINDER', 'WARNING', 'REPRIMAND', 'REFER_FOR_MEMBERSHIP_SANCTION'] as const;
export type RulingOutcome = (typeof RulingOutcomes)[number];

/** Who appeals a ruling. */
export const AppealParties = ['COMPLAINANT', 'RESPONDENT'] as const;
export type AppealParty = (typeof AppealParties)[number];

export const AppealGrounds = ['PROCEDURAL_ERROR', 'NEW_INFORMATION', 'MISAPPLIED_RULE'] as const;
export type AppealGround = (typeof AppealGrounds)[number];

/** The reviewer's decision: the ruling stands, is replaced, or goes back for a new ruling. */
export const AppealDecisions = ['UPHELD', 'OVERTURNED', 'RETURNED'] as const;
export type AppealDecision = (typeof AppealDecisions)[number];
