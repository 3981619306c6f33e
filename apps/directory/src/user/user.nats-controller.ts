import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RpcSubjects, UserGetRequest, UserResolveRequest, type OfficerDto, type UserDto } from '@phoi-hop/contracts';
import { ActorContext } from '@phoi-hop/auth';
import { UserService } from './user.service';

@Controller()
export class UserNatsController {
  constructor(private readonly users: UserService) {}

  @MessagePattern(RpcSubjects.directory.userGet)
  get(@Payload() request: UserGetRequest): Promise<UserDto> {
    return this.users.get(ActorContext.require(), request.username);
  }

  @MessagePattern(RpcSubjects.directory.userResolve)
  resolve(@Payload() request: UserResolveRequest): Promise<OfficerDto[]> {
    return this.users.resolve(request.usernames);
  }
}
