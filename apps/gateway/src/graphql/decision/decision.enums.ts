import type { FindingCode, HandlingActionStatus, HandlingActionTypeCode, Platform, RemovalOutcome } from '@phoi-hop/contracts';
import { labelledEnum } from '../common/labelled-enum';

export const FindingEnum = labelledEnum('Finding', 'What the verification found about the content (Đ4.2, Đ5)');
export type FindingEnum = FindingCode;

export const HandlingActionTypeEnum = labelledEnum('HandlingActionType', 'A handling measure of Đ6 assigned to an agency');
export type HandlingActionTypeEnum = HandlingActionTypeCode;

export const HandlingActionStatusEnum = labelledEnum('HandlingActionStatus', 'How far a handling action has got');
export type HandlingActionStatusEnum = HandlingActionStatus;

export const RemovalOutcomeEnum = labelledEnum('RemovalOutcome', 'How the platform answered a removal request');
export type RemovalOutcomeEnum = RemovalOutcome;

export const PlatformEnum = labelledEnum('Platform', 'A platform a removal request goes to (through the Ministry)');
export type PlatformEnum = Platform;
