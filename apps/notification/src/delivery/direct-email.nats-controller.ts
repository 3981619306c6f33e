import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCodes, RpcSubjects, SendEmailRequest, type Actor } from '@phoi-hop/contracts';
import { RpcActor } from '@phoi-hop/messaging';
import { appendAudit } from '@phoi-hop/persistence';
import { DeliveryDispatcher } from './delivery.dispatcher';

/**
 * `notification.email.send`: one e-mail a platform service has sent through the platform's mailer
 * (the policy table lets only the press service call it). A failure is UNAVAILABLE: the caller
 * keeps the message as due work and retries.
 */
@Controller()
export class DirectEmailNatsController {
  constructor(
    private readonly dispatcher: DeliveryDispatcher,
    private readonly dataSource: DataSource,
  ) {}

  @MessagePattern(RpcSubjects.notification.emailSend)
  async send(@RpcActor() actor: Actor, @Payload() request: SendEmailRequest): Promise<{ sent: true }> {
    const result = await this.dispatcher.sendDirect(request.to, request.subject, request.text, request.reference);
    if (!result.ok) throw new DomainError(ErrorCodes.UNAVAILABLE, result.error ?? 'The mail server refused the message');
    await this.dataSource.transaction((manager) =>
      appendAudit(manager, {
        actor: null,
        action: 'email.sent',
        targetType: 'direct_email',
        targetId: request.reference,
        summary: { service: actor.service ?? actor.username },
      }),
    );
    return { sent: true };
  }
}
