import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { DomainError, ErrorCodes, Roles, type Actor, type ExternalIdentity, type OfficerDto, type UserDto, type UserNameDto } from '@phoi-hop/contracts';
import { hasAnyRole, type ActorLookup } from '@phoi-hop/auth';
import { directoryUserLookup } from './user-identity';
import { UserEntity } from './user.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class UserService {
  private readonly lookup: ActorLookup;

  constructor(private readonly dataSource: DataSource) {
    this.lookup = directoryUserLookup(dataSource);
  }

  /** The active user an identity names (see directoryUserLookup), for the services that verified its token. */
  resolveActor(identity: ExternalIdentity): Promise<Actor> {
    return this.lookup(identity);
  }

  /** A user's directory record: for the user themself and for administrators. */
  async get(actor: Actor, username: string): Promise<UserDto> {
    if (actor.username !== username && !hasAnyRole(actor, [Roles.ADMIN])) {
      throw new DomainError(ErrorCodes.FORBIDDEN, 'Not allowed to read this user');
    }
    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { username } });
    if (!user) throw new DomainError(ErrorCodes.NOT_FOUND, 'No such user', 'username');
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      agencyCode: user.agencyCode,
      roles: user.roles,
      active: user.active,
    };
  }

  async findActive(username: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOne({ where: { username, active: true } });
  }

  /** The people behind user ids, in no particular order; unknown ids (and ids that are not a user's, such as an API key's) are left out. */
  async names(ids: string[]): Promise<UserNameDto[]> {
    const userIds = [...new Set(ids.filter((id) => UUID.test(id)))];
    if (!userIds.length) return [];
    const users = await this.dataSource.getRepository(UserEntity).find({ where: { id: In(userIds) } });
    return users.map((u) => ({ id: u.id, username: u.username, displayName: u.displayName, agencyCode: u.agencyCode, active: u.active }));
  }

  /** The officers behind usernames; unknown usernames are left out. */
  async resolve(usernames: string[]): Promise<OfficerDto[]> {
    if (!usernames.length) return [];
    const users = await this.dataSource.getRepository(UserEntity).find({ where: { username: In(usernames) }, order: { username: 'ASC' } });
    return users.map((u) => ({ username: u.username, displayName: u.displayName, agencyCode: u.agencyCode, active: u.active }));
  }
}
