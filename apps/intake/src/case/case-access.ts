import { Roles, type Actor, type CaseAccessDto, type CaseAccessReason, type CaseAction, type CaseStatus, type ParticipantRole, type ViewerAccess } from '@phoi-hop/contracts';
import { CASE_WIDE_ROLES, hasAnyRole, mayCallOperation, type GraphQLOperation } from '@phoi-hop/auth';
import { allowedCommands, type CaseCommand } from './case-lifecycle';

/** What decides who sees a case and what they may do to it. */
export interface CaseAccessFacts {
  status: CaseStatus;
  visibleAgencies: readonly string[];
  /** Participants still responsible (ended ones left out). */
  participants: ReadonlyArray<{ agencyCode: string; role: ParticipantRole; basis: string }>;
  reporterAgencies: readonly string[];
  actions: ReadonlyArray<{ type: string; assigneeAgencyCode: string; status: string }>;
  /** null when the reports were not read (a list of cases): then splitting is offered and the gateway checks the count. */
  reportCount: number | null;
  possibleDuplicateCount: number;
}

const ROLE_REASON: Record<ParticipantRole, CaseAccessReason> = { LEAD: 'LEAD', PARTICIPANT: 'PARTICIPANT', INFORMED: 'INFORMED' };

/** Every agency that may see the case, in the order they came to it, with each reason. */
export function caseAccess(facts: CaseAccessFacts): CaseAccessDto[] {
  return facts.visibleAgencies.map((agencyCode) => {
    const reasons: CaseAccessDto['reasons'] = facts.participants
      .filter((p) => p.agencyCode === agencyCode)
      .map((p) => ({ reason: ROLE_REASON[p.role], basis: p.basis }));
    if (facts.reporterAgencies.includes(agencyCode)) reasons.push({ reason: 'REPORTER', basis: null });
    if (facts.actions.some((a) => a.assigneeAgencyCode === agencyCode)) reasons.push({ reason: 'ASSIGNEE', basis: null });
    return { agencyCode, reasons };
  });
}

/**
 * Need-to-know: an agency responsible for the case (lead, participant, informed, assignee) and the
 * case-wide roles see all of it; an agency that only reported the same content sees its own reports.
 */
export function viewerAccessOf(actor: Actor, facts: CaseAccessFacts): ViewerAccess {
  if (hasAnyRole(actor, CASE_WIDE_ROLES)) return 'FULL';
  const responsible =
    facts.participants.some((p) => p.agencyCode === actor.agencyCode) || facts.actions.some((a) => a.assigneeAgencyCode === actor.agencyCode);
  return responsible ? 'FULL' : 'REPORTER';
}

/** The lifecycle command and GraphQL operation behind each case action that moves the case's status. */
const STATUS_ACTIONS: ReadonlyArray<[CaseAction, CaseCommand['kind'], GraphQLOperation]> = [
  ['TRIAGE', 'TRIAGE', 'triageCase'],
  ['OPEN_CONSULTATION', 'START_CONSULTATION', 'openConsultation'],
  ['DECIDE', 'DECIDE', 'decideCase'],
  ['CLOSE', 'CLOSE', 'closeCase'],
  ['DISMISS', 'DISMISS', 'dismissCase'],
  ['REOPEN', 'REOPEN', 'reopenCase'],
  ['MERGE', 'MERGE', 'mergeCases'],
];

/** Statuses in which a report may still be split out of its case: before the case is decided. */
const SPLITTABLE: readonly CaseStatus[] = ['OPEN', 'TRIAGED', 'IN_CONSULTATION'];

/**
 * The case actions the viewer may perform now: the lifecycle table allows the move from the
 * case's status, the policy table lets the viewer's roles call the operation, and the action's own
 * condition holds (every handling action done to close an ACTING case, a suggested duplicate to
 * reject, a second report to split, an open action assigned to the viewer's agency, or any for the coordinator, to update).
 */
export function allowedCaseActions(actor: Actor, facts: CaseAccessFacts): CaseAction[] {
  const commands = allowedCommands(facts.status);
  const allowed: CaseAction[] = [];
  for (const [action, command, operation] of STATUS_ACTIONS) {
    if (!commands.includes(command) || !mayCallOperation(actor, operation)) continue;
    if (action === 'CLOSE' && facts.status === 'ACTING' && facts.actions.some((a) => a.status !== 'DONE')) continue;
    allowed.push(action);
  }
  if (commands.includes('MERGE') && facts.possibleDuplicateCount > 0 && mayCallOperation(actor, 'rejectDuplicate')) allowed.push('REJECT_DUPLICATE');
  if (SPLITTABLE.includes(facts.status) && (facts.reportCount === null || facts.reportCount > 1) && mayCallOperation(actor, 'splitReport')) allowed.push('SPLIT_REPORT');
  // The assignee carries out its actions; the lead agency's coordinator may record them on its behalf.
  const mine = (a: CaseAccessFacts['actions'][number]) => a.assigneeAgencyCode === actor.agencyCode || actor.roles.includes(Roles.COORDINATOR);
  const open = facts.actions.filter((a) => a.status !== 'DONE' && mine(a));
  if (open.length > 0 && mayCallOperation(actor, 'updateHandlingAction')) allowed.push('UPDATE_HANDLING_ACTION');
  if (open.some((a) => a.type === 'REQUEST_REMOVAL') && mayCallOperation(actor, 'updateRemovalRequest')) allowed.push('UPDATE_REMOVAL_REQUEST');
  return allowed;
}
