import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  HandOverPackageRequest,
  PoliceReferralListRequest,
  RequestPoliceReferralRequest,
  RpcSubjects,
  UpdatePoliceReferralRequest,
  type Actor,
  type PoliceReferralDto,
} from '@phoi-hop/contracts';
import { RpcActor } from '@phoi-hop/messaging';
import { ReferralService } from './referral.service';

@Controller()
export class ReferralNatsController {
  constructor(private readonly referrals: ReferralService) {}

  // Đ6.2: the lead agency refers the case to the police as its decision says.
  @MessagePattern(RpcSubjects.evidence.referralRequest)
  request(@RpcActor() actor: Actor, @Payload() request: RequestPoliceReferralRequest): Promise<PoliceReferralDto> {
    return this.referrals.request(actor, request);
  }

  @MessagePattern(RpcSubjects.evidence.referralUpdate)
  update(@RpcActor() actor: Actor, @Payload() request: UpdatePoliceReferralRequest): Promise<PoliceReferralDto> {
    return this.referrals.update(actor, request);
  }

  @MessagePattern(RpcSubjects.evidence.referralHandOver)
  handOver(@RpcActor() actor: Actor, @Payload() request: HandOverPackageRequest): Promise<PoliceReferralDto> {
    return this.referrals.handOver(actor, request);
  }

  @MessagePattern(RpcSubjects.evidence.referralList)
  list(@RpcActor() actor: Actor, @Payload() request: PoliceReferralListRequest): Promise<PoliceReferralDto[]> {
    return this.referrals.list(actor, request.caseId);
  }
}
