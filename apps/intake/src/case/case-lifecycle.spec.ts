import { CaseStatuses, type CaseStatus } from '@phoi-hop/contracts';
import { allowedCommands, closeCommand, nextStatus, type CaseCommand } from './case-lifecycle';

const command = (kind: CaseCommand['kind']): CaseCommand => {
  switch (kind) {
    case 'CLOSE':
      return { kind, allActionsDone: true };
    case 'DISMISS':
    case 'REOPEN':
      return { kind, reason: 'Lý do đầy đủ' };
    case 'MERGE':
      return { kind, intoCaseId: 'c2' };
    default:
      return { kind } as CaseCommand;
  }
};

const LEGAL: Array<[CaseStatus, CaseCommand['kind'], CaseStatus]> = [
  ['OPEN', 'TRIAGE', 'TRIAGED'],
  ['TRIAGED', 'START_CONSULTATION', 'IN_CONSULTATION'],
  ['IN_CONSULTATION', 'START_CONSULTATION', 'IN_CONSULTATION'],
  ['TRIAGED', 'DECIDE', 'DECIDED'],
  ['IN_CONSULTATION', 'DECIDE', 'DECIDED'],
  ['DECIDED', 'START_ACTING', 'ACTING'],
  ['DECIDED', 'CLOSE', 'CLOSED'],
  ['ACTING', 'CLOSE', 'CLOSED'],
  ['OPEN', 'DISMISS', 'DISMISSED'],
  ['TRIAGED', 'DISMISS', 'DISMISSED'],
  ['IN_CONSULTATION', 'DISMISS', 'DISMISSED'],
  ['OPEN', 'MERGE', 'MERGED'],
  ['TRIAGED', 'MERGE', 'MERGED'],
  ['CLOSED', 'REOPEN', 'TRIAGED'],
  ['DISMISSED', 'REOPEN', 'TRIAGED'],
];
const KINDS: CaseCommand['kind'][] = ['TRIAGE', 'START_CONSULTATION', 'DECIDE', 'START_ACTING', 'CLOSE', 'DISMISS', 'MERGE', 'REOPEN'];

describe('case lifecycle', () => {
  it.each(LEGAL)('%s --%s--> %s', (from, kind, to) => {
    expect(nextStatus(from, command(kind))).toBe(to);
  });

  it('refuses every other move with INVALID_STATE', () => {
    let refused = 0;
    for (const status of CaseStatuses) {
      for (const kind of KINDS) {
        if (LEGAL.some(([f, k]) => f === status && k === kind)) continue;
        expect(() => nextStatus(status, command(kind))).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
        refused++;
      }
    }
    expect(refused).toBe(CaseStatuses.length * KINDS.length - LEGAL.length);
  });

  it('closes an acting case only when every action is done', () => {
    expect(() => nextStatus('ACTING', { kind: 'CLOSE', allActionsDone: false })).toThrow(/every handling action/);
  });

  it.each([undefined, null, '', '   ', 'Xong rồi ', '   ngắn    '])('refuses to close without an outcome summary of at least ten characters (%p)', (outcome) => {
    expect(() => closeCommand(outcome, 0)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'reason' }));
  });

  it('closes with an outcome summary, knowing whether every action is done', () => {
    expect(closeCommand('  Đã gỡ bỏ nội dung  ', 0)).toEqual({ kind: 'CLOSE', allActionsDone: true });
    expect(closeCommand('Đã gỡ bỏ nội dung', 2)).toEqual({ kind: 'CLOSE', allActionsDone: false });
    expect(() => nextStatus('ACTING', closeCommand('Đã gỡ bỏ nội dung', 1))).toThrow(/every handling action/);
  });

  it('needs a reason to reopen or dismiss', () => {
    expect(() => nextStatus('CLOSED', { kind: 'REOPEN', reason: ' ' })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'reason' }));
    expect(() => nextStatus('OPEN', { kind: 'DISMISS', reason: '' })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('lists what a case in each status accepts, consistent with the transitions', () => {
    for (const status of CaseStatuses) {
      expect(allowedCommands(status).sort()).toEqual(LEGAL.filter(([f]) => f === status).map(([, k]) => k).sort());
    }
    expect(allowedCommands('MERGED')).toEqual([]);
  });
});
