import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ErrorCodes, RpcSubjects, type UserAdminDto, type UserListResponse } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import { CallerAuthenticator } from '../../auth/caller-authenticator';
import { InternalToken } from '../common/caller.decorators';
import { gqlError } from '../common/gql-errors';
import { toRpcPayload } from '../common/rpc-payload';
import { CreateUserInput, UpdateUserInput } from './user.input';
import { UserConnectionModel, UserModel } from './user.model';
import { IdempotencyKey, withClientRequestId } from '../common/idempotency';

const PAGE_MAX = 100;

/** User administration (ADMIN); each change also drops the user from this gateway's cache at once. */
@Resolver(() => UserModel)
export class UserAdminResolver {
  constructor(
    private readonly rpc: RpcClient,
    private readonly authenticator: CallerAuthenticator,
  ) {}

  @Query(() => UserConnectionModel, { description: `Directory users, by username (ADMIN); first: 1–${PAGE_MAX} (default 50)` })
  async users(
    @InternalToken() token: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first = 50,
    @Args('after', { type: () => String, nullable: true, description: 'endCursor of the previous page' }) after?: string,
    @Args('agencyCode', { type: () => String, nullable: true }) agencyCode?: string,
  ): Promise<UserConnectionModel> {
    if (!Number.isInteger(first) || first < 1 || first > PAGE_MAX)
      throw gqlError(ErrorCodes.BAD_USER_INPUT, `first must be between 1 and ${PAGE_MAX}`, 'first');
    const page = await this.rpc.request<UserListResponse>(RpcSubjects.directory.userList, toRpcPayload({ first, after, agencyCode }), { token });
    return { edges: page.edges, totalCount: page.totalCount, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } };
  }

  @Mutation(() => UserModel, { description: 'Add a user to an agency (ADMIN)' })
  createUser(@Args('input') input: CreateUserInput, @InternalToken() token: string, @IdempotencyKey() key: string | null): Promise<UserAdminDto> {
    return this.rpc.request<UserAdminDto>(RpcSubjects.directory.userCreate, toRpcPayload(withClientRequestId(input, key)), { token });
  }

  @Mutation(() => UserModel, { description: "Change a user's name, agency or roles (ADMIN)" })
  updateUser(@Args('username') username: string, @Args('input') input: UpdateUserInput, @InternalToken() token: string): Promise<UserAdminDto> {
    return this.changed(this.rpc.request<UserAdminDto>(RpcSubjects.directory.userUpdate, toRpcPayload({ ...input, username }), { token }));
  }

  @Mutation(() => UserModel, { description: 'Disable a user: their tokens stop working at the gateway and at every service (ADMIN; not oneself)' })
  disableUser(@Args('username') username: string, @Args('reason') reason: string, @InternalToken() token: string): Promise<UserAdminDto> {
    return this.changed(this.rpc.request<UserAdminDto>(RpcSubjects.directory.userDisable, { username, reason }, { token }));
  }

  @Mutation(() => UserModel, { description: 'Enable a disabled user again (ADMIN)' })
  enableUser(@Args('username') username: string, @InternalToken() token: string): Promise<UserAdminDto> {
    return this.changed(this.rpc.request<UserAdminDto>(RpcSubjects.directory.userEnable, { username }, { token }));
  }

  private async changed(request: Promise<UserAdminDto>): Promise<UserAdminDto> {
    const user = await request;
    this.authenticator.forgetUser(user.username);
    return user;
  }
}
