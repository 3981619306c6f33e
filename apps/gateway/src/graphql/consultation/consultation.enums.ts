import type { ConsultationMode, ConsultationStatus, OpinionPosition } from '@phoi-hop/contracts';
import { labelledEnum } from '../common/labelled-enum';

export const ConsultationModeEnum = labelledEnum('ConsultationMode', 'How the agencies are consulted (Đ4.2)');
export type ConsultationModeEnum = ConsultationMode;

export const ConsultationStatusEnum = labelledEnum('ConsultationStatus', 'Where a consultation stands');
export type ConsultationStatusEnum = ConsultationStatus;

export const OpinionPositionEnum = labelledEnum('OpinionPosition', 'An invited agency’s position on the proposed handling (Đ5.3)');
export type OpinionPositionEnum = OpinionPosition;
