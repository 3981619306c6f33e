import { ReportChannels, Roles, RpcSubjects, type Actor, type ReportChannel, type Role } from '@phoi-hop/contracts';
import {
  API_CLIENT_OPERATIONS,
  GRAPHQL_POLICY,
  RPC_POLICY,
  authorizeOperation,
  authorizeRpc,
  invalidApiKeyScopes,
  mayCallOperation,
  mayClaimReportChannel,
  type PolicyEntry,
} from './access-policy';

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

  it('lists, for every operation open to API clients, subjects that are open to them too', () => {
    expect(API_CLIENT_OPERATIONS).toEqual(expect.arrayContaining(['submitReport', 'agencies', 'me']));
    for (const operation of API_CLIENT_OPERATIONS) {
      const subjects = (GRAPHQL_POLICY as Record<string, PolicyEntry>)[operation]!.subjects;
      expect({ operation, subjects: Array.isArray(subjects) }).toEqual({ operation, subjects: true });
      for (const subject of subjects!) expect({ subject, open: RPC_POLICY[subject].roles.includes('API_CLIENT') }).toEqual({ subject, open: true });
    }
  });

  it('accepts as API key scopes only operations open to API clients', () => {
    expect(invalidApiKeyScopes(['submitReport', 'agencies'])).toEqual([]);
    expect(invalidApiKeyScopes(['submitReport', 'cases', 'createUser', 'noSuchOperation'])).toEqual(['cases', 'createUser', 'noSuchOperation']);
  });

  it('keeps an API key within its scopes, at the gateway and on NATS', () => {
    const client: Actor = { ...actor(['API_CLIENT']), scopes: ['submitReport'], apiKeyId: 'k' };
    expect(mayCallOperation(client, 'submitReport')).toBe(true);
    expect(mayCallOperation(client, 'agencies')).toBe(false);
    expect(mayCallOperation({ ...client, scopes: undefined }, 'agencies')).toBe(true);
    expect(() => authorizeOperation(client, 'agencies')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', message: "Not within the API key's scopes: agencies" }),
    );
    expect(() => authorizeRpc(client, RpcSubjects.intake.reportSubmit)).not.toThrow();
    // What submitting a report causes: intake asks the directory for the routing.
    expect(() => authorizeRpc(client, RpcSubjects.directory.caseRoute)).not.toThrow();
    expect(() => authorizeRpc({ ...client, scopes: ['agencies'] }, RpcSubjects.intake.reportSubmit)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => authorizeRpc({ ...client, scopes: [] }, RpcSubjects.directory.agencyList)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('lets only the gateway, as itself, verify API keys', () => {
    const gateway: Actor = { userId: 'gateway', username: 'gateway', agencyCode: '', roles: [], service: 'gateway' };
    expect(() => authorizeRpc(gateway, RpcSubjects.directory.apiKeyVerify)).not.toThrow();
    expect(() => authorizeRpc(gateway, RpcSubjects.intake.caseList)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => authorizeRpc({ ...gateway, service: 'intake' }, RpcSubjects.directory.apiKeyVerify)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => authorizeRpc(actor(['ADMIN']), RpcSubjects.directory.apiKeyVerify)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});

describe(mayClaimReportChannel.name, () => {
  const actorWith = (role: Role): Actor => ({ userId: `u-${role}`, username: role.toLowerCase(), agencyCode: 'X', roles: [role] });
  const reporters: Role[] = [Roles.COORDINATOR, Roles.OFFICER, Roles.INVESTIGATOR, Roles.ETHICS_OFFICER, Roles.API_CLIENT];
  // Đ6.1: the press review and the Ministry's systems are the lead agency's; COORDINATOR is its role alone.
  const expected: Record<ReportChannel, Role[]> = {
    AGENCY: reporters,
    PUBLIC_TIP: reporters,
    MEDIA_MONITORING: [Roles.COORDINATOR],
    MINISTRY_SYSTEM: [Roles.COORDINATOR],
  };

  it.each(ReportChannels.flatMap((channel) => Object.values(Roles).map((role) => [channel, role] as const)))('%s claimed by %s', (channel, role) => {
    expect(mayClaimReportChannel(actorWith(role), channel)).toBe(expected[channel].includes(role));
  });
});
