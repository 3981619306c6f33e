import { DomainError, ErrorCodes, type CaseStatus } from '@phoi-hop/contracts';

/** What can be done to a case (Đ4.2, Đ5, Đ7.2). */
export type CaseCommand =
  | { kind: 'TRIAGE' }
  | { kind: 'START_CONSULTATION' }
  | { kind: 'DECIDE' }
  | { kind: 'START_ACTING' }
  | { kind: 'CLOSE'; allActionsDone: boolean }
  | { kind: 'DISMISS'; reason: string }
  | { kind: 'MERGE'; intoCaseId: string }
  | { kind: 'REOPEN'; reason: string };

const TRANSITIONS: Record<CaseCommand['kind'], Partial<Record<CaseStatus, CaseStatus>>> = {
  TRIAGE: { OPEN: 'TRIAGED' },
  // A case may be consulted on again while in consultation (several consultations over time).
  START_CONSULTATION: { TRIAGED: 'IN_CONSULTATION', IN_CONSULTATION: 'IN_CONSULTATION' },
  DECIDE: { TRIAGED: 'DECIDED', IN_CONSULTATION: 'DECIDED' },
  START_ACTING: { DECIDED: 'ACTING' },
  // A decision of "no action" closes from DECIDED; otherwise every action must be done.
  CLOSE: { DECIDED: 'CLOSED', ACTING: 'CLOSED' },
  DISMISS: { OPEN: 'DISMISSED', TRIAGED: 'DISMISSED', IN_CONSULTATION: 'DISMISSED' },
  MERGE: { OPEN: 'MERGED', TRIAGED: 'MERGED' },
  REOPEN: { CLOSED: 'TRIAGED', DISMISSED: 'TRIAGED' },
};

export class CaseStateError extends DomainError {}

/**
 * The case state machine: OPEN → TRIAGED → IN_CONSULTATION → DECIDED → ACTING → CLOSED, with
 * DISMISSED and MERGED, and reopening with a reason. An illegal move is INVALID_STATE.
 */
export function nextStatus(current: CaseStatus, command: CaseCommand): CaseStatus {
  const next = TRANSITIONS[command.kind][current];
  if (!next) throw new CaseStateError(ErrorCodes.INVALID_STATE, `A case that is ${current} cannot ${command.kind.toLowerCase().replace(/_/g, ' ')}`, 'status');
  if (command.kind === 'CLOSE' && current === 'ACTING' && !command.allActionsDone) {
    throw new CaseStateError(ErrorCodes.INVALID_STATE, 'A case closes only when every handling action is done', 'status');
  }
  if ((command.kind === 'REOPEN' || command.kind === 'DISMISS') && command.reason.trim().length < 3) {
    throw new CaseStateError(ErrorCodes.BAD_USER_INPUT, `${command.kind === 'REOPEN' ? 'Reopening' : 'Dismissing'} a case needs a reason`, 'reason');
  }
  return next;
}

/** Đ7.2: a closed case records its outcome in a sentence, not a word. */
export const MIN_CLOSING_OUTCOME_LENGTH = 10;

/** The CLOSE command for a case with `openActions` handling actions not yet done, once its outcome summary is long enough. */
export function closeCommand(outcome: string | null | undefined, openActions: number): CaseCommand {
  if (!outcome || outcome.trim().length < MIN_CLOSING_OUTCOME_LENGTH) throw new CaseStateError(ErrorCodes.BAD_USER_INPUT, 'Closing a case needs an outcome summary', 'reason');
  return { kind: 'CLOSE', allActionsDone: openActions === 0 };
}

/** The commands a case in `status` accepts (for front ends to offer only what is possible). */
export function allowedCommands(status: CaseStatus): CaseCommand['kind'][] {
  return (Object.keys(TRANSITIONS) as CaseCommand['kind'][]).filter((kind) => TRANSITIONS[kind][status] !== undefined);
}
