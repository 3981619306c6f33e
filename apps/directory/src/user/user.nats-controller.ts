import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ActorResolveRequest,
  CreateUserRequest,
  DisableUserRequest,
  EnableUserRequest,
  RpcSubjects,
  UpdateUserRequest,
  UserGetRequest,
  UserListRequest,
  UserResolveRequest,
  type Actor,
  type OfficerDto,
  type UserAdminDto,
  type UserDto,
  type UserListResponse,
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

  @MessagePattern(RpcSubjects.directory.userResolve)
  resolve(@Payload() request: UserResolveRequest): Promise<OfficerDto[]> {
    return this.users.resolve(request.usernames);
  }

  @MessagePattern(RpcSubjects.directory.actorResolve)
  actor(@Payload() request: ActorResolveRequest): Promise<Actor> {
    return this.users.resolveActor(request);
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
