import { ConsultationModes, ConsultationStatuses, OpinionPositions, type ConsultationMode, type ConsultationStatus, type OpinionPosition } from '@phoi-hop/contracts';
import { contractEnum } from '../common/contract-enum';

export const ConsultationModeEnum = contractEnum('ConsultationMode', ConsultationModes, 'How the agencies are consulted (Đ4.2)', {
  MEETING: 'A meeting: agenda, attendance, minutes',
  WRITTEN: 'In writing: each invited agency gives its opinion by the deadline',
});
export type ConsultationModeEnum = ConsultationMode;

export const ConsultationStatusEnum = contractEnum('ConsultationStatus', ConsultationStatuses, 'Where a consultation stands', {
  OPEN: 'Under way',
  RESOLVED: 'Resolved with the agreed handling plan',
  CANCELLED: 'Cancelled',
});
export type ConsultationStatusEnum = ConsultationStatus;

export const OpinionPositionEnum = contractEnum('OpinionPosition', OpinionPositions, 'An invited agency’s position on the proposed handling (Đ5.3)', {
  AGREE: 'Agrees with the proposed handling',
  DISAGREE: 'Disagrees',
  ALTERNATIVE: 'Proposes another handling (alternativeProposal)',
});
export type OpinionPositionEnum = OpinionPosition;
