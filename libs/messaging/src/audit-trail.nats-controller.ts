import { Controller, Inject, type Type } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { AuditTrailRequest, type AuditTrailResponse, type RpcSubject } from '@phoi-hop/contracts';
import { readAuditTrail } from '@phoi-hop/persistence';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';

/**
 * The audit-trail RPC of a service (`<service>.audit.trail`), the same in every service that keeps
 * an audit log; who may call it is in the access policy (AUDITOR, ADMIN).
 */
export function auditTrailController(subject: RpcSubject): Type<unknown> {
  @Controller()
  class AuditTrailNatsController {
    constructor(
      private readonly dataSource: DataSource,
      @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    ) {}

    @MessagePattern(subject)
    trail(@Payload() request: AuditTrailRequest): Promise<AuditTrailResponse> {
      return readAuditTrail(this.dataSource, this.options.serviceName, request);
    }
  }
  return AuditTrailNatsController;
}
