import { RpcSubjects, type Actor } from '@phoi-hop/contracts';
import { RPC_POLICY, authorizeRpc, mayCallOperation } from './access-policy';

const leaves = (node: object): string[] => Object.values(node).flatMap((v) => (typeof v === 'string' ? [v] : leaves(v)));
const actor = (roles: Actor['roles']): Actor => ({ userId: 'u', username: 'x', agencyCode: 'STTTT', roles });

describe('access policy', () => {
  it('has an entry for every RPC subject, and none for subjects that do not exist', () => {
    expect(Object.keys(RPC_POLICY).sort()).toEqual(leaves(RpcSubjects).sort());
  });

  it('refuses what the table does not grant, and unknown subjects', () => {
    expect(() => authorizeRpc(actor(['LEADER']), RpcSubjects.intake.reportSubmit)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => authorizeRpc(actor(['OFFICER']), RpcSubjects.intake.reportSubmit)).not.toThrow();
    expect(() => authorizeRpc(actor(['ADMIN']), 'intake.case.delete')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(mayCallOperation(actor(['AUDITOR']), 'cases')).toBe(false);
    expect(mayCallOperation(actor(['AUDITOR']), 'no-such-operation')).toBe(false);
  });
});
