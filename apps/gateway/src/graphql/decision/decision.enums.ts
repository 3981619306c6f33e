import { Findings, HandlingActionStatuses, HandlingActionTypes, Platforms, RemovalOutcomes, type FindingCode, type HandlingActionStatus, type HandlingActionTypeCode, type Platform, type RemovalOutcome } from '@phoi-hop/contracts';
import { contractEnum } from '../common/contract-enum';

export const FindingEnum = contractEnum('Finding', Findings, 'What the verification found about the content (Đ4.2, Đ5)', {
  FALSE: 'False information',
  MISLEADING: 'Misleading: true facts presented so as to deceive',
  UNLAWFUL: 'Unlawful content (e.g. incitement, fraud, a leak of personal data)',
  TRUE: 'True information: protected, no restrictive action (Đ3.2)',
  OPINION: 'An opinion: protected expression, no restrictive action (Đ3.2)',
  GRIEVANCE: 'A real grievance the responsible agency should resolve (Đ7.2)',
  UNVERIFIABLE: 'Cannot be verified for now',
});
export type FindingEnum = FindingCode;

export const HandlingActionTypeEnum = contractEnum('HandlingActionType', HandlingActionTypes, 'A handling measure of Đ6 assigned to an agency', {
  PUBLISH_CLARIFICATION: 'Publish a clarification or correction (Đ6.1)',
  REQUEST_REMOVAL: 'Ask the platform, through the Ministry, to remove the content; restrictive (needs grounds, Đ3.2)',
  PROPOSE_SANCTION: 'Propose an administrative sanction; restrictive (needs grounds, Đ3.2)',
  REFER_TO_POLICE: 'Refer to the police to establish evidence (Đ6.2); restrictive (needs grounds, Đ3.2)',
  REFER_TO_PRESS_ASSOCIATION: 'Refer a journalist’s conduct to the press association (Đ6.3)',
  RESOLVE_GRIEVANCE: 'Resolve the underlying grievance (Đ7.2)',
  MONITOR: 'Keep monitoring the content',
  NO_ACTION: 'No action',
});
export type HandlingActionTypeEnum = HandlingActionTypeCode;

export const HandlingActionStatusEnum = contractEnum('HandlingActionStatus', HandlingActionStatuses, 'How far a handling action has got', {
  PLANNED: 'Decided, not yet started by the assignee',
  IN_PROGRESS: 'Started by the assignee',
  DONE: 'Done, with its result',
});
export type HandlingActionStatusEnum = HandlingActionStatus;

export const RemovalOutcomeEnum = contractEnum('RemovalOutcome', RemovalOutcomes, 'How the platform answered a removal request', {
  REMOVED: 'The content was removed (effectedAt says when)',
  REFUSED: 'The platform refused',
  NO_RESPONSE: 'The platform did not answer',
});
export type RemovalOutcomeEnum = RemovalOutcome;

export const PlatformEnum = contractEnum('Platform', Platforms, 'A platform a removal request goes to (through the Ministry)', {
  FACEBOOK: 'Facebook and Messenger',
  YOUTUBE: 'YouTube',
  TIKTOK: 'TikTok',
  ZALO: 'Zalo',
  X: 'X (Twitter)',
  INSTAGRAM: 'Instagram',
  TELEGRAM: 'Telegram',
  OTHER: 'Any other website',
});
export type PlatformEnum = Platform;
