import { DEV_ISSUER } from '@phoi-hop/auth';
import { linkedIssuerOf, userNamedBy } from './user-identity';

const issuer = 'https://id.quangbinh.gov.vn/realms/qb';
type User = { name: string; subjectIssuer: string | null; subject: string | null };
const unlinked: User = { name: 'syt.officer', subjectIssuer: null, subject: null };
const linkedHere: User = { name: 'admin', subjectIssuer: issuer, subject: 'person-7' };
const linkedElsewhere: User = { name: 'leader', subjectIssuer: 'https://old-id.example.vn', subject: 'person-7' };

describe(userNamedBy.name, () => {
  it('takes the user linked to the subject, whatever username the token carries', () => {
    expect(userNamedBy({ issuer, subject: 'person-7', username: 'someone.else' }, linkedHere, unlinked)).toBe(linkedHere);
  });

  it('takes the named user only when a username was allowed through, and never one linked to another subject of the same issuer', () => {
    expect(userNamedBy({ issuer, subject: 'admin' }, null, linkedHere)).toBeNull();
    expect(userNamedBy({ issuer, subject: 'person-9', username: 'syt.officer' }, null, unlinked)).toBe(unlinked);
    // A recycled or renamed provider account that now carries the administrator's username.
    expect(userNamedBy({ issuer, subject: 'person-9', username: 'admin' }, null, linkedHere)).toBeNull();
    // A link at another issuer says nothing about this one.
    expect(userNamedBy({ issuer, subject: 'person-9', username: 'leader' }, null, linkedElsewhere)).toBe(linkedElsewhere);
    expect(userNamedBy({ issuer, subject: 'person-9', username: 'nobody' }, null, null)).toBeNull();
  });

  it('links subjects under the OIDC issuer in production and the development issuer otherwise', () => {
    expect(linkedIssuerOf({ mode: 'oidc', issuer })).toBe(issuer);
    expect(linkedIssuerOf({ mode: 'dev', issuer: '' })).toBe(DEV_ISSUER);
  });
});
