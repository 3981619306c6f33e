import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateUserRequest,
  DisableUserRequest,
  EnableUserRequest,
  RpcSubjects,
  UpdateUserRequest,
  UserGetRequest,
  UserListRequest,
  UserNamesRequest,
  UserResolveRequest,
  type Actor,
  type OfficerDto,
  type UserAdminDto,
  type UserDto,
  type UserListResponse,
  type UserNameDto,
} from '@phoi-hop/contracts';
import { ActorContext } from '@phoi-hop/auth';
import { UserAdminService } from './user-admin.service';
import { UserService } from './user.service';

@Controller()
export class UserNatsController {
  constructor(
    private readonly users: UserService,
    private readonly admin: UserAdminService,
  ) {}

  @MessagePattern(RpcSubjects.directory.userGet)
  get(@Payload() request: UserGetRequest): Promise<UserDto> {
    return this.users.get(ActorContext.require(), request.username);
  }

  @MessagePattern(RpcSubjects.directory.userNames)
  names(@Payload() request: UserNamesRequest): Promise<UserNameDto[]> {
    return this.users.names(request.ids);
  }

  @MessagePattern(RpcSubjects.directory.userResolve)
  resolve(@Payload() request: UserResolveRequest): Promise<OfficerDto[]> {
    return this.users.resolve(request.usernames);
  }

  // The request interceptor has already mapped the caller's token to an active user.
  @MessagePattern(RpcSubjects.directory.actorResolve)
  actor(): Actor {
    return ActorContext.require();
  }

  @MessagePattern(RpcSubjects.directory.userList)
  list(@Payload() request: UserListRequest): Promise<UserListResponse> {
    return this.admin.list(request);
  }

  @MessagePattern(RpcSubjects.directory.userCreate)
  create(@Payload() request: CreateUserRequest): Promise<UserAdminDto> {
    return this.admin.create(ActorContext.require(), request);
  }

  @MessagePattern(RpcSubjects.directory.userUpdate)
  update(@Payload() request: UpdateUserRequest): Promise<UserAdminDto> {
    return this.admin.update(ActorContext.require(), request);
  }

  @MessagePattern(RpcSubjects.directory.userDisable)
  disable(@Payload() request: DisableUserRequest): Promise<UserAdminDto> {
    return this.admin.disable(ActorContext.require(), request);
  }

  @MessagePattern(RpcSubjects.directory.userEnable)
  enable(@Payload() request: EnableUserRequest): Promise<UserAdminDto> {
    return this.admin.enable(ActorContext.require(), request);
  }
}
