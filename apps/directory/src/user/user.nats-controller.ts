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
  UserNamesRequest,
  UserResolveRequest,
  type Actor,
  type OfficerDto,
  type UserAdminDto,
  type UserDto,
  type UserListResponse,
  type UserNameDto,
} from '@phoi-hop/contracts';
import { RpcActor } from '@phoi-hop/messaging';
import { UserAdminService } from './user-admin.service';
import { UserService } from './user.service';

@Controller()
export class UserNatsController {
  constructor(
    private readonly users: UserService,
    private readonly admin: UserAdminService,
  ) {}

  @MessagePattern(RpcSubjects.directory.userGet)
  get(@RpcActor() actor: Actor, @Payload() request: UserGetRequest): Promise<UserDto> {
    return this.users.get(actor, request.username);
  }

  @MessagePattern(RpcSubjects.directory.userNames)
  names(@Payload() request: UserNamesRequest): Promise<UserNameDto[]> {
    return this.users.names(request.ids);
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
  create(@RpcActor() actor: Actor, @Payload() request: CreateUserRequest): Promise<UserAdminDto> {
    return this.admin.create(actor, request);
  }

  @MessagePattern(RpcSubjects.directory.userUpdate)
  update(@RpcActor() actor: Actor, @Payload() request: UpdateUserRequest): Promise<UserAdminDto> {
    return this.admin.update(actor, request);
  }

  @MessagePattern(RpcSubjects.directory.userDisable)
  disable(@RpcActor() actor: Actor, @Payload() request: DisableUserRequest): Promise<UserAdminDto> {
    return this.admin.disable(actor, request);
  }

  @MessagePattern(RpcSubjects.directory.userEnable)
  enable(@RpcActor() actor: Actor, @Payload() request: EnableUserRequest): Promise<UserAdminDto> {
    return this.admin.enable(actor, request);
  }
}
