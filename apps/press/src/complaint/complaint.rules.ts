import { ErrorCodes, type AppealDecision, type ComplaintStatus, type ErrorCode, type InadmissibilityReason, type RulingOutcome } from '@phoi-hop/contracts';

/** A refusal with its stable code and a message safe to show. */
export interface Refusal {
  code: ErrorCode;
  message: string;
  field?: string;
}

const refuse = (code: ErrorCode, message: string, field?: string): Refusal => ({ code, message, ...(field ? { field } : {}) });

/** The province day `months` months after `day` (clamped to the month's last day: 31 Aug + 6 months = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export type Admissibility = { admissible: true } | { admissible: false; reasons: InadmissibilityReason[]; note: string };

/**
 * Đ6.3 admissibility: a complaint cites at least one rule and is filed within `admissibleMonths`
 * of publication (the last day counts). Both reasons are reported when both apply.
 */
export function judgeAdmissibility(input: {
  ruleCodes: readonly string[];
  publicationDate: string;
  filedDay: string;
  admissibleMonths: number;
}): Admissibility {
  const reasons: InadmissibilityReason[] = [];
  const notes: string[] = [];
  if (input.ruleCodes.length === 0) {
    reasons.push('NO_RULE_CITED');
    notes.push('Khiếu nại không viện dẫn quy định đạo đức nghề nghiệp nào.');
  }
  const lastDay = addMonths(input.publicationDate, input.admissibleMonths);
  if (input.filedDay > lastDay) {
    reasons.push('FILED_TOO_LATE');
    notes.push(`Khiếu nại gửi ngày ${input.filedDay}, quá ${input.admissibleMonths} tháng kể từ ngày đăng ${input.publicationDate} (hạn cuối ${lastDay}).`);
  }
  return reasons.length ? { admissible: false, reasons, note: notes.join(' ') } : { admissible: true };
}

/** Anything but NO_VIOLATION is a sanction: a restrictive action that needs grounds (Đ3.2). */
export function isSanction(outcome: RulingOutcome): boolean {
  return outcome !== 'NO_VIOLATION';
}

export interface RulingContext {
  status: ComplaintStatus;
  replyDueAt: Date | null;
  complainantAgency: string;
}

/**
 * Whether a board member of `agencyCode` may rule now. A ruling waits for the reply or for the
 * window to close (REPLY_WINDOW_OPEN); nobody rules on their own agency's complaint.
 */
export function rulingRefusal(complaint: RulingContext, agencyCode: string, now: Date): Refusal | null {
  if (complaint.status !== 'AWAITING_REPLY' && complaint.status !== 'AWAITING_RULING')
    return refuse(ErrorCodes.INVALID_STATE, `A complaint that is ${complaint.status} cannot be ruled on`);
  if (agencyCode === complaint.complainantAgency)
    return refuse(ErrorCodes.FORBIDDEN, 'A board member from the complaining agency cannot rule on its complaint');
  if (complaint.status === 'AWAITING_REPLY' && complaint.replyDueAt && now.getTime() <= complaint.replyDueAt.getTime())
    return refuse(
      ErrorCodes.REPLY_WINDOW_OPEN,
      `The journalist may reply until ${complaint.replyDueAt.toISOString()}; no ruling before the reply or the end of the window`,
    );
  return null;
}

export interface AppealContext {
  status: ComplaintStatus;
  appealDueAt: Date | null;
  complainantAgency: string;
  outletAgencyCode: string | null;
}

/** Who may appeal: the complaining agency as COMPLAINANT, a user of the outlet's agency as RESPONDENT, before the appeal time ends. */
export function appealRefusal(complaint: AppealContext, party: 'COMPLAINANT' | 'RESPONDENT', agencyCode: string, now: Date): Refusal | null {
  if (complaint.status !== 'RULED') return refuse(ErrorCodes.INVALID_STATE, `A complaint that is ${complaint.status} cannot be appealed`);
  if (complaint.appealDueAt && now.getTime() > complaint.appealDueAt.getTime())
    return refuse(ErrorCodes.INVALID_STATE, `The time to appeal ended at ${complaint.appealDueAt.toISOString()}`);
  if (party === 'COMPLAINANT' && agencyCode !== complaint.complainantAgency)
    return refuse(ErrorCodes.FORBIDDEN, 'Only the complaining agency appeals as the complainant', 'party');
  if (party === 'RESPONDENT' && agencyCode !== complaint.outletAgencyCode)
    return refuse(ErrorCodes.FORBIDDEN, 'Only a user of the outlet appeals as the respondent', 'party');
  return null;
}

export interface AppealHearingContext {
  status: ComplaintStatus;
  complainantAgency: string;
  /** Everyone who ruled on the complaint (every round). */
  rulers: readonly string[];
  rulingOutcome: RulingOutcome;
}

/** Whether a reviewer may decide the appeal: someone who took no part in any ruling, not of the complaining agency. */
export function appealDecisionRefusal(
  complaint: AppealHearingContext,
  reviewer: { userId: string; agencyCode: string },
  decision: { decision: AppealDecision; substitutedOutcome?: RulingOutcome },
): Refusal | null {
  if (complaint.status !== 'UNDER_APPEAL') return refuse(ErrorCodes.INVALID_STATE, `A complaint that is ${complaint.status} has no appeal to decide`);
  if (complaint.rulers.includes(reviewer.userId)) return refuse(ErrorCodes.FORBIDDEN, 'An appeal is heard by a reviewer who took no part in the ruling');
  if (reviewer.agencyCode === complaint.complainantAgency)
    return refuse(ErrorCodes.FORBIDDEN, 'A board member from the complaining agency cannot hear the appeal');
  if (decision.decision === 'OVERTURNED' && !decision.substitutedOutcome)
    return refuse(ErrorCodes.BAD_USER_INPUT, 'substitutedOutcome is required when the ruling is overturned', 'substitutedOutcome');
  if (decision.decision === 'OVERTURNED' && decision.substitutedOutcome === complaint.rulingOutcome)
    return refuse(ErrorCodes.BAD_USER_INPUT, 'substitutedOutcome must differ from the ruling it overturns', 'substitutedOutcome');
  if (decision.decision !== 'OVERTURNED' && decision.substitutedOutcome)
    return refuse(ErrorCodes.BAD_USER_INPUT, 'substitutedOutcome is given only when the ruling is overturned', 'substitutedOutcome');
  return null;
}

/** Where an appeal's decision leaves the complaint: back for a new ruling, or closed. */
export function statusAfterAppeal(decision: AppealDecision): ComplaintStatus {
  return decision === 'RETURNED' ? 'AWAITING_RULING' : 'CLOSED';
}

/**
 * Whether the respondent's details may be purged: the complaint is over (inadmissible or closed,
 * or ruled with the appeal time passed and no appeal pending).
 */
export function respondentPurgeDue(complaint: { status: ComplaintStatus; appealDueAt: Date | null }, now: Date): boolean {
  if (complaint.status === 'INADMISSIBLE' || complaint.status === 'CLOSED') return true;
  return complaint.status === 'RULED' && complaint.appealDueAt !== null && now.getTime() > complaint.appealDueAt.getTime();
}

const GROUNDING_FINDINGS = new Set(['FALSE', 'MISLEADING', 'UNLAWFUL']);

/**
 * Whether the case has a decision that passed intake's restrictive-action gate (Đ3.2): a finding
 * that can ground a restriction, a cited provision, and an assessment concluding the content is
 * not protected expression. With `decisionId`, that decision; otherwise any decision of the case.
 */
export function hasGroundedDecision(
  decisions: ReadonlyArray<{ id: string; finding: string; provisions: readonly unknown[]; assessment: { concludesNotProtected: boolean } | null }>,
  decisionId: string | null,
): boolean {
  return decisions.some(
    (d) =>
      (decisionId === null || d.id === decisionId) &&
      GROUNDING_FINDINGS.has(d.finding) &&
      d.provisions.length > 0 &&
      d.assessment !== null &&
      d.assessment.concludesNotProtected,
  );
}
