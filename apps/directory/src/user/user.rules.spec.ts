import type { Role } from '@phoi-hop/contracts';
import { decodeUserCursor, encodeUserCursor, roleAgencyProblem, type AgencyFacts } from './user.rules';

const agency = (code: string, kind: string, validTo: string | null = null, successorCode: string | null = null): AgencyFacts => ({
  code,
  kind,
  validFrom: null,
  validTo,
  successorCode,
});
const STTTT = agency('STTTT', 'DEPARTMENT');
const CA = agency('CA', 'POLICE');
const HNB = agency('HNB', 'ASSOCIATION');
const SYT = agency('SYT', 'DEPARTMENT');
const DAY = '2026-03-01';
const check = (roles: Role[], at: AgencyFacts) => roleAgencyProblem(roles, at, 'STTTT', DAY);

describe('roleAgencyProblem', () => {
  it('accepts roles that fit the agency', () => {
    expect(check(['COORDINATOR'], STTTT)).toBeNull();
    expect(check(['OFFICER', 'INVESTIGATOR'], CA)).toBeNull();
    expect(check(['ETHICS_OFFICER'], HNB)).toBeNull();
    expect(check(['OFFICER'], SYT)).toBeNull();
    expect(check(['ADMIN'], SYT)).toBeNull();
    expect(check(['LEADER', 'AUDITOR'], agency('VP_UBND', 'OFFICE'))).toBeNull();
  });

  it('keeps COORDINATOR to the lead agency, INVESTIGATOR to the police, ETHICS_OFFICER to the press association', () => {
    expect(check(['COORDINATOR'], SYT)).toEqual({ field: 'roles', message: 'COORDINATOR is a role of the lead agency (STTTT) only' });
    expect(roleAgencyProblem(['COORDINATOR'], STTTT, null, DAY)).toMatchObject({ field: 'roles' });
    expect(check(['OFFICER', 'INVESTIGATOR'], SYT)).toEqual({ field: 'roles', message: 'INVESTIGATOR is a role of a police agency only' });
    expect(check(['ETHICS_OFFICER'], agency('BAO_QB', 'PRESS_ORGAN'))).toEqual({
      field: 'roles',
      message: 'ETHICS_OFFICER is a role of the press association only',
    });
  });

  it('refuses API_CLIENT for a person, repeated roles, and an agency that no longer exists', () => {
    expect(check(['API_CLIENT'], STTTT)).toMatchObject({ field: 'roles', message: expect.stringContaining('API key') });
    expect(check(['OFFICER', 'OFFICER'], SYT)).toMatchObject({ field: 'roles' });
    expect(check(['OFFICER'], agency('SKHCN', 'DEPARTMENT', '2025-02-28', 'SKHCN_MOI'))).toEqual({
      field: 'agencyCode',
      message: 'Agency SKHCN is not in existence on 2026-03-01; its successor is SKHCN_MOI',
    });
    expect(check(['OFFICER'], { ...SYT, validFrom: '2027-01-01' })).toMatchObject({ field: 'agencyCode' });
  });
});

describe('user list cursor', () => {
  it('round-trips a username and refuses anything else', () => {
    expect(decodeUserCursor(encodeUserCursor('ca.officer'))).toBe('ca.officer');
    expect(() => decodeUserCursor(Buffer.from(JSON.stringify({ username: "x' OR 1=1" }), 'utf8').toString('base64url'))).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }),
    );
    expect(() => decodeUserCursor(Buffer.from('ca.officer', 'utf8').toString('base64url'))).toThrow(expect.objectContaining({ field: 'after' }));
  });
});
