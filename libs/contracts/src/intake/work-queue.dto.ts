import { IsInt, Max, Min } from 'class-validator';
import type { Severity } from '../common/codes';
import type { HandlingActionTypeCode } from '../decision/decision.dto';
import type { CaseStatus } from './intake.dto';

/** What an agency owes on a case: the step, whose it is, and by when. */
export const WorkItemKinds = ['TRIAGE', 'DECIDE', 'HANDLING_ACTION', 'OPINION'] as const;
export type WorkItemKind = (typeof WorkItemKinds)[number];

/** `intake.case.queue` and `consultation.opinion.queue`: the viewer's agency's work, soonest deadline first. */
export class WorkQueueRequest {
  @IsInt()
  @Min(1)
  @Max(200)
  first!: number;
}

export interface WorkItemDto {
  kind: WorkItemKind;
  caseId: string;
  caseNumber: string;
  /** The case's status (OPINION items: null, the consultation service does not hold it). */
  caseStatus: CaseStatus | null;
  severity: Severity;
  /** The agency that owes the step. */
  owedBy: string;
  /** When it is due; null when nothing sets a deadline. */
  deadline: string | null;
  overdue: boolean;
  /** HANDLING_ACTION: the action and its type. */
  actionId: string | null;
  actionType: HandlingActionTypeCode | null;
  /** OPINION: the written consultation the agency owes its opinion in. */
  consultationId: string | null;
}

export interface WorkQueueResponse {
  items: WorkItemDto[];
  /** Every item owed, however many `first` let through. */
  totalCount: number;
}
