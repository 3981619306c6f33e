import { CaseStatuses, type Actor, type CaseAction, type CaseStatus } from '@phoi-hop/contracts';
import { allowedCaseActions, caseAccess, viewerAccessOf, type CaseAccessFacts } from './case-access';
import { nextStatus, type CaseCommand } from './case-lifecycle';

const coordinator: Actor = { userId: 'u1', username: 'stttt.lead', agencyCode: 'STTTT', roles: ['COORDINATOR'] };
const police: Actor = { userId: 'u2', username: 'ca.officer', agencyCode: 'CA', roles: ['OFFICER', 'INVESTIGATOR'] };
const reporter: Actor = { userId: 'u3', username: 'syt.officer', agencyCode: 'SYT', roles: ['OFFICER'] };
const leader: Actor = { userId: 'u4', username: 'leader', agencyCode: 'VP_UBND', roles: ['LEADER'] };

const facts = (status: CaseStatus, overrides: Partial<CaseAccessFacts> = {}): CaseAccessFacts => ({
  status,
  visibleAgencies: ['UBND_LE_THUY', 'STTTT', 'CA', 'SYT'],
  participants: [
    { agencyCode: 'STTTT', role: 'LEAD', basis: 'Đ6.1' },
    { agencyCode: 'CA', role: 'PARTICIPANT', basis: 'Đ6.2' },
  ],
  reporterAgencies: ['UBND_LE_THUY', 'SYT'],
  actions: [],
  reportCount: 2,
  possibleDuplicateCount: 0,
  ...overrides,
});

/** The lifecycle command each status-moving case action stands for, to check the two tables agree. */
const COMMAND_OF: Partial<Record<CaseAction, CaseCommand>> = {
  TRIAGE: { kind: 'TRIAGE' },
  OPEN_CONSULTATION: { kind: 'START_CONSULTATION' },
  DECIDE: { kind: 'DECIDE' },
  CLOSE: { kind: 'CLOSE', allActionsDone: true },
  DISMISS: { kind: 'DISMISS', reason: 'Lý do đầy đủ' },
  REOPEN: { kind: 'REOPEN', reason: 'Lý do đầy đủ' },
  MERGE: { kind: 'MERGE', intoCaseId: 'c2' },
};

describe('caseAccess', () => {
  it('names every agency that may see the case with each reason and article', () => {
    const access = caseAccess(facts('ACTING', { actions: [{ type: 'PUBLISH_CLARIFICATION', assigneeAgencyCode: 'UBND_LE_THUY', status: 'PLANNED' }] }));
    expect(access).toEqual([
      { agencyCode: 'UBND_LE_THUY', reasons: [{ reason: 'REPORTER', basis: null }, { reason: 'ASSIGNEE', basis: null }] },
      { agencyCode: 'STTTT', reasons: [{ reason: 'LEAD', basis: 'Đ6.1' }] },
      { agencyCode: 'CA', reasons: [{ reason: 'PARTICIPANT', basis: 'Đ6.2' }] },
      { agencyCode: 'SYT', reasons: [{ reason: 'REPORTER', basis: null }] },
    ]);
  });
});

describe('viewerAccessOf', () => {
  it('gives responsible agencies and case-wide roles the full case, a reporter-only agency its own reports', () => {
    expect(viewerAccessOf(coordinator, facts('OPEN'))).toBe('FULL');
    expect(viewerAccessOf(police, facts('OPEN'))).toBe('FULL');
    expect(viewerAccessOf(leader, facts('OPEN'))).toBe('FULL');
    expect(viewerAccessOf(reporter, facts('OPEN'))).toBe('REPORTER');
    const assigned = facts('ACTING', { actions: [{ type: 'PUBLISH_CLARIFICATION', assigneeAgencyCode: 'SYT', status: 'DONE' }] });
    expect(viewerAccessOf(reporter, assigned)).toBe('FULL');
  });
});

describe('allowedCaseActions', () => {
  it.each(CaseStatuses)('offers the coordinator exactly the moves the lifecycle allows from %s', (status) => {
    const offered = allowedCaseActions(coordinator, facts(status));
    for (const [action, command] of Object.entries(COMMAND_OF) as Array<[CaseAction, CaseCommand]>) {
      let legal = true;
      try {
        nextStatus(status, command);
      } catch {
        legal = false;
      }
      expect([action, offered.includes(action)]).toEqual([action, legal]);
    }
  });

  it('offers the moves only to roles the policy table lets call them', () => {
    for (const status of CaseStatuses) {
      expect(allowedCaseActions(police, facts(status))).toEqual([]);
      expect(allowedCaseActions(leader, facts(status))).toEqual([]);
    }
  });

  it('closes an ACTING case only when every action is done', () => {
    const open = facts('ACTING', { actions: [{ type: 'PUBLISH_CLARIFICATION', assigneeAgencyCode: 'CA', status: 'IN_PROGRESS' }] });
    expect(allowedCaseActions(coordinator, open)).not.toContain('CLOSE');
    const done = facts('ACTING', { actions: [{ type: 'PUBLISH_CLARIFICATION', assigneeAgencyCode: 'CA', status: 'DONE' }] });
    expect(allowedCaseActions(coordinator, done)).toContain('CLOSE');
  });

  it('offers rejecting a duplicate only with a suggestion, and splitting only with a second report before the decision', () => {
    expect(allowedCaseActions(coordinator, facts('OPEN'))).not.toContain('REJECT_DUPLICATE');
    expect(allowedCaseActions(coordinator, facts('OPEN', { possibleDuplicateCount: 1 }))).toContain('REJECT_DUPLICATE');
    expect(allowedCaseActions(coordinator, facts('OPEN', { reportCount: 1 }))).not.toContain('SPLIT_REPORT');
    expect(allowedCaseActions(coordinator, facts('IN_CONSULTATION'))).toContain('SPLIT_REPORT');
    expect(allowedCaseActions(coordinator, facts('DECIDED'))).not.toContain('SPLIT_REPORT');
  });

  it('lets the assignee update its own open actions, and the removal request among them', () => {
    const actions = [
      { type: 'REQUEST_REMOVAL', assigneeAgencyCode: 'CA', status: 'PLANNED' },
      { type: 'PUBLISH_CLARIFICATION', assigneeAgencyCode: 'SYT', status: 'DONE' },
    ];
    expect(allowedCaseActions(police, facts('ACTING', { actions }))).toEqual(['UPDATE_HANDLING_ACTION', 'UPDATE_REMOVAL_REQUEST']);
    expect(allowedCaseActions(reporter, facts('ACTING', { actions }))).toEqual([]);
    expect(allowedCaseActions(coordinator, facts('ACTING', { actions }))).toEqual(expect.arrayContaining(['UPDATE_HANDLING_ACTION', 'UPDATE_REMOVAL_REQUEST']));
    expect(allowedCaseActions(leader, facts('ACTING', { actions }))).toEqual([]);
  });
});
