import type { DataSource } from 'typeorm';
import type { Actor, ExternalIdentity } from '@phoi-hop/contracts';
import { AuthError, DEV_ISSUER, type ActorLookup, type AuthConfig } from '@phoi-hop/auth';
import { UserEntity } from './user.entity';

/** The issuer under which administrators link users to subjects: the platform's identity provider. */
export const LINKED_ISSUER = Symbol('LINKED_ISSUER');

export function linkedIssuerOf(auth: Pick<AuthConfig, 'mode' | 'issuer'>): string {
  return auth.mode === 'oidc' ? auth.issuer : DEV_ISSUER;
}

/**
 * The directory's own answer to "who is this caller": the user linked to the token's subject at
 * its issuer; failing that, the user named by the identity's username, which the verifying service
 * sends only when the deployment lets that issuer's usernames name users, and only if that user is
 * not linked to another subject of the same issuer (a renamed or recycled provider account gets
 * nothing). A subject is never compared with usernames or user ids.
 */
export function directoryUserLookup(dataSource: DataSource): ActorLookup {
  return async (identity: ExternalIdentity) => {
    const users = dataSource.getRepository(UserEntity);
    const linked = await users.findOne({ where: { subjectIssuer: identity.issuer, subject: identity.subject } });
    const named = !linked && identity.username ? await users.findOne({ where: { username: identity.username } }) : null;
    return actorOf(userNamedBy(identity, linked, named));
  };
}

type LinkedUser = Pick<UserEntity, 'subjectIssuer' | 'subject'>;

/** Which user an identity names: the one linked to its subject, else the named one unless linked to another subject of the issuer. */
export function userNamedBy<U extends LinkedUser>(identity: ExternalIdentity, linked: U | null, named: U | null): U | null {
  if (linked) return linked;
  if (!identity.username || !named) return null;
  return named.subjectIssuer === identity.issuer && named.subject !== identity.subject ? null : named;
}

function actorOf(user: UserEntity | null): Actor {
  if (!user) throw AuthError.unauthenticated('Unknown user');
  if (!user.active) throw AuthError.unauthenticated('User is disabled');
  return { userId: user.id, username: user.username, agencyCode: user.agencyCode, roles: user.roles };
}
