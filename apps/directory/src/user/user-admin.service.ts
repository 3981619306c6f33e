import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DomainError,
  ErrorCodes,
  EventSubjects,
  Roles,
  provinceDay,
  type Actor,
  type CreateUserRequest,
  type DisableUserRequest,
  type EnableUserRequest,
  type Role,
  type UpdateUserRequest,
  type UserAdminDto,
  type UserChange,
  type UserChangedEvent,
  type UserListRequest,
  type UserListResponse,
} from '@phoi-hop/contracts';
import { stableUserId, type ActorResolver } from '@phoi-hop/auth';
import { ACTOR_RESOLVER, OutboxRelay, appendToOutbox } from '@phoi-hop/messaging';
import { appendAudit, idempotentRequestOf, runIdempotent } from '@phoi-hop/persistence';
import { AgencyEntity } from '../agency/agency.entity';
import { ResponsibilityRuleEntity } from '../routing/responsibility-rule.entity';
import { currentAgency } from '@phoi-hop/routing';
import type { SeedAgency } from '../seed/seed.types';
import { UserEntity } from './user.entity';
import { LINKED_ISSUER } from './user-identity';
import { toUserAdminDto } from './user.mapper';
import { UserRepository } from './user.repository';
import { decodeUserCursor, encodeUserCursor, roleAgencyProblem } from './user.rules';

/** What the audit keeps of a user: no credentials exist here, and none would be written. */
function auditView(user: UserEntity): Record<string, unknown> {
  return { displayName: user.displayName, agencyCode: user.agencyCode, roles: user.roles, active: user.active, subject: user.subject };
}

/**
 * User administration (ADMIN): each change is checked (agency, roles that fit it), written with
 * its audit entry and an `evt.directory.user.changed` event in one transaction, so that gateways
 * and services drop the user from their caches.
 */
@Injectable()
export class UserAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly relay: OutboxRelay,
    @Inject(ACTOR_RESOLVER) private readonly actors: ActorResolver,
    @Inject(LINKED_ISSUER) private readonly linkedIssuer: string,
  ) {}

  async list(request: UserListRequest): Promise<UserListResponse> {
    const after = request.after ? decodeUserCursor(request.after) : null;
    const list = this.dataSource.getRepository(UserEntity).createQueryBuilder('u');
    if (request.agencyCode) list.andWhere('u.agency_code = :agency', { agency: request.agencyCode });
    const page = list
      .clone()
      .orderBy('u.username', 'ASC')
      .limit(request.first + 1);
    if (after) page.andWhere('u.username > :after', { after });
    const [rows, totalCount] = await Promise.all([page.getMany(), list.getCount()]);
    const edges = rows.slice(0, request.first).map((user) => ({ cursor: encodeUserCursor(user.username), node: toUserAdminDto(user) }));
    return { edges, endCursor: edges.at(-1)?.cursor ?? null, hasNextPage: rows.length > request.first, totalCount };
  }

  async create(actor: Actor, request: CreateUserRequest): Promise<UserAdminDto> {
    // A retry with the same idempotency key gets the user created first, not "exists".
    const idempotency = idempotentRequestOf(actor.userId, 'directory.user.create', request);
    const created = await runIdempotent(this.dataSource, idempotency, async (manager) => {
      await this.checkFit(manager, request.agencyCode, request.roles);
      const subject = request.subject ?? null;
      if (subject) await this.checkSubjectFree(manager, subject, null);
      const inserted = await this.users.insertIfAbsent(manager, {
        id: stableUserId(request.username),
        username: request.username,
        displayName: request.displayName.trim(),
        agencyCode: request.agencyCode,
        roles: request.roles,
        subjectIssuer: subject ? this.linkedIssuer : null,
        subject,
      });
      if (!inserted) throw new DomainError(ErrorCodes.CONFLICT, `A user named ${request.username} exists`, 'username');
      const user = (await manager.findOne(UserEntity, { where: { username: request.username } }))!;
      await this.record(manager, actor, user, 'CREATED', { after: auditView(user) });
      return toUserAdminDto(user);
    });
    this.actors.forget(request.username);
    this.relay.kick();
    return created;
  }

  async update(actor: Actor, request: UpdateUserRequest): Promise<UserAdminDto> {
    return this.change(request.username, async (manager) => {
      const user = await this.lock(manager, request.username);
      const before = auditView(user);
      const roles = request.roles ?? user.roles;
      const agencyCode = request.agencyCode ?? user.agencyCode;
      if (user.username === actor.username && user.roles.includes(Roles.ADMIN) && !roles.includes(Roles.ADMIN)) {
        throw new DomainError(ErrorCodes.BAD_USER_INPUT, 'An administrator cannot take their own ADMIN role away', 'roles');
      }
      await this.checkFit(manager, agencyCode, roles);
      const displayName = request.displayName?.trim() ?? user.displayName;
      // "" unlinks; a subject is always linked under the platform's own identity provider.
      const subject = request.subject === undefined ? user.subject : request.subject || null;
      const subjectIssuer = request.subject === undefined ? user.subjectIssuer : subject ? this.linkedIssuer : null;
      if (
        displayName === user.displayName &&
        agencyCode === user.agencyCode &&
        sameRoles(roles, user.roles) &&
        subject === user.subject &&
        subjectIssuer === user.subjectIssuer
      )
        return user;
      if (subject && (subject !== user.subject || subjectIssuer !== user.subjectIssuer)) await this.checkSubjectFree(manager, subject, user.id);
      await manager.update(UserEntity, { id: user.id }, { displayName, agencyCode, roles, subject, subjectIssuer, updatedAt: new Date() });
      const after = (await manager.findOne(UserEntity, { where: { id: user.id } }))!;
      await this.record(manager, actor, after, 'UPDATED', { before, after: auditView(after) }, [user.agencyCode]);
      return after;
    });
  }

  async disable(actor: Actor, request: DisableUserRequest): Promise<UserAdminDto> {
    return this.change(request.username, async (manager) => {
      const user = await this.lock(manager, request.username);
      if (user.username === actor.username) throw new DomainError(ErrorCodes.BAD_USER_INPUT, 'An administrator cannot disable themself', 'username');
      if (!user.active) throw new DomainError(ErrorCodes.INVALID_STATE, `${user.username} is already disabled`, 'username');
      const reason = request.reason.trim();
      await manager.update(UserEntity, { id: user.id }, { active: false, disabledAt: new Date(), disabledReason: reason, updatedAt: new Date() });
      const after = (await manager.findOne(UserEntity, { where: { id: user.id } }))!;
      await this.record(manager, actor, after, 'DISABLED', { reason });
      return after;
    });
  }

  async enable(actor: Actor, request: EnableUserRequest): Promise<UserAdminDto> {
    return this.change(request.username, async (manager) => {
      const user = await this.lock(manager, request.username);
      if (user.active) throw new DomainError(ErrorCodes.INVALID_STATE, `${user.username} is not disabled`, 'username');
      await this.checkFit(manager, user.agencyCode, user.roles);
      await manager.update(UserEntity, { id: user.id }, { active: true, disabledAt: null, disabledReason: null, updatedAt: new Date() });
      const after = (await manager.findOne(UserEntity, { where: { id: user.id } }))!;
      await this.record(manager, actor, after, 'ENABLED', { disabledReason: user.disabledReason });
      return after;
    });
  }

  /** Runs a change in one transaction, then publishes its event and forgets the cached user here. */
  private async change(username: string, work: (manager: EntityManager) => Promise<UserEntity>): Promise<UserAdminDto> {
    const user = await this.dataSource.transaction(work).catch((error: unknown) => {
      // Two administrators linking one subject at once: the unique index decides.
      const driver = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
      if (driver?.code === '23505' && driver.constraint === 'app_user_subject_idx')
        throw new DomainError(ErrorCodes.CONFLICT, 'The subject is linked to another user', 'subject');
      throw error;
    });
    this.actors.forget(username);
    this.relay.kick();
    return toUserAdminDto(user);
  }

  private async lock(manager: EntityManager, username: string): Promise<UserEntity> {
    const user = await manager.findOne(UserEntity, { where: { username }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw new DomainError(ErrorCodes.NOT_FOUND, `No user named ${username}`, 'username');
    return user;
  }

  /** One subject of the provider is one user: linking it to a second is CONFLICT. */
  private async checkSubjectFree(manager: EntityManager, subject: string, userId: string | null): Promise<void> {
    const holder = await manager.findOne(UserEntity, { where: { subjectIssuer: this.linkedIssuer, subject } });
    if (holder && holder.id !== userId) throw new DomainError(ErrorCodes.CONFLICT, `The subject is linked to ${holder.username}`, 'subject');
  }

  /** The agency exists today and the roles fit it (see roleAgencyProblem). */
  private async checkFit(manager: EntityManager, agencyCode: string, roles: readonly Role[]): Promise<void> {
    const agency = await manager.findOne(AgencyEntity, { where: { code: agencyCode } });
    if (!agency) throw new DomainError(ErrorCodes.BAD_USER_INPUT, `Unknown agency ${agencyCode}`, 'agencyCode');
    const day = provinceDay();
    const problem = roleAgencyProblem(roles, agency, await this.leadAgencyCode(manager, day), day);
    if (problem) throw new DomainError(ErrorCodes.BAD_USER_INPUT, problem.message, problem.field);
  }

  /** The agency the LEAD rule names (Đ6.1), or its successor after a reorganisation. */
  private async leadAgencyCode(manager: EntityManager, day: string): Promise<string | null> {
    const rule = await manager.findOne(ResponsibilityRuleEntity, { where: { role: 'LEAD', active: true }, order: { position: 'ASC' } });
    const target = rule?.target as { agency?: string } | undefined;
    if (!target?.agency) return null;
    const agencies = await manager.find(AgencyEntity);
    return currentAgency(target.agency, new Map(agencies.map((a) => [a.code, a as unknown as SeedAgency])), day);
  }

  private async record(
    manager: EntityManager,
    actor: Actor,
    user: UserEntity,
    change: UserChange,
    summary: Record<string, unknown>,
    formerAgencies: string[] = [],
  ): Promise<void> {
    await appendAudit(manager, {
      actor,
      action: `user.${change.toLowerCase()}`,
      targetType: 'user',
      targetId: user.username,
      summary: { userId: user.id, ...summary },
    });
    await appendToOutbox<UserChangedEvent>(manager, [
      {
        subject: EventSubjects.directory.userChanged,
        aggregateId: user.id,
        visibleTo: [user.agencyCode, ...formerAgencies],
        data: { userId: user.id, username: user.username, change, active: user.active },
      },
    ]);
  }
}

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role));
}
