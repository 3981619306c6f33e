import type { DataSource } from 'typeorm';
import type { Actor } from '@phoi-hop/contracts';
import { AuthError, type ActorLookup } from '@phoi-hop/auth';
import { UserEntity } from './user.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The directory's own answer to "who is this caller": its user table, not a NATS call. */
export function directoryUserLookup(dataSource: DataSource): ActorLookup {
  return async (claims) => {
    const users = dataSource.getRepository(UserEntity);
    // Tokens name the user by preferred_username; a token with only a subject by the user's id.
    let user = await users.findOne({ where: { username: claims.username } });
    if (!user && claims.username === claims.userId && UUID.test(claims.userId)) user = await users.findOne({ where: { id: claims.userId } });
    if (!user) throw AuthError.unauthenticated('Unknown user');
    if (!user.active) throw AuthError.unauthenticated('User is disabled');
    const actor: Actor = { userId: user.id, username: user.username, agencyCode: user.agencyCode, roles: user.roles };
    return actor;
  };
}
